/**
 * The tick walk against the constant-product formula inside one range and against a hand-built
 * two-range book that a sale crosses one tick of. Hand numbers are worked with 40-digit decimals.
 * (Moved from test/indexers/families/markets with the maths it tests.)
 */
import { describe, expect, it } from 'vitest';
import { sellIntoPool } from '../../../src/contagion/constant-product-pool.js';
import { sqrtRatioAtTick, swapExactInput, tickBookProblem, virtualReserves, type TickBook } from '../../../src/contagion/liquidity/index.js';

const Q96 = 1n << 96n;
const E18 = 10n ** 18n;

/** One position [-60000, 60000) with L = 1e18 at price 1: virtual reserves x = y = 1e18 raw. */
const wide: TickBook = {
  sqrtPriceX96: Q96,
  tick: 0,
  liquidity: E18,
  ticks: [
    { tickIdx: -60000, liquidityNet: E18 },
    { tickIdx: 60000, liquidityNet: -E18 },
  ],
};

/**
 * Position A [-2000, 2000) with ℓ = 1e18 and position B [-6000, -1000) with ℓ = 2e18, price 1
 * (tick 0). Active L at tick 0 = +2e18 (B's lower) + 1e18 (A's lower) − 2e18 (B's upper) = 1e18;
 * below tick -1000 (B's upper, crossed downwards) L = 3e18.
 */
const twoRanges: TickBook = {
  sqrtPriceX96: Q96,
  tick: 0,
  liquidity: E18,
  ticks: [
    { tickIdx: -6000, liquidityNet: 2n * E18 },
    { tickIdx: -2000, liquidityNet: E18 },
    { tickIdx: -1000, liquidityNet: -2n * E18 },
    { tickIdx: 2000, liquidityNet: -E18 },
  ],
};

describe('swap walk inside one range = constant product', () => {
  it('sells 1e16 token0 for y·Δx/(x+Δx) of token1, to the unit', () => {
    // x = y = 1e18: 1e18·1e16 / 1.01e18 = 9900990099009900.99…; the pool rounds its payout down
    // and the new price up, which can cost a unit or two more.
    const result = swapExactInput(wide, { zeroForOne: true, amountIn: 10n ** 16n });
    expect(9900990099009900n - result.amountOut).toBeGreaterThanOrEqual(0n);
    expect(9900990099009900n - result.amountOut).toBeLessThanOrEqual(2n);
    expect(result).toMatchObject({ amountIn: 10n ** 16n, ticksCrossed: 0, exhausted: false, liquidity: E18 });
  });

  it('takes the fee tier off the input first (0.3%: Δx·0.997 enters the curve)', () => {
    // 1e18·(1e16·0.997) / (1e18 + 1e16·0.997) = 9871580343970612.98…
    const result = swapExactInput(wide, { zeroForOne: false, amountIn: 10n ** 16n, feePips: 3000 });
    expect(9871580343970612n - result.amountOut).toBeGreaterThanOrEqual(0n);
    expect(9871580343970612n - result.amountOut).toBeLessThanOrEqual(2n);
    expect(result.feeAmount).toBe(30_000_000_000_000n);
  });

  it('matches the reference cascade pool built from the virtual reserves', () => {
    // A USDC/WETH-like range: √P_raw = 22360, L = 2.236e18 → x = 1e8 USDC, y = 49,996.96 WETH.
    const book: TickBook = { sqrtPriceX96: 22360n * Q96, tick: 200310, liquidity: 2_236_000_000_000_000_000n, ticks: [{ tickIdx: 190000, liquidityNet: 2_236_000_000_000_000_000n }, { tickIdx: 210000, liquidityNet: -2_236_000_000_000_000_000n }] };
    expect(tickBookProblem(book)).toBeNull();
    const { reserve0, reserve1 } = virtualReserves(book.liquidity, book.sqrtPriceX96, 6, 18);
    const sold = 1_000_000; // USDC
    const cpmm = sellIntoPool({ assetReserve: reserve0, usdReserve: reserve1 }, sold);
    const walked = swapExactInput(book, { zeroForOne: true, amountIn: BigInt(sold) * 10n ** 6n });
    expect(Number(walked.amountOut) / 1e18 / (reserve1 - cpmm.usdReserve) - 1).toBeCloseTo(0, 10);
  });
});

describe('swap walk across ticks', () => {
  it('crosses tick -1000 into the deeper range when selling 1e17 token0', () => {
    // √p(-1000) = 1.0001^-500 = 0.95123180241872111…
    // Range 1 at L = 1e18: Δx₁ = L(1/0.9512318 − 1) = 51268468376766590.65, out₁ = L(1 − 0.9512318) = 48768197581278888.998.
    // Range 2 at L = 3e18 with Δx₂ = 1e17 − Δx₁ = 48731531623233409.35: 1/√P' = 1/0.9512318 + Δx₂/3e18,
    // √P' = 0.93675734558151627, out₂ = 3e18·(0.9512318 − 0.9367573) = 43423370511614519.53.
    // Total 92191568092893408.5; a single range at 1e18 would give only 1e18·1e17/1.1e18 = 90909090909090909.
    const result = swapExactInput(twoRanges, { zeroForOne: true, amountIn: 10n ** 17n });
    expect(result.ticksCrossed).toBe(1);
    expect(result.liquidity).toBe(3n * E18);
    expect(result.exhausted).toBe(false);
    expect(Number(92191568092893408n - result.amountOut)).toBeGreaterThanOrEqual(0);
    expect(Number(92191568092893408n - result.amountOut)).toBeLessThanOrEqual(4);
    expect(Number(result.sqrtPriceX96) / 2 ** 96).toBeCloseTo(0.93675734558151627, 15);
    // Ended inside a range: the tick is read off the price, ⌊log_1.0001(0.9367573²)⌋ = ⌊-1306.7⌋.
    expect(result.tick).toBe(-1307);
  });

  it('runs out of liquidity above tick 2000 and reports the input it could not sell', () => {
    // Selling token1 raises the price; at tick 2000 (√p = 1.0001^1000 = 1.10516539260323270) A ends
    // and nothing is left. The pool takes L(1.1051654 − 1) = 105165392603232697.24 → ⌈⌉ and pays
    // L(1 − 1/1.1051654) = 95158058067231121.917 → ⌊⌋.
    const result = swapExactInput(twoRanges, { zeroForOne: false, amountIn: E18 });
    expect(result.exhausted).toBe(true);
    expect(result.ticksCrossed).toBe(1);
    expect(result.liquidity).toBe(0n);
    // With no price limit the contract then moves the price through the empty book to its bound,
    // MAX_SQRT_RATIO − 1, in tick 887271; limited at tick 2000 it stops there, crossed upwards.
    expect(result.tick).toBe(887271);
    const limited = swapExactInput(twoRanges, { zeroForOne: false, amountIn: E18, sqrtPriceLimitX96: sqrtRatioAtTick(2000) });
    expect(limited).toMatchObject({ tick: 2000, liquidity: 0n, amountIn: result.amountIn, amountOut: result.amountOut });
    expect(Number(result.amountIn - 105165392603232697n)).toBeGreaterThanOrEqual(0);
    expect(Number(result.amountIn - 105165392603232697n)).toBeLessThanOrEqual(2);
    expect(Number(95158058067231121n - result.amountOut)).toBeGreaterThanOrEqual(0);
    expect(Number(95158058067231121n - result.amountOut)).toBeLessThanOrEqual(2);
  });
});

describe('tick book consistency', () => {
  it('accepts a book whose active liquidity is the sum of liquidityNet at or below the tick', () => {
    expect(tickBookProblem(twoRanges)).toBeNull();
  });

  it('rejects a wrong active liquidity, a missing upper tick and a price outside the tick', () => {
    expect(tickBookProblem({ ...twoRanges, liquidity: 2n * E18 })).toMatch(/active liquidity 2000000000000000000 differs .* tick 0, 1000000000000000000/);
    expect(tickBookProblem({ ...twoRanges, ticks: twoRanges.ticks.slice(0, 3) })).toMatch(/sums to 1000000000000000000 over all ticks/);
    expect(tickBookProblem({ ...twoRanges, tick: 5 })).toMatch(/sqrtPrice .* is outside the range of tick 5/);
  });
});
