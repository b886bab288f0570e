/**
 * The liquidation records the oracle-lag loss (oracle-lag-loss.ts) reads, columnar: one row per
 * position of the liquidated account just before the liquidation (the reference cascade's
 * position columns, src/model/ecosystem.ts), with the units the liquidation took. A solver builds
 * them from its position book and its seizure plans (src/contagion/liquidate-account.ts): seized
 * units per collateral position, and repaid units per debt position (debts shrink pro rata).
 */
import { OracleError } from './errors.js';

/** Liquidations, one row per position of the liquidated account just before the liquidation. */
export interface LiquidationRows {
  /** Per liquidation: round index (0-based, into the price paths) and account (any integer id). */
  round: Int32Array;
  account: Int32Array;
  /** Per liquidation, its rows are start[l] .. start[l + 1] (length: liquidations + 1). */
  start: Int32Array;
  asset: Int32Array;
  /** `SIDE_COLLATERAL` or `SIDE_DEBT` (src/model/ecosystem.ts). */
  side: Uint8Array;
  units: Float64Array;
  liquidationThreshold: Float64Array;
  liquidationBonus: Float64Array;
  /** Units the liquidation took: collateral seized, or debt repaid (not what was written off). */
  movedUnits: Float64Array;
}

/** Throws an `OracleError` naming the round, liquidation or row at fault. */
export function checkLiquidationRows(marketPrices: readonly Float64Array[], oraclePrices: readonly Float64Array[], rows: LiquidationRows): void {
  const fail = (message: string): never => {
    throw new OracleError('liquidation-rows', message);
  };
  if (marketPrices.length !== oraclePrices.length) fail(`marketPrices has ${marketPrices.length} rounds, oraclePrices ${oraclePrices.length}`);
  const assets = marketPrices[0]?.length ?? 0;
  for (const [name, path] of [['marketPrices', marketPrices], ['oraclePrices', oraclePrices]] as const) {
    path.forEach((prices, r) => {
      if (prices.length !== assets) fail(`${name}[${r}] has ${prices.length} prices, round 0 has ${assets}`);
      prices.forEach((p, a) => (p > 0 && Number.isFinite(p)) || fail(`${name}[${r}][${a}] must be a finite price > 0, got ${p}`));
    });
  }
  const count = rows.round.length;
  if (rows.account.length !== count || rows.start.length !== count + 1) fail(`round, account and start must have n, n and n + 1 entries (n = ${count})`);
  const n = rows.start[count] ?? 0;
  for (const name of ['asset', 'side', 'units', 'liquidationThreshold', 'liquidationBonus', 'movedUnits'] as const) {
    if (rows[name].length !== n) fail(`${name} has ${rows[name].length} rows, start[${count}] = ${n}`);
  }
  for (let l = 0; l < count; l++) {
    const r = rows.round[l]!;
    if (!(r >= 0 && r < marketPrices.length)) fail(`liquidation ${l}: round ${r} is outside the price paths (0 .. ${marketPrices.length - 1})`);
    if (!(rows.start[l]! <= rows.start[l + 1]!)) fail(`liquidation ${l}: start[${l}] = ${rows.start[l]} > start[${l + 1}] = ${rows.start[l + 1]}`);
  }
  for (let j = 0; j < n; j++) {
    if (!(rows.asset[j]! >= 0 && rows.asset[j]! < assets)) fail(`row ${j}: asset ${rows.asset[j]} is not an asset index (0 .. ${assets - 1})`);
    if (!(rows.units[j]! >= 0) || !(rows.movedUnits[j]! >= 0)) fail(`row ${j}: units and movedUnits must be ≥ 0, got ${rows.units[j]} and ${rows.movedUnits[j]}`);
  }
}
