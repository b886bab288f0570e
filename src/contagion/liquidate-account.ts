/**
 * One liquidation of one risk account, as docs/reference-cascade.md states it, shared by the
 * reference cascade and the contagion solver: liquidators repay `toRepay` of the debt and seize
 * collateral worth repaid × (1 + bonus), largest collateral by value first (ties in position
 * order; only collateral with a liquidation threshold > 0 is seizable); when the seizable
 * collateral runs out, or is exhausted while debt remains, the rest of the debt is written off;
 * otherwise debts shrink pro rata.
 *
 * Two steps, so that a solver can look before it leaps (is the liquidation worth its gas?):
 * `planSeizure` fills a scratch plan without touching the book; `applySeizure` carries it out.
 * Both are allocation-free.
 */
import { SIDE_COLLATERAL } from '../model/ecosystem.js';

/** Positions of all risk accounts, grouped by account (`start[i] .. start[i+1]`); `amount` is mutated. */
export interface PositionBook {
  start: Int32Array;
  asset: Int32Array;
  side: Uint8Array;
  amount: Float64Array;
  liquidationThreshold: Float64Array;
  liquidationBonus: Float64Array;
}

/** Scratch for one plan, sized to the largest account; reused for every liquidation. */
export class SeizurePlan {
  /** Seizable positions, largest value first, and what the plan takes from each. */
  readonly position: Int32Array;
  readonly value: Float64Array;
  readonly units: Float64Array;
  readonly repaid: Float64Array;
  count = 0;
  /** Whether the plan takes every seizable position whole (true too when there is none). */
  exhausted = false;
  repaidUsd = 0;
  seizedUsd = 0;
  /** What the liquidator gains: seized − repaid, the bonuses. */
  profitUsd = 0;
  /** Repayment the collateral could not cover (> 0: collateral ran out). */
  shortUsd = 0;

  constructor(maxPositions: number) {
    this.position = new Int32Array(maxPositions);
    this.value = new Float64Array(maxPositions);
    this.units = new Float64Array(maxPositions);
    this.repaid = new Float64Array(maxPositions);
  }
}

/** The largest number of positions any account holds (the size a `SeizurePlan` needs). */
export function maxPositionsPerAccount(start: Int32Array): number {
  let max = 0;
  for (let i = 0; i + 1 < start.length; i++) max = Math.max(max, start[i + 1]! - start[i]!);
  return max;
}

/** Plans repaying `toRepay` USD of account `i`'s debt at `price`; the book is not changed. */
export function planSeizure(book: PositionBook, i: number, price: Float64Array, toRepay: number, plan: SeizurePlan): SeizurePlan {
  const { start, asset, side, amount, liquidationThreshold, liquidationBonus } = book;
  let count = 0;
  for (let p = start[i]!; p < start[i + 1]!; p++) {
    if (side[p] !== SIDE_COLLATERAL || !(liquidationThreshold[p]! > 0) || !(amount[p]! > 0)) continue;
    const value = amount[p]! * price[asset[p]!]!;
    let k = count++;
    while (k > 0 && plan.value[k - 1]! < value) {
      plan.position[k] = plan.position[k - 1]!;
      plan.value[k] = plan.value[k - 1]!;
      k--;
    }
    plan.position[k] = p;
    plan.value[k] = value;
  }
  let remaining = toRepay;
  let seized = 0;
  let emptied = 0;
  let used = 0;
  for (let o = 0; o < count && remaining > 0; o++, used++) {
    const p = plan.position[o]!;
    const bonus = liquidationBonus[p]!;
    const coverable = plan.value[o]! / (1 + bonus);
    if (coverable <= remaining) {
      plan.units[o] = amount[p]!;
      plan.repaid[o] = coverable;
      emptied++;
    } else {
      plan.repaid[o] = remaining;
      plan.units[o] = (remaining * (1 + bonus)) / price[asset[p]!]!;
    }
    remaining -= plan.repaid[o]!;
    seized += plan.repaid[o]! * (1 + bonus);
  }
  plan.count = used;
  plan.exhausted = emptied === count;
  plan.repaidUsd = toRepay - Math.max(remaining, 0);
  plan.seizedUsd = seized;
  plan.profitUsd = seized - plan.repaidUsd;
  plan.shortUsd = Math.max(remaining, 0);
  return plan;
}

/**
 * Carries out a plan: collateral taken (units added to `soldUnits` by asset), debts shrunk or
 * written off. Returns the bad debt written off (USD at `debtUsd`'s prices).
 */
export function applySeizure(book: PositionBook, i: number, plan: SeizurePlan, debtUsd: number, soldUnits: Float64Array): number {
  const { start, asset, side, amount } = book;
  for (let o = 0; o < plan.count; o++) {
    const p = plan.position[o]!;
    amount[p] = plan.units[o] === amount[p] ? 0 : amount[p]! - plan.units[o]!;
    soldUnits[asset[p]!] = soldUnits[asset[p]!]! + plan.units[o]!;
  }
  const repaid = plan.repaidUsd;
  // Collateral ran out (or nothing seizable is left while debt remains): write the rest off.
  const writeOff = plan.shortUsd > 0 || (plan.exhausted && repaid < debtUsd);
  const badDebt = writeOff ? debtUsd - repaid : 0;
  const keep = writeOff || repaid >= debtUsd ? 0 : 1 - repaid / debtUsd;
  for (let p = start[i]!; p < start[i + 1]!; p++) if (side[p] !== SIDE_COLLATERAL) amount[p] = keep === 0 ? 0 : amount[p]! * keep;
  return badDebt;
}
