/**
 * Loss due to oracle lag: the value the protocol side (lenders and borrowers together) would have
 * kept had liquidations been decided and priced at market prices instead of oracle prices.
 * Generic over arrays: the solver passes the per-round market and oracle prices and, for each
 * liquidation it made, the account's positions just before it and what it took.
 *
 * For liquidation l of account a in round r, with positions (units u, liquidation threshold LT,
 * bonus b) just before it, market prices P(t) and oracle prices O(t), all in USD:
 *
 *   HF_P(t) = Σ_collateral u·P(t)·LT / Σ_debt u·P(t)        (health at market prices)
 *   r₀      = the first round t in (r_prev, r] with HF_P(t) < 1, r_prev the round of a's previous
 *             liquidation (−1 if none): when a market-priced oracle would have liquidated it
 *   S(t)    = max(0, Σ_debt u·P(t) − Σ_{collateral, LT>0} u·P(t) / (1 + b))
 *             the debt a full close-out at market prices in round t would leave unpaid (the
 *             reference cascade's bad debt, debt − C/(1 + bonus), docs/reference-cascade.md)
 *   delay loss      = S(r) − S(r₀)                            (lenders: liquidated late)
 *   seized_X, repaid_X = Σ moved collateral units · X(r), Σ repaid debt units · X(r), X = P or O
 *   mispricing loss = seized_P − repaid_P · seized_O / repaid_O
 *             (borrowers: collateral handed over, at market, beyond what the same repayment
 *             costs at this liquidation's own bonus had it been priced at market)
 *   loss = delay loss + mispricing loss
 *
 * The positions are unchanged between r_prev and r (only a liquidation changes them in the
 * cascade), so S(r₀) is what the same account would have left unpaid when the market first put
 * it under water. If HF_P ≥ 1 in every round of (r_prev, r] the oracle alone caused the
 * liquidation: delay loss 0, mispricing loss = seized_P − repaid_P (all of the transfer).
 *
 * Losses are signed: a market that recovers during the delay gives a negative delay loss, and an
 * oracle above the market makes the liquidator overpay (a negative mispricing loss, and a warning:
 * a rational liquidator would not have acted). The market path is taken as given: the sales a
 * market-priced cascade would have made, and their price impact, are not re-simulated; for that,
 * compare the solver's run with an identity-oracle run.
 */
import { SIDE_COLLATERAL } from '../../model/ecosystem.js';
import { OracleError } from './errors.js';
import { checkLiquidationRows, type LiquidationRows } from './liquidation-rows.js';

export type { LiquidationRows };

export interface OracleLagLossInput {
  /** Market (pool) prices at each round's start, by asset: marketPrices[r][a]. */
  marketPrices: readonly Float64Array[];
  /** Oracle prices the liquidations were decided and priced at: oraclePrices[r][a]. */
  oraclePrices: readonly Float64Array[];
  liquidations: LiquidationRows;
}

export interface OracleLagLossResult {
  lossUsd: number;
  delayLossUsd: number;
  mispricingLossUsd: number;
  /** Liquidations of accounts never under water at market since their previous liquidation. */
  oracleOnlyLiquidations: number;
  /** Per liquidation (input order). */
  byLiquidation: {
    /** 1 if HF at market prices was < 1 in some round of (r_prev, r]. */
    marketLiquidatable: Uint8Array;
    /** r − r₀ (0 when not market-liquidatable). */
    delayRounds: Int32Array;
    repaidUsdAtMarket: Float64Array;
    repaidUsdAtOracle: Float64Array;
    seizedUsdAtMarket: Float64Array;
    seizedUsdAtOracle: Float64Array;
    delayLossUsd: Float64Array;
    mispricingLossUsd: Float64Array;
    lossUsd: Float64Array;
  };
  warnings: string[];
}

export function oracleLagLoss(input: OracleLagLossInput): OracleLagLossResult {
  const { marketPrices: P, oraclePrices: O, liquidations: rows } = input;
  checkLiquidationRows(P, O, rows);
  const count = rows.round.length;
  const out = {
    marketLiquidatable: new Uint8Array(count),
    delayRounds: new Int32Array(count),
    repaidUsdAtMarket: new Float64Array(count),
    repaidUsdAtOracle: new Float64Array(count),
    seizedUsdAtMarket: new Float64Array(count),
    seizedUsdAtOracle: new Float64Array(count),
    delayLossUsd: new Float64Array(count),
    mispricingLossUsd: new Float64Array(count),
    lossUsd: new Float64Array(count),
  };
  // Visit each account's liquidations in round order to find r_prev.
  const order = Array.from({ length: count }, (_, l) => l).sort((i, j) => rows.account[i]! - rows.account[j]! || rows.round[i]! - rows.round[j]! || i - j);
  let overpaid = 0;
  let oracleOnly = 0;
  for (let k = 0; k < count; k++) {
    const l = order[k]!;
    const r = rows.round[l]!;
    const prev = k > 0 && rows.account[order[k - 1]!] === rows.account[l] ? rows.round[order[k - 1]!]! : -1;
    if (prev === r) throw new OracleError('oracle-lag-loss', `account ${rows.account[l]} is liquidated twice in round ${r} (liquidations ${order[k - 1]} and ${l})`);
    let r0 = -1;
    for (let t = prev + 1; t <= r && r0 < 0; t++) if (underWater(rows, l, P[t]!)) r0 = t;

    let seizedP = 0, seizedO = 0, repaidP = 0, repaidO = 0;
    for (let j = rows.start[l]!; j < rows.start[l + 1]!; j++) {
      const a = rows.asset[j]!;
      const moved = rows.movedUnits[j]!;
      if (rows.side[j] === SIDE_COLLATERAL) {
        seizedP += moved * P[r]![a]!;
        seizedO += moved * O[r]![a]!;
      } else {
        repaidP += moved * P[r]![a]!;
        repaidO += moved * O[r]![a]!;
      }
    }
    out.seizedUsdAtMarket[l] = seizedP;
    out.seizedUsdAtOracle[l] = seizedO;
    out.repaidUsdAtMarket[l] = repaidP;
    out.repaidUsdAtOracle[l] = repaidO;
    if (seizedP < repaidP) overpaid++;
    if (r0 >= 0) {
      out.marketLiquidatable[l] = 1;
      out.delayRounds[l] = r - r0;
      out.delayLossUsd[l] = shortfall(rows, l, P[r]!) - shortfall(rows, l, P[r0]!);
      out.mispricingLossUsd[l] = repaidO > 0 ? seizedP - (repaidP * seizedO) / repaidO : seizedP;
    } else {
      oracleOnly++;
      out.mispricingLossUsd[l] = seizedP - repaidP;
    }
    out.lossUsd[l] = out.delayLossUsd[l]! + out.mispricingLossUsd[l]!;
  }
  const warnings: string[] = [];
  if (overpaid > 0) {
    warnings.push(
      `contagion/contagion/oracles/oracle-lag-loss: in ${overpaid} liquidation(s) the collateral seized was worth less at market than the debt ` +
        "repaid (oracle above market); a rational liquidator would not have acted, so those liquidations' losses are understated",
    );
  }
  const sum = (column: Float64Array): number => column.reduce((s, v) => s + v, 0);
  return {
    lossUsd: sum(out.lossUsd),
    delayLossUsd: sum(out.delayLossUsd),
    mispricingLossUsd: sum(out.mispricingLossUsd),
    oracleOnlyLiquidations: oracleOnly,
    byLiquidation: out,
    warnings,
  };
}

/** HF < 1 at `price` (with debt > 0), over liquidation l's positions. */
function underWater(rows: LiquidationRows, l: number, price: Float64Array): boolean {
  let weighted = 0, debt = 0;
  for (let j = rows.start[l]!; j < rows.start[l + 1]!; j++) {
    const value = rows.units[j]! * price[rows.asset[j]!]!;
    if (rows.side[j] === SIDE_COLLATERAL) weighted += value * rows.liquidationThreshold[j]!;
    else debt += value;
  }
  return debt > 0 && weighted < debt;
}

/** S = max(0, debt − Σ seizable collateral / (1 + bonus)) at `price`. */
function shortfall(rows: LiquidationRows, l: number, price: Float64Array): number {
  let cover = 0, debt = 0;
  for (let j = rows.start[l]!; j < rows.start[l + 1]!; j++) {
    const value = rows.units[j]! * price[rows.asset[j]!]!;
    if (rows.side[j] !== SIDE_COLLATERAL) debt += value;
    else if (rows.liquidationThreshold[j]! > 0) cover += value / (1 + rows.liquidationBonus[j]!);
  }
  return Math.max(0, debt - cover);
}
