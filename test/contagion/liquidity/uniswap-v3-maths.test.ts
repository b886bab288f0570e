/**
 * Concentrated-liquidity maths against published values: Uniswap/v3-core test/SqrtPriceMath.spec.ts
 * and test/SwapMath.spec.ts (expected values asserted there against the Solidity libraries),
 * Uniswap/v3-sdk src/utils/tickMath.test.ts and src/utils/priceTickConversions.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  amount0Delta,
  amount1Delta,
  computeSwapStep,
  MAX_SQRT_RATIO,
  MAX_TICK,
  MIN_SQRT_RATIO,
  MIN_TICK,
  nextSqrtPriceFromInput,
  sqrtPriceAtTick,
  sqrtPriceX96ToPrice,
  sqrtRatioAtTick,
  tickAtSqrtRatio,
  tickToPrice,
  virtualReserves,
} from '../../../src/contagion/liquidity/index.js';

const Q96 = 1n << 96n;
const E18 = 10n ** 18n;

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}
/** v3-core test/shared/utilities.ts encodePriceSqrt(reserve1, reserve0) = ⌊√(reserve1/reserve0)·2^96⌋. */
const encodePriceSqrt = (reserve1: bigint, reserve0: bigint): bigint => isqrt((reserve1 << 192n) / reserve0);

describe('tick ↔ sqrt price', () => {
  it('hits the contract bounds at MIN_TICK and MAX_TICK (v3-sdk tickMath.test.ts)', () => {
    expect(sqrtRatioAtTick(MIN_TICK)).toBe(MIN_SQRT_RATIO);
    expect(sqrtRatioAtTick(MAX_TICK)).toBe(MAX_SQRT_RATIO);
    expect(sqrtRatioAtTick(0)).toBe(Q96);
  });

  it('agrees with 1.0001^(tick/2) to float precision', () => {
    for (const tick of [-887272, -276225, -74959, -13863, -1, 1, 50, 13863, 200310, 887272]) {
      const q96 = sqrtRatioAtTick(tick);
      // Rounding to an integer costs up to 1/q96 relatively (2e-10 at MIN_TICK, where q96 ≈ 4.3e9);
      // Math.pow's own error grows with |tick| to ~5e-12 at MAX_TICK.
      expect(Math.abs(Number(q96) / 2 ** 96 / sqrtPriceAtTick(tick) - 1)).toBeLessThan(1e-11 + 1 / Number(q96));
    }
    // ln 2 / ln √1.0001 = 13863.6: the sqrt price crosses 2 (the price 4) between ticks 13863 and 13864.
    expect(sqrtRatioAtTick(13863)).toBeLessThan(2n * Q96);
    expect(sqrtRatioAtTick(13864)).toBeGreaterThan(2n * Q96);
  });

  it('inverts sqrtRatioAtTick as TickMath.getTickAtSqrtRatio does: the greatest tick at or below the price', () => {
    expect(tickAtSqrtRatio(MIN_SQRT_RATIO)).toBe(MIN_TICK);
    expect(tickAtSqrtRatio(MAX_SQRT_RATIO - 1n)).toBe(MAX_TICK - 1);
    for (const tick of [-887271, -276225, -74959, -1, 0, 1, 13863, 200310, 887271]) {
      expect(tickAtSqrtRatio(sqrtRatioAtTick(tick))).toBe(tick);
      expect(tickAtSqrtRatio(sqrtRatioAtTick(tick) - 1n)).toBe(tick - 1);
    }
    // The USDC/WETH fixture's state: √P = 22360·2^96 lies in tick 200310.
    expect(tickAtSqrtRatio(22360n * Q96)).toBe(200310);
    expect(() => tickAtSqrtRatio(MAX_SQRT_RATIO)).toThrow(/tick-math: sqrt price .* is outside/);
  });

  it('rejects ticks outside the range', () => {
    expect(() => sqrtRatioAtTick(MAX_TICK + 1)).toThrow(/tick-math: tick 887273/);
  });

  it('reads prices with decimals as v3-sdk priceTickConversions.test.ts does', () => {
    // DAI (token0, 18) / WETH (token1, 18) at tick -74959: 1 WETH = 1800 DAI, i.e. 1 DAI = 1/1800 WETH.
    expect(Number((1 / sqrtPriceX96ToPrice(sqrtRatioAtTick(-74959), 18, 18)).toPrecision(5))).toBe(1800);
    // DAI (token0, 18) / USDC (token1, 6) at tick -276225: 1 DAI = 1.01 USDC.
    expect(Number(tickToPrice(-276225, 18, 6).toPrecision(5))).toBe(1.01);
  });

  it('reads a real pool state: DAI/WETH 0.3% with sqrtPriceX96 1234217676608908277512433764', () => {
    // ethereum.stackexchange.com/questions/98685 (a DAI/ETH v3 pool when 1 ETH was "around 4090 DAI"):
    // √P = 1234217676608908277512433764 / 2^96 = 0.0155780171777516…, P = 2.42674619e-4 WETH per DAI,
    // both tokens 18 decimals, so 1 WETH = 1/P = 4120.744 DAI.
    const wethPerDai = sqrtPriceX96ToPrice(1234217676608908277512433764n, 18, 18);
    expect(wethPerDai).toBeCloseTo(2.4267461919e-4, 13);
    expect(1 / wethPerDai).toBeCloseTo(4120.744, 3);
  });

  it('gives the virtual reserves of a USDC/WETH pool worked by hand', () => {
    // USDC token0 (6 decimals), WETH token1 (18). sqrtPriceX96 = 22360·2^96, so √P_raw = 22360 and
    // P_raw = 499,969,600 raw WETH per raw USDC = 4.999696e-4 WETH per USDC: 1 WETH = 2000.1216 USDC.
    // L = 2.236e18: x = L/√P = 1e14 raw = 100,000,000 USDC; y = L·√P = 4.999696e22 raw = 49,996.96 WETH.
    const sqrtPriceX96 = 22360n * Q96;
    expect(1 / sqrtPriceX96ToPrice(sqrtPriceX96, 6, 18)).toBeCloseTo(2000.1216, 4);
    const { reserve0, reserve1 } = virtualReserves(2_236_000_000_000_000_000n, sqrtPriceX96, 6, 18);
    expect(reserve0).toBeCloseTo(100_000_000, 6);
    expect(reserve1).toBeCloseTo(49_996.96, 9);
  });
});

describe('sqrt price maths (v3-core SqrtPriceMath.spec.ts)', () => {
  it('moves the price by an input of 0.1 token1 or token0 at L = 1e18', () => {
    expect(nextSqrtPriceFromInput(encodePriceSqrt(1n, 1n), E18, E18 / 10n, false)).toBe(87150978765690771352898345369n);
    expect(nextSqrtPriceFromInput(encodePriceSqrt(1n, 1n), E18, E18 / 10n, true)).toBe(72025602285694852357767227579n);
  });

  it('handles inputs larger than uint96 and ones that would overflow √P·√Q', () => {
    expect(nextSqrtPriceFromInput(encodePriceSqrt(1n, 1n), 10n * E18, 2n ** 100n, true)).toBe(624999999995069620n);
    expect(nextSqrtPriceFromInput(encodePriceSqrt(1n, 1n), 1n, (2n ** 256n - 1n) / 2n, true)).toBe(1n);
    const sqrtP = 1025574284609383690408304870162715216695788925244n;
    const liquidity = 50015962439936049619261659728067971248n;
    const sqrtQ = nextSqrtPriceFromInput(sqrtP, liquidity, 406n, true);
    expect(sqrtQ).toBe(1025574284609383582644711336373707553698163132913n);
    expect(amount0Delta(sqrtP, sqrtQ, liquidity, true)).toBe(406n);
  });

  it('gives the amounts between price 1 and 1.21 with the contract rounding', () => {
    const p121 = encodePriceSqrt(121n, 100n);
    expect(amount0Delta(p121, Q96, E18, true)).toBe(90909090909090910n);
    expect(amount0Delta(p121, Q96, E18, false)).toBe(90909090909090909n);
    expect(amount1Delta(Q96, p121, E18, true)).toBe(100000000000000000n);
    expect(amount1Delta(Q96, p121, E18, false)).toBe(99999999999999999n);
  });
});

describe('swap step (v3-core SwapMath.spec.ts, exact input)', () => {
  it('is capped at the target price in one-for-zero', () => {
    const target = encodePriceSqrt(101n, 100n);
    const step = computeSwapStep(Q96, target, 2n * E18, E18, 600);
    expect(step).toEqual({ sqrtPriceNext: target, amountIn: 9975124224178055n, feeAmount: 5988667735148n, amountOut: 9925619580021728n });
  });

  it('spends the whole input when the target is far', () => {
    const step = computeSwapStep(Q96, encodePriceSqrt(1000n, 100n), 2n * E18, E18, 600);
    expect(step.amountIn).toBe(999400000000000000n);
    expect(step.feeAmount).toBe(600000000000000n);
    expect(step.amountOut).toBe(666399946655997866n);
    expect(step.sqrtPriceNext).toBe(nextSqrtPriceFromInput(Q96, 2n * E18, E18 - step.feeAmount, false));
  });

  it('uses part of the input to reach a target price of 1, and takes a dust input whole as fee', () => {
    expect(computeSwapStep(2n, 1n, 1n, 3915081100057732413702495386755767n, 1)).toEqual({
      sqrtPriceNext: 1n,
      amountIn: 39614081257132168796771975168n,
      feeAmount: 39614120871253040049813n,
      amountOut: 0n,
    });
    expect(computeSwapStep(2413n, 79887613182836312n, 1985041575832132834610021537970n, 10n, 1872)).toEqual({
      sqrtPriceNext: 2413n,
      amountIn: 0n,
      feeAmount: 10n,
      amountOut: 0n,
    });
  });
});
