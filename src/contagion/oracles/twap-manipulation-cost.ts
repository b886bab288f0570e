/**
 * Capital and cost to push a pool's TWAP by a relative move δ over a window of W seconds.
 *
 * Model (Bentley, "Manipulating Uniswap v3 TWAP Oracles", Euler 2021; Adams, Wan & Zinsmeister,
 * "Uniswap v3 TWAP Oracles in Proof of Stake", Uniswap Labs 2022): the window holds n = W / block
 * time blocks at the market price p. The attacker holds the spot at q for the last m of them; the
 * TWAP read at the window's end is then
 *   arithmetic (Uniswap v2):  (m·q + (n − m)·p) / n = p·(1 + δ)  ⇒  q = p·(1 + n·δ/m)
 *   geometric (Uniswap v3):   (q^m · p^(n−m))^(1/n) = p·(1 + δ)  ⇒  q = p·(1 + δ)^(n/m)
 * The price a block starts with is what the oracle records, and arbitrageurs trade it back to p
 * after every block (the attacker cannot back-run his own push: the proof-of-work assumption; a
 * proof-of-stake validator proposing consecutive blocks escapes most of it, Adams et al. 2022), so
 * each manipulated block costs the loss to arbitrage c(q) (pool-depth.ts) plus the swap fee on the
 * push, f/(1 − f) of the notional (Uniswap v2 takes the fee from the input). Total cost m·(c + fee);
 * the capital needed at once is one push's notional plus its fee (it is recovered, less c, each block).
 *
 * Two plans are reported: `fullWindow` (m = n: the spot held at p·(1 + δ) for the whole window)
 * and `cheapest` (the m in 1..n with the lowest total cost: fewer blocks need a larger q, whose cost
 * grows faster than linearly for small moves and slower for large ones).
 */
import { OracleError, requireNonNegative, requirePositive } from './errors.js';
import type { TwapMean } from './feed-models.js';
import { checkDepth, pushCost, spotPrice, type PoolDepth } from './pool-depth.js';

export interface TwapManipulationInput {
  depth: PoolDepth;
  /** Relative move of the TWAP wanted: 0.2 = +20 %, −0.2 = −20 % (> −1). */
  twapMove: number;
  windowSeconds: number;
  blockSeconds: number;
}

export interface TwapManipulationOptions {
  mean: TwapMean;
  /** Swap fee paid on each push (Uniswap v2: 0.003). */
  feeRate: number;
  /** Slices for a depth curve's integral (unused for constant product). */
  integrationSteps: number;
}

/** Arithmetic mean (Uniswap v2), no fee (the reference cascade's pools have none), 256 slices. */
export const DEFAULTS: TwapManipulationOptions = { mean: 'arithmetic', feeRate: 0, integrationSteps: 256 };

export interface ManipulationPlan {
  /** Manipulated blocks m, and the spot price q held in each. */
  blocks: number;
  spotPriceUsd: number;
  /** q / p − 1. */
  spotMove: number;
  notionalUsd: number;
  arbitrageLossPerBlockUsd: number;
  feePerBlockUsd: number;
  /** m · (arbitrage loss + fee): what the attack costs. */
  costUsd: number;
  /** One push's notional and fee: the capital the attacker needs at once. */
  capitalUsd: number;
}

export interface TwapManipulationResult {
  spotPriceUsd: number;
  /** The manipulated TWAP, p·(1 + δ). */
  targetTwapUsd: number;
  windowBlocks: number;
  fullWindow: ManipulationPlan;
  cheapest: ManipulationPlan;
  warnings: string[];
}

export function twapManipulationCost(input: TwapManipulationInput, options: Partial<TwapManipulationOptions> = {}): TwapManipulationResult {
  const settings: TwapManipulationOptions = { ...DEFAULTS, ...options };
  const { depth, twapMove, windowSeconds, blockSeconds } = input;
  checkDepth(depth);
  requirePositive('twap-manipulation-cost', 'windowSeconds', windowSeconds);
  requirePositive('twap-manipulation-cost', 'blockSeconds', blockSeconds);
  requireNonNegative('twap-manipulation-cost', 'options.feeRate', settings.feeRate);
  if (!(settings.feeRate < 1)) throw new OracleError('twap-manipulation-cost', `options.feeRate must be < 1, got ${settings.feeRate}`);
  if (!Number.isInteger(settings.integrationSteps) || settings.integrationSteps < 1) {
    throw new OracleError('twap-manipulation-cost', `options.integrationSteps must be a whole number ≥ 1, got ${settings.integrationSteps}`);
  }
  if (!(twapMove > -1) || !Number.isFinite(twapMove)) throw new OracleError('twap-manipulation-cost', `twapMove must be a finite number > −1, got ${twapMove}`);

  const warnings: string[] = [];
  const n = Math.floor(windowSeconds / blockSeconds + 1e-9);
  if (n < 1) throw new OracleError('twap-manipulation-cost', `windowSeconds (${windowSeconds}) is shorter than one block (${blockSeconds} s)`);
  if (Math.abs(n * blockSeconds - windowSeconds) > 1e-9 * windowSeconds) {
    warnings.push(`contagion/contagion/oracles/twap-manipulation-cost: the window (${windowSeconds} s) is not a whole number of blocks; counted as ${n} blocks`);
  }
  const p = spotPrice(depth);
  const plan = (m: number): ManipulationPlan | null => {
    const q = settings.mean === 'arithmetic' ? p * (1 + (n * twapMove) / m) : p * Math.pow(1 + twapMove, n / m);
    if (!(q > 0) || !Number.isFinite(q)) return null; // unreachable in m blocks
    const { notionalUsd, arbitrageLossUsd } = pushCost(depth, q, settings.integrationSteps);
    const feePerBlockUsd = (notionalUsd * settings.feeRate) / (1 - settings.feeRate);
    return {
      blocks: m,
      spotPriceUsd: q,
      spotMove: q / p - 1,
      notionalUsd,
      arbitrageLossPerBlockUsd: arbitrageLossUsd,
      feePerBlockUsd,
      costUsd: m * (arbitrageLossUsd + feePerBlockUsd),
      capitalUsd: notionalUsd + feePerBlockUsd,
    };
  };
  const fullWindow = plan(n)!;
  let cheapest = fullWindow;
  for (let m = 1; m < n; m++) {
    const candidate = plan(m);
    if (candidate !== null && candidate.costUsd < cheapest.costUsd) cheapest = candidate;
  }
  return { spotPriceUsd: p, targetTwapUsd: p * (1 + twapMove), windowBlocks: n, fullWindow, cheapest, warnings };
}
