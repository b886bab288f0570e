/**
 * Renders the dataset in the import format (docs/import-format.md). Amounts are rounded here, once:
 * at most 6 decimals (2 for USD stablecoins), never more than the token has. The checks in
 * summary.ts read these rounded values back, so what is checked is what is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmp, fixed, toCsv, type Cell } from './csv.js';
import type { EventRow, Liquidator } from './events.js';
import { LOT } from './options-assumptions.js';
import type { OptionChain } from './options-chain.js';
import type { OptionAccount } from './options-flows.js';
import type { PriceHistoryRow } from './price-history.js';
import type { GenAccount, LiquidityRow, Position, Universe } from './types.js';

export const SNAPSHOT = {
  taken_at: '2023-10-31T00:00:00Z',
  source: 'embedded',
  label:
    'Composite Ethereum/Arbitrum ecosystem: parameters and prices 2023-10-31, balances calibrated to public figures ' +
    'of Jul 2023 (Compound USDC), Nov 2023 (Compound WETH), Jan 2024 (Aave) and Feb 2024 (Morpho Blue); ' +
    'an ETH options venue with Derive (Lyra v2) margin parameters, sized to Lyra open interest and TVL of Jun 2023',
  blocks: {},
};

export function amountDecimals(u: Universe, asset: string): number {
  const a = u.assets.get(asset);
  if (a === undefined) throw new Error(`unknown asset ${asset}`);
  return a.kind === 'stable' ? Math.min(2, a.decimals) : Math.min(6, a.decimals);
}

export function amountText(u: Universe, p: Position): string {
  return fixed(p.amount, amountDecimals(u, p.asset));
}

const num = (x: number | null, dp = 6): Cell => (x === null ? null : fixed(x, dp));

/** What positions.csv needs of an account: lending accounts and the options venue's collateral alike. */
export type PositionHolder = Pick<GenAccount, 'protocol' | 'market' | 'address' | 'positions'>;

function positionRows(u: Universe, accounts: readonly PositionHolder[]): Cell[][] {
  const order = new Map(u.protocols.map((p, i) => [p.protocol, i]));
  const rows: { key: [number, string, string, number, string]; cells: Cell[] }[] = [];
  for (const acc of accounts) {
    for (const p of acc.positions) {
      const text = amountText(u, p);
      if (Number(text) <= 0) throw new Error(`${acc.protocol} ${acc.address} ${p.asset}: amount rounds to ${text}`);
      rows.push({
        key: [order.get(acc.protocol) ?? 99, acc.address, acc.market ?? '', p.side === 'collateral' ? 0 : 1, p.asset],
        cells: [acc.protocol, acc.address, acc.market, p.asset, p.side, text],
      });
    }
  }
  rows.sort((a, b) => a.key[0] - b.key[0] || cmp(a.key[1], b.key[1]) || cmp(a.key[2], b.key[2]) || a.key[3] - b.key[3] || cmp(a.key[4], b.key[4]));
  return rows.map((r) => r.cells);
}

export interface Dataset {
  universe: Universe;
  accounts: readonly GenAccount[];
  liquidity: readonly LiquidityRow[];
  liquidators: readonly Liquidator[];
  events: readonly EventRow[];
  options: { protocol: string; chain: OptionChain; accounts: readonly OptionAccount[] };
  priceHistory: readonly PriceHistoryRow[];
}

export function optionHolders(protocol: string, accounts: readonly OptionAccount[]): PositionHolder[] {
  return accounts.map((a) => ({ protocol, market: null, address: a.address, positions: a.collateral }));
}

function optionFiles(d: Dataset, files: Map<string, string>): void {
  const { protocol, chain, accounts } = d.options;
  files.set('options.csv', toCsv(['protocol', 'option_id', 'underlying', 'option_type', 'strike_usd', 'expiry', 'collateral_asset', 'mark_usd', 'implied_vol'],
    chain.contracts.map((c) => [protocol, c.id, 'ETH', c.type, String(c.strike), c.expiry, 'USDC', fixed(c.mark, 6), fixed(c.vol, 6)])));
  const order = new Map(chain.contracts.map((c, i) => [c.id, i]));
  const rows = accounts.flatMap((a) => a.holdings.map((h) => ({ a, h })));
  rows.sort((x, y) => cmp(x.a.address, y.a.address) || (order.get(x.h.optionId) ?? 0) - (order.get(y.h.optionId) ?? 0));
  files.set('option_positions.csv', toCsv(['protocol', 'account', 'option_id', 'side', 'size'],
    rows.map(({ a, h }) => [protocol, a.address, h.optionId, h.lots > 0 ? 'long' : 'short', fixed(Math.abs(h.lots) * LOT, 2)])));
}

export function renderFiles(d: Dataset): Map<string, string> {
  const u = d.universe;
  const files = new Map<string, string>();
  files.set('assets.csv', toCsv(['symbol', 'decimals', 'kind', 'price_usd', 'underlying', 'price_source', 'address', 'chain'],
    [...u.assets.values()].map((a) => [a.symbol, String(a.decimals), a.kind, a.priceText, a.underlying, a.priceSource, a.address, a.chain])));
  files.set('protocols.csv', toCsv(
    ['protocol', 'kind', 'close_factor', 'full_close_below_hf', 'isolation', 'chain', 'insurance_fund_usd', 'margin_model', 'margin_grid', 'im_factor', 'liquidation_mode'],
    u.protocols.map((p) => [p.protocol, p.kind, num(p.closeFactor), num(p.fullCloseBelowHf), p.isolation, p.chain, num(p.insuranceFundUsd, 2),
      p.venue?.marginModel ?? null, p.venue?.marginGrid ?? null, num(p.venue?.imFactor ?? null), p.venue?.liquidationMode ?? null])));
  files.set('markets.csv', toCsv(
    ['protocol', 'market', 'asset', 'ltv', 'liquidation_threshold', 'liquidation_bonus', 'close_factor', 'supply_cap', 'borrow_cap', 'market_id', 'supply_cap_2024_01', 'borrow_cap_2024_01'],
    u.markets.map((m) => {
      const pooled = u.protocols.find((p) => p.protocol === m.protocol)?.isolation === 'pooled';
      return [m.protocol, pooled ? null : m.market, m.asset, num(m.ltv), num(m.liquidationThreshold), m.bonusText, null,
        num(m.supplyCap, 0), num(m.borrowCap, 0), m.marketId, num(m.supplyCap202401, 0), num(m.borrowCap202401, 0)];
    })));
  files.set('positions.csv', toCsv(['protocol', 'account', 'market', 'asset', 'side', 'amount'],
    positionRows(u, [...d.accounts, ...optionHolders(d.options.protocol, d.options.accounts)])));
  files.set('liquidity.csv', toCsv(['asset', 'venue', 'model', 'asset_reserve', 'usd_reserve', 'gauntlet_25pct_slippage_tokens'],
    d.liquidity.map((l) => [l.asset, 'dex-aggregate', 'cpmm', fixed(l.assetReserve, 6), fixed(l.usdReserve, 2), fixed(l.slippageTokens, 6)])));
  files.set('liquidators.csv', toCsv(['liquidator', 'label'], d.liquidators.map((l) => [l.address, l.label])));
  const dp = (asset: string) => amountDecimals(u, asset);
  files.set('liquidation_events.csv', toCsv(
    ['protocol', 'tx_hash', 'log_index', 'block_number', 'timestamp', 'liquidator', 'account', 'collateral_asset', 'debt_asset', 'collateral_amount', 'debt_amount', 'debt_repaid_usd', 'market', 'provenance'],
    d.events.map((e) => [e.protocol, e.txHash, String(e.logIndex), String(e.blockNumber), e.timestamp, e.liquidator, e.account, e.collateralAsset, e.debtAsset,
      fixed(e.collateralAmount, dp(e.collateralAsset)), fixed(e.debtAmount, dp(e.debtAsset)), fixed(e.debtRepaidUsd, 2), e.market, e.provenance])));
  optionFiles(d, files);
  files.set('price_history.csv', toCsv(['asset', 'timestamp', 'price_usd', 'source'], d.priceHistory.map((r) => [r.asset, r.timestamp, r.priceText, r.source])));
  files.set('snapshot.json', JSON.stringify(SNAPSHOT, null, 2) + '\n');
  return files;
}

export function writeFiles(dir: string, files: Map<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
}
