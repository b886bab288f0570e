/**
 * Hand-built Uniswap v3 tick books for the liquidity tests: positions [lower, upper) with liquidity
 * ℓ add +ℓ to liquidityNet at `lower` and −ℓ at `upper` (Adams et al., "Uniswap v3 Core", 2021,
 * §6.3), and the active liquidity is that of the positions containing the current tick.
 */
import fc from 'fast-check';
import { sqrtRatioAtTick, tickBookProblem, type ConcentratedPoolInput, type TickBook } from '../../../src/contagion/liquidity/index.js';

export interface Position {
  lower: number;
  upper: number;
  liquidity: bigint;
}

export const Q96 = 1n << 96n;
export const E18 = 10n ** 18n;

/** The book of `positions` at `tick` (price at the tick's lower edge unless `sqrtPriceX96` is given). */
export function bookOf(positions: readonly Position[], tick: number, sqrtPriceX96 = sqrtRatioAtTick(tick)): TickBook {
  const net = new Map<number, bigint>();
  for (const p of positions) {
    net.set(p.lower, (net.get(p.lower) ?? 0n) + p.liquidity);
    net.set(p.upper, (net.get(p.upper) ?? 0n) - p.liquidity);
  }
  const ticks = [...net].filter(([, n]) => n !== 0n).sort((a, b) => a[0] - b[0]).map(([tickIdx, liquidityNet]) => ({ tickIdx, liquidityNet }));
  const liquidity = positions.filter((p) => p.lower <= tick && tick < p.upper).reduce((sum, p) => sum + p.liquidity, 0n);
  const book = { sqrtPriceX96, tick, liquidity, ticks };
  const problem = tickBookProblem(book);
  if (problem !== null) throw new Error(`test book: ${problem}`);
  return book;
}

/**
 * Three ranges at price 1 (tick 0), both tokens 18 decimals: A [-2000, 2000) ℓ = 1e18, B [-6000,
 * -1000) ℓ = 2e18 (the two-range book of the swap-walk test), and C [3000, 5000) ℓ = 5e17 above a gap.
 */
export const threeRanges: TickBook = bookOf(
  [
    { lower: -2000, upper: 2000, liquidity: E18 },
    { lower: -6000, upper: -1000, liquidity: 2n * E18 },
    { lower: 3000, upper: 5000, liquidity: E18 / 2n },
  ],
  0,
);

/**
 * A USDC (token0, 6 decimals) / WETH (token1, 18) book at √P_raw = 22360 (tick 200310, 1 WETH ≈
 * 2000.12 USDC, as in test/indexers/families/markets/uniswap-v3-fixture.ts), with gaps on both
 * sides of the active range: [199000, 199800) ℓ = 2e18, [200000, 200600) ℓ = 3e18 (active),
 * [200800, 202000) ℓ = 1e18.
 */
export const usdcWeth: TickBook = bookOf(
  [
    { lower: 199000, upper: 199800, liquidity: 2n * E18 },
    { lower: 200000, upper: 200600, liquidity: 3n * E18 },
    { lower: 200800, upper: 202000, liquidity: E18 },
  ],
  200310,
  22360n * Q96,
);

/** Pool input selling `sold` of `book`, counter token priced in USD. */
export function poolInput(book: TickBook, sold: 'token0' | 'token1', over: Partial<ConcentratedPoolInput> = {}): ConcentratedPoolInput {
  return { name: 'pool', book, sold, decimals0: 18, decimals1: 18, feePips: 0, counterAsset: 'B', counterPriceUsd: 1, ...over };
}

/**
 * Random books around tick 0 whose positions all contain tick 0, so that liquidity is contiguous
 * (no gap) from the lowest to the highest tick.
 */
export const arbitraryContiguousBook: fc.Arbitrary<TickBook> = fc
  .array(
    fc.record({
      lower: fc.integer({ min: -3000, max: 0 }).map((t) => t * 10),
      upper: fc.integer({ min: 1, max: 3000 }).map((t) => t * 10),
      liquidity: fc.bigInt({ min: 10n ** 15n, max: 10n ** 21n }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((positions) => bookOf(positions, 0));
