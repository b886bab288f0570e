/**
 * The float concentrated-liquidity venue against the exact one, which is the contract's integer
 * swap maths (`swapExactInput`, checked against Uniswap/v3-core's own test values in
 * uniswap-v3-maths.test.ts). Within a range both follow Adams et al., "Uniswap v3 Core" (2021),
 * §6.2.3: selling Δx of token0 moves 1/√P by Δx/L and pays L·Δ√P of token1; selling Δy of token1
 * moves √P by Δy/L and pays L·Δ(1/√P) of token0. Crossing an initialised tick changes L by its
 * liquidityNet (§6.3). The pools are hand-built (books.ts): two and three ranges, gaps, 6/18 decimals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concentratedExactVenue, concentratedVenue, type ConcentratedPoolInput, type Venue } from '../../../src/contagion/liquidity/index.js';
import { arbitraryContiguousBook, poolInput, threeRanges, usdcWeth } from './books.js';

const RUNS = { numRuns: 150, seed: 20240611 };
const close = (a: number, b: number, tolerance = 1e-9): boolean => Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b), 1e-300);

/**
 * The exact venue floors the input to a raw unit and rounds each step the contract's way (never in
 * the trader's favour), so amounts may differ from the float walk by a few raw units besides 1e-9.
 */
function rawSlack(input: ConcentratedPoolInput): { units: number; usd: number } {
  const [dSold, dCounter] = input.sold === 'token0' ? [input.decimals0, input.decimals1] : [input.decimals1, input.decimals0];
  const spot = concentratedVenue(input).priceUsd();
  return { units: 16 * 10 ** -dSold, usd: 16 * (10 ** -dSold * spot + 10 ** -dCounter * input.counterPriceUsd) };
}
const near = (a: number, b: number, slack: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + slack;

const cases: [string, ConcentratedPoolInput][] = [
  ['three ranges, token0 sold', poolInput(threeRanges, 'token0')],
  ['three ranges, token1 sold, 0.3% fee', poolInput(threeRanges, 'token1', { feePips: 3000 })],
  ['USDC/WETH, USDC sold (WETH at $2000)', poolInput(usdcWeth, 'token0', { decimals0: 6, decimals1: 18, feePips: 500, counterAsset: 'WETH', counterPriceUsd: 2000 })],
  ['USDC/WETH, WETH sold (USDC at $1)', poolInput(usdcWeth, 'token1', { decimals0: 6, decimals1: 18, feePips: 500, counterAsset: 'USDC', counterPriceUsd: 1 })],
];

function expectSameSale(input: ConcentratedPoolInput, float: Venue, exact: Venue, units: number): { float: Venue; exact: Venue } {
  const slack = rawSlack(input);
  const a = float.sell(units);
  const b = exact.sell(units);
  expect(near(a.fill.usd, b.fill.usd, slack.usd), `USD ${a.fill.usd} vs ${b.fill.usd}`).toBe(true);
  expect(near(a.fill.soldUnits, b.fill.soldUnits, slack.units + 1e-12 * units), `sold ${a.fill.soldUnits} vs ${b.fill.soldUnits}`).toBe(true);
  expect(near(a.fill.unsoldUnits, b.fill.unsoldUnits, slack.units + 1e-12 * units), `unsold ${a.fill.unsoldUnits} vs ${b.fill.unsoldUnits}`).toBe(true);
  // A few raw units move the price by far less than 1e-9 of itself on these books.
  expect(close(a.venue.priceUsd(), b.venue.priceUsd()), `price ${a.venue.priceUsd()} vs ${b.venue.priceUsd()}`).toBe(true);
  return { float: a.venue, exact: b.venue };
}

describe.each(cases)('concentrated venue, %s: float walk = exact swap maths', (_label, input) => {
  const float = concentratedVenue(input);
  const exact = concentratedExactVenue(input);

  it('starts at the same price and capacity', () => {
    expect(close(float.priceUsd(), exact.priceUsd(), 1e-12)).toBe(true);
    expect(close(float.capacityUnits(), exact.capacityUnits())).toBe(true);
  });

  it('sells the same amounts for the same USD, across ticks and gaps and past the last tick', () => {
    const capacity = exact.capacityUnits();
    for (const share of [1e-6, 0.01, 0.3, 0.55, 0.9, 0.999999, 1.5]) expectSameSale(input, float, exact, share * capacity);
  });

  it('agrees on any split of a sale into two, which lands where the whole sale does', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1.2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (total, first) => {
        const units = total * exact.capacityUnits();
        const step = expectSameSale(input, float, exact, units * first);
        const rest = expectSameSale(input, step.float, step.exact, units * (1 - first));
        expect(close(rest.float.priceUsd(), float.sell(units).venue.priceUsd(), 1e-9)).toBe(true);
      }),
      RUNS,
    );
  });

  it('needs the same units to bring the marginal price down to a level', () => {
    const marginal = float.marginalUsd();
    for (const level of [0.999, 0.97, 0.9, 0.8, 0.5, 1e-6]) {
      const a = float.unitsToMarginal(level * marginal);
      expect(near(a, exact.unitsToMarginal(level * marginal), rawSlack(input).units)).toBe(true);
      // Selling that much takes the marginal price to the level (or to the top of a gap the level
      // lies in), and a little more takes it below; past the last tick it is the whole capacity.
      const after = float.sell(a).venue;
      if (after.capacityUnits() === 0) {
        expect(close(a, float.capacityUnits())).toBe(true);
        continue;
      }
      expect(after.marginalUsd()).toBeGreaterThanOrEqual(level * marginal * (1 - 1e-9));
      expect(float.sell(a * (1 + 1e-6)).venue.marginalUsd()).toBeLessThan(level * marginal);
    }
  });

  it('swaps back by arbitrage to the same state, crossing the same ticks', () => {
    const sold = expectSameSale(input, float, exact, 0.6 * exact.capacityUnits());
    for (const alpha of [0.25, 0.5, 1]) {
      const a = sold.float.arbitrage(float.priceUsd(), alpha);
      const b = sold.exact.arbitrage(float.priceUsd(), alpha);
      expect(close(a.priceUsd(), b.priceUsd(), 1e-12)).toBe(true);
      expectSameSale(input, a, b, 0.3 * exact.capacityUnits());
    }
    expect(close(sold.float.arbitrage(float.priceUsd(), 1).priceUsd(), float.priceUsd(), 1e-12)).toBe(true);
  });
});

describe('concentrated venue on random contiguous books', () => {
  it('agrees with the exact maths for either token sold', () => {
    fc.assert(
      fc.property(arbitraryContiguousBook, fc.boolean(), fc.constantFrom(0, 500, 3000, 10000), fc.double({ min: 1e-6, max: 1.3, noNaN: true }), (book, zero, feePips, share) => {
        const input = poolInput(book, zero ? 'token0' : 'token1', { feePips });
        const exact = concentratedExactVenue(input);
        expectSameSale(input, concentratedVenue(input), exact, share * exact.capacityUnits());
      }),
      RUNS,
    );
  });
});

describe('concentrated venue by hand', () => {
  it('crosses tick -1000 selling 0.1 token0 as worked in uniswap-v3-swap-walk.test.ts', () => {
    // Range 1 at L = 1e18 down to √p(-1000) = 0.951231802418721, then L = 3e18: out 92191568092893408.5 raw.
    const { fill, venue } = concentratedVenue(poolInput(threeRanges, 'token0')).sell(0.1);
    expect(fill.usd).toBeCloseTo(0.0921915680928934085, 15);
    expect(Math.sqrt(venue.priceUsd())).toBeCloseTo(0.93675734558151627, 14);
  });

  it('reads the spot price in USD with decimals: 1 WETH ≈ 2000.1216 USDC, 1 USDC ≈ 1/2000.1216 WETH', () => {
    expect(concentratedVenue(cases[3]![1]).priceUsd()).toBeCloseTo(2000.1216, 4);
    // P_raw = 22360² = 499,969,600 raw WETH per raw USDC = 4.999696e-4 WETH per USDC, at $2000.
    expect(concentratedVenue(cases[2]![1]).priceUsd()).toBeCloseTo(4.999696e-4 * 2000, 12);
  });

  it('moves through a range without liquidity for free and stops at the last tick', () => {
    // Selling token1 from tick 0: A ends at tick 2000, nothing until 3000, C ends at 5000.
    const venue = concentratedVenue(poolInput(threeRanges, 'token1'));
    const toGap = venue.unitsToMarginal(1 / 1.0001 ** 2000);
    const atGapTop = venue.sell(toGap).venue;
    expect(atGapTop.priceUsd()).toBeCloseTo(1 / 1.0001 ** 2000, 9);
    // Any price inside the gap costs nothing more.
    expect(venue.unitsToMarginal(1 / 1.0001 ** 2500)).toBeCloseTo(toGap, 12);
    const all = venue.sell(10);
    expect(all.fill.unsoldUnits).toBeCloseTo(10 - venue.capacityUnits(), 12);
    expect(all.venue.priceUsd()).toBeCloseTo(1 / 1.0001 ** 5000, 9);
    expect(all.venue.capacityUnits()).toBe(0);
    expect(all.venue.marginalUsd()).toBe(0);
  });

  it('rejects an inconsistent book, naming the venue', () => {
    expect(() => concentratedVenue(poolInput({ ...threeRanges, liquidity: 1n }, 'token0'))).toThrow(/contagion\/liquidity\/concentrated-frame: venue pool: tick book is inconsistent: active liquidity 1/);
  });
});
