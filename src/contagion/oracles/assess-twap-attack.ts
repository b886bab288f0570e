/**
 * Is manipulating a TWAP-priced collateral asset worth it? Puts the two halves together for the
 * upward attack: the cost of pushing the pool's TWAP up by δ over its window
 * (twap-manipulation-cost.ts, cheapest plan) and the bad debt that borrowing against the inflated
 * collateral and walking away unlocks (borrow-and-abandon.ts, at oracle price p·(1 + δ)).
 *
 *   profit = unlocked bad debt − manipulation cost;   profitable ⇔ profit > 0
 *
 * The attacker's gain from borrow-and-abandon is exactly the unlocked bad debt (borrow-and-
 * abandon.ts), so the comparison is like for like. What it leaves out makes the attack look easier
 * than it is (Bentley 2021): the manipulation is visible for the whole window, so other borrowers
 * may compete for the same loans, and the capital must be held across blocks (no flash loan). The
 * downward attack (forcing liquidations at a false low price) is not modelled here.
 */
import { borrowAndAbandon, type BorrowAndAbandonResult, type InflatedCollateralBook } from './borrow-and-abandon.js';
import { OracleError } from './errors.js';
import type { PoolDepth } from './pool-depth.js';
import { twapManipulationCost, type ManipulationPlan, type TwapManipulationOptions, type TwapManipulationResult } from './twap-manipulation-cost.js';

export interface TwapAttackInput {
  /** Depth of the pool the oracle reads. */
  depth: PoolDepth;
  /** Upward move of the TWAP the attacker buys (0.5 = +50 %). */
  twapMove: number;
  windowSeconds: number;
  blockSeconds: number;
  /** The accounts that borrow against the manipulated asset. */
  book: InflatedCollateralBook;
}

export interface TwapAttackAssessment {
  truePriceUsd: number;
  manipulatedPriceUsd: number;
  /** The plan used (the cheapest), and the full manipulation analysis. */
  plan: ManipulationPlan;
  manipulation: TwapManipulationResult;
  costUsd: number;
  capitalUsd: number;
  unlockedBadDebtUsd: number;
  profitUsd: number;
  profitable: boolean;
  unlocked: BorrowAndAbandonResult;
  warnings: string[];
}

export function assessTwapAttack(input: TwapAttackInput, options: Partial<TwapManipulationOptions> = {}): TwapAttackAssessment {
  if (!(input.twapMove > 0)) {
    throw new OracleError('assess-twap-attack', `twapMove must be > 0 (the upward, borrow-and-abandon attack), got ${input.twapMove}`);
  }
  const manipulation = twapManipulationCost(input, options);
  const plan = manipulation.cheapest;
  const unlocked = borrowAndAbandon({ book: input.book, truePriceUsd: manipulation.spotPriceUsd, manipulatedPriceUsd: manipulation.targetTwapUsd });
  const profitUsd = unlocked.unlockedBadDebtUsd - plan.costUsd;
  return {
    truePriceUsd: manipulation.spotPriceUsd,
    manipulatedPriceUsd: manipulation.targetTwapUsd,
    plan,
    manipulation,
    costUsd: plan.costUsd,
    capitalUsd: plan.capitalUsd,
    unlockedBadDebtUsd: unlocked.unlockedBadDebtUsd,
    profitUsd,
    profitable: profitUsd > 0,
    unlocked,
    warnings: [...manipulation.warnings],
  };
}
