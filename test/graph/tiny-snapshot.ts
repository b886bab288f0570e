import { emptyOptionTables } from '../../src/model/empty-tables.js';
import { SIDE_COLLATERAL, SIDE_DEBT, type EcosystemSnapshot, type IsolationMode } from '../../src/model/ecosystem.js';

/** A snapshot small enough to write inline; `market` defaults to the asset's symbol, as in the import format. */
export interface Tiny {
  assets: { symbol: string; priceUsd: number; underlying?: string }[];
  protocols: { name: string; isolation?: IsolationMode }[];
  markets: { protocol: string; market?: string; asset: string; liquidationThreshold: number }[];
  positions: { protocol: string; account: string; market?: string; asset: string; side: 'collateral' | 'debt'; amount: number }[];
  liquidity?: { asset: string; venue: string; assetReserve: number; usdReserve: number }[];
  liquidators?: string[];
  events?: { protocol: string; account: string; liquidator: string; debtRepaidUsd?: number }[];
}

/** Prices for the hand-built tests: WETH wraps ETH. */
export const TINY_ASSETS: Tiny['assets'] = [
  { symbol: 'ETH', priceUsd: 2000 },
  { symbol: 'USDC', priceUsd: 1 },
  { symbol: 'WBTC', priceUsd: 40_000 },
  { symbol: 'WETH', priceUsd: 2000, underlying: 'ETH' },
];

const indexOf = <T>(items: T[], pick: (item: T) => string, key: string): number => {
  const i = items.findIndex((item) => pick(item) === key);
  if (i < 0) throw new Error(`tiny snapshot: unknown ${key}`);
  return i;
};

/**
 * Builds the columnar snapshot in the loader's layout: risk accounts per (protocol, account) or,
 * in an isolated protocol, per (protocol, account, market), in order of first appearance; each
 * position row carries its market's threshold. Duplicate position rows are kept, on purpose.
 */
export function tinySnapshot(tiny: Tiny): EcosystemSnapshot {
  const asset = (symbol: string) => indexOf(tiny.assets, (a) => a.symbol, symbol);
  const protocol = (name: string) => indexOf(tiny.protocols, (p) => p.name, name);
  const isolated = (name: string) => tiny.protocols[protocol(name)]!.isolation === 'market';
  const risk: { protocol: string; account: string; market: string | null; rows: Tiny['positions'] }[] = [];
  for (const row of tiny.positions) {
    const market = isolated(row.protocol) ? (row.market ?? row.asset) : null;
    let account = risk.find((r) => r.protocol === row.protocol && r.account === row.account && r.market === market);
    if (account === undefined) risk.push((account = { protocol: row.protocol, account: row.account, market, rows: [] }));
    account.rows.push(row);
  }
  const positions = risk.flatMap((r, i) => r.rows.map((row) => ({ i, row })));
  const thresholdOf = (row: Tiny['positions'][number]): number =>
    row.side === 'debt'
      ? 0
      : (tiny.markets.find((m) => m.protocol === row.protocol && (m.market ?? m.asset) === (row.market ?? row.asset) && m.asset === row.asset)
          ?.liquidationThreshold ?? 0);
  const liquidity = tiny.liquidity ?? [];
  const liquidators = tiny.liquidators ?? [];
  const events = tiny.events ?? [];
  const starts = [0];
  for (const r of risk) starts.push(starts[starts.length - 1]! + r.rows.length);
  return {
    ...emptyOptionTables(),
    info: { id: 1, takenAt: '2024-01-01T00:00:00.000Z', source: 'tiny', label: null, blocks: {} },
    assets: {
      symbol: tiny.assets.map((a) => a.symbol), decimals: Int32Array.from(tiny.assets.map(() => 18)),
      kind: tiny.assets.map(() => 'other' as const), underlying: tiny.assets.map((a) => a.underlying ?? null),
      priceUsd: Float64Array.from(tiny.assets.map((a) => a.priceUsd)), priceSource: tiny.assets.map(() => 'test'),
    },
    protocols: {
      name: tiny.protocols.map((p) => p.name), kind: tiny.protocols.map(() => 'lending' as const), chain: tiny.protocols.map(() => null),
      isolation: tiny.protocols.map((p) => p.isolation ?? 'pooled'), closeFactor: Float64Array.from(tiny.protocols.map(() => 0.5)),
      fullCloseBelowHf: Float64Array.from(tiny.protocols.map(() => NaN)), insuranceFundUsd: Float64Array.from(tiny.protocols.map(() => NaN)),
      settings: tiny.protocols.map(() => ({})),
    },
    markets: {
      protocol: Int32Array.from(tiny.markets.map((m) => protocol(m.protocol))), market: tiny.markets.map((m) => m.market ?? m.asset),
      asset: Int32Array.from(tiny.markets.map((m) => asset(m.asset))), ltv: Float64Array.from(tiny.markets.map((m) => m.liquidationThreshold)),
      liquidationThreshold: Float64Array.from(tiny.markets.map((m) => m.liquidationThreshold)),
      liquidationBonus: Float64Array.from(tiny.markets.map(() => 0.05)), closeFactor: Float64Array.from(tiny.markets.map(() => NaN)),
      supplyCap: Float64Array.from(tiny.markets.map(() => Infinity)), borrowCap: Float64Array.from(tiny.markets.map(() => Infinity)),
    },
    accounts: {
      protocol: Int32Array.from(risk.map((r) => protocol(r.protocol))), account: risk.map((r) => r.account), market: risk.map((r) => r.market),
      closeFactor: Float64Array.from(risk.map(() => 0.5)), positionStart: Int32Array.from(starts),
    },
    positions: {
      account: Int32Array.from(positions.map((p) => p.i)), asset: Int32Array.from(positions.map((p) => asset(p.row.asset))),
      side: Uint8Array.from(positions.map((p) => (p.row.side === 'collateral' ? SIDE_COLLATERAL : SIDE_DEBT))),
      amount: Float64Array.from(positions.map((p) => p.row.amount)), liquidationThreshold: Float64Array.from(positions.map((p) => thresholdOf(p.row))),
      liquidationBonus: Float64Array.from(positions.map((p) => (p.row.side === 'collateral' ? 0.05 : 0))),
    },
    liquidity: {
      asset: Int32Array.from(liquidity.map((l) => asset(l.asset))), venue: liquidity.map((l) => l.venue), model: liquidity.map(() => 'cpmm'),
      assetReserve: Float64Array.from(liquidity.map((l) => l.assetReserve)), usdReserve: Float64Array.from(liquidity.map((l) => l.usdReserve)),
    },
    liquidators: { address: liquidators, label: liquidators.map(() => null) },
    liquidationEvents: {
      protocol: Int32Array.from(events.map((e) => protocol(e.protocol))), account: events.map((e) => e.account),
      liquidator: Int32Array.from(events.map((e) => indexOf(liquidators, (l) => l, e.liquidator))),
      collateralAsset: Int32Array.from(events.map(() => 0)), debtAsset: Int32Array.from(events.map(() => 0)),
      debtRepaidUsd: Float64Array.from(events.map((e) => e.debtRepaidUsd ?? NaN)), blockNumber: Float64Array.from(events.map(() => NaN)),
      timestamp: events.map(() => null), txHash: events.map((_, i) => `0xtx${i}`),
    },
  };
}
