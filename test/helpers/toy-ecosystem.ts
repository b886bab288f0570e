import { SIDE_COLLATERAL, SIDE_DEBT, type AssetKind } from '../../src/model/ecosystem.js';
import type { CascadeSnapshot } from '../../src/contagion/index.js';

/** A compact, hand-writable ecosystem for solver tests. */
export interface ToyEcosystem {
  assets: {
    symbol: string;
    priceUsd: number;
    kind?: AssetKind;
    underlying?: string;
    exchangeRate?: number;
    issuer?: string;
    lp?: { symbol: string[]; units: number[]; model: 'constant-product' | 'basket' };
  }[];
  protocols: { name: string; closeFactor: number; fullCloseBelowHf?: number; insuranceFundUsd?: number }[];
  accounts: {
    protocol: string;
    account: string;
    market?: string;
    closeFactor?: number;
    collateral: { asset: string; amount: number; liquidationThreshold: number; liquidationBonus: number }[];
    debt: { asset: string; amount: number }[];
  }[];
  pools?: { asset: string; assetReserve: number; usdReserve: number; venue?: string }[];
}

/** Builds the columnar tables the solvers read, in the layout the store's loader produces. */
export function toySnapshot(toy: ToyEcosystem): CascadeSnapshot {
  const assetIndex = new Map(toy.assets.map((a, i) => [a.symbol, i]));
  const protocolIndex = new Map(toy.protocols.map((p, i) => [p.name, i]));
  const lookup = (map: Map<string, number>, key: string): number => {
    const index = map.get(key);
    if (index === undefined) throw new Error(`toy ecosystem: unknown ${key}`);
    return index;
  };
  const pos = { account: [] as number[], asset: [] as number[], side: [] as number[], amount: [] as number[], lt: [] as number[], bonus: [] as number[] };
  const positionStart = [0];
  toy.accounts.forEach((account, i) => {
    for (const c of account.collateral) {
      pos.account.push(i); pos.asset.push(lookup(assetIndex, c.asset)); pos.side.push(SIDE_COLLATERAL);
      pos.amount.push(c.amount); pos.lt.push(c.liquidationThreshold); pos.bonus.push(c.liquidationBonus);
    }
    for (const d of account.debt) {
      pos.account.push(i); pos.asset.push(lookup(assetIndex, d.asset)); pos.side.push(SIDE_DEBT);
      pos.amount.push(d.amount); pos.lt.push(0); pos.bonus.push(0);
    }
    positionStart.push(pos.account.length);
  });
  const pools = toy.pools ?? [];
  return {
    assets: {
      symbol: toy.assets.map((a) => a.symbol),
      decimals: Int32Array.from(toy.assets.map(() => 18)),
      kind: toy.assets.map((a): AssetKind => a.kind ?? 'other'),
      underlying: toy.assets.map((a) => a.underlying ?? null),
      priceUsd: Float64Array.from(toy.assets.map((a) => a.priceUsd)),
      priceSource: toy.assets.map(() => 'test'),
      ...(toy.assets.some((a) => a.exchangeRate !== undefined) ? { exchangeRate: Float64Array.from(toy.assets.map((a) => a.exchangeRate ?? NaN)) } : {}),
      ...(toy.assets.some((a) => a.issuer !== undefined) ? { issuer: toy.assets.map((a) => a.issuer ?? null) } : {}),
      ...(toy.assets.some((a) => a.lp !== undefined) ? { lpComponents: toy.assets.map((a) => a.lp ?? null) } : {}),
    },
    protocols: {
      name: toy.protocols.map((p) => p.name),
      kind: toy.protocols.map(() => 'lending' as const),
      chain: toy.protocols.map(() => null),
      isolation: toy.protocols.map(() => 'pooled' as const),
      closeFactor: Float64Array.from(toy.protocols.map((p) => p.closeFactor)),
      fullCloseBelowHf: Float64Array.from(toy.protocols.map((p) => p.fullCloseBelowHf ?? NaN)),
      insuranceFundUsd: Float64Array.from(toy.protocols.map((p) => p.insuranceFundUsd ?? NaN)),
      settings: toy.protocols.map(() => ({})),
    },
    accounts: {
      protocol: Int32Array.from(toy.accounts.map((a) => lookup(protocolIndex, a.protocol))),
      account: toy.accounts.map((a) => a.account),
      market: toy.accounts.map((a) => a.market ?? null),
      closeFactor: Float64Array.from(toy.accounts.map((a) => a.closeFactor ?? toy.protocols[lookup(protocolIndex, a.protocol)]!.closeFactor)),
      positionStart: Int32Array.from(positionStart),
    },
    positions: {
      account: Int32Array.from(pos.account),
      asset: Int32Array.from(pos.asset),
      side: Uint8Array.from(pos.side),
      amount: Float64Array.from(pos.amount),
      liquidationThreshold: Float64Array.from(pos.lt),
      liquidationBonus: Float64Array.from(pos.bonus),
    },
    liquidity: {
      asset: Int32Array.from(pools.map((p) => lookup(assetIndex, p.asset))),
      venue: pools.map((p, i) => p.venue ?? `pool-${i}`),
      model: pools.map(() => 'cpmm'),
      assetReserve: Float64Array.from(pools.map((p) => p.assetReserve)),
      usdReserve: Float64Array.from(pools.map((p) => p.usdReserve)),
    },
  };
}
