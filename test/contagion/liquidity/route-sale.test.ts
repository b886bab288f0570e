/**
 * Routing a sale across venues (water-filling on the common marginal price) and arbitrage inflow,
 * as properties over random curves mixing constant product, stableswap and concentrated liquidity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sellIntoPool } from '../../../src/contagion/constant-product-pool.js';
import {
  arbitrageCurve,
  concentratedExactVenue,
  concentratedVenue,
  constantProductVenue,
  curvePriceUsd,
  depthCurve,
  routeSale,
  stableswapVenue,
  type DepthCurve,
  type Venue,
} from '../../../src/contagion/liquidity/index.js';
import { arbitraryContiguousBook, poolInput, threeRanges } from './books.js';

const RUNS = { numRuns: 200, seed: 20240614 };
const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
const price = fc.double({ min: 50, max: 150, noNaN: true });
const fee = fc.constantFrom(0, 0.0005, 0.003);

const arbitraryVenue: fc.Arbitrary<Venue> = fc.oneof(
  fc.record({ x: fc.double({ min: 10, max: 1e5, noNaN: true }), price, fee }).map(({ x, price: p, fee: f }) => constantProductVenue({ name: 'cpmm', assetReserve: x, usdReserve: x * p, feeFraction: f })),
  fc
    .record({ a: fc.double({ min: 1, max: 5000, noNaN: true }), x: fc.double({ min: 10, max: 1e5, noNaN: true }), y: fc.double({ min: 10, max: 1e5, noNaN: true }), price, fee })
    .map(({ a, x, y, price: p, fee: f }) => stableswapVenue({ name: 'stableswap', amplification: a, assetBalance: x, counterBalance: y, feeFraction: f, counterAsset: 'C', counterPriceUsd: p })),
  fc
    .record({ book: arbitraryContiguousBook, zero: fc.boolean(), price, feePips: fc.constantFrom(0, 500, 3000) })
    .map(({ book, zero, price: p, feePips }) => concentratedVenue(poolInput(book, zero ? 'token0' : 'token1', { counterPriceUsd: p, feePips }))),
);
const arbitraryCurve: fc.Arbitrary<DepthCurve> = fc.array(arbitraryVenue, { minLength: 1, maxLength: 4 }).map((venues) => depthCurve('ASSET', venues));
const arbitraryUnits = fc.double({ min: 1e-3, max: 3e4, noNaN: true });

describe('routeSale', () => {
  it('equalises the marginal price of every venue that sells, and leaves none above it', () => {
    fc.assert(
      fc.property(arbitraryCurve, arbitraryUnits, (curve, units) => {
        const result = routeSale(curve, units);
        expect(relative(result.soldUnits + result.unsoldUnits, units)).toBeLessThan(1e-12);
        expect(relative(result.fills.reduce((sum, f) => sum + f.usd, 0), result.usdReceived)).toBeLessThan(1e-12);
        result.fills.forEach((fill, v) => {
          const after = result.curve.venues[v]!;
          if (after.capacityUnits() === 0) return; // sold all it could hold
          if (fill.units > 0) expect(relative(fill.marginalAfterUsd, result.marginalUsd)).toBeLessThan(1e-9);
          else expect(fill.marginalAfterUsd).toBeLessThanOrEqual(result.marginalUsd * (1 + 1e-9));
        });
      }),
      RUNS,
    );
  });

  it('receives at least what selling everything into any single venue would', () => {
    fc.assert(
      fc.property(arbitraryCurve, arbitraryUnits, (curve, units) => {
        const routed = routeSale(curve, units).usdReceived;
        for (const venue of curve.venues) expect(routed).toBeGreaterThanOrEqual(venue.quoteSell(units).usd * (1 - 1e-9));
      }),
      RUNS,
    );
  });

  it('with one venue, is that venue alone', () => {
    fc.assert(
      fc.property(arbitraryVenue, arbitraryUnits, (venue, units) => {
        const alone = venue.sell(units);
        const routed = routeSale(depthCurve('ASSET', [venue]), units);
        expect(routed.usdReceived).toBe(alone.fill.usd);
        expect(routed.soldUnits).toBe(alone.fill.soldUnits);
        expect(routed.curve.venues[0]!.priceUsd()).toBe(alone.venue.priceUsd());
      }),
      RUNS,
    );
  });

  it('splits between constant-product pools at one price as the pool of their summed reserves sells', () => {
    const curve = depthCurve('WETH', [
      constantProductVenue({ name: 'a', assetReserve: 1000, usdReserve: 2_000_000 }),
      constantProductVenue({ name: 'b', assetReserve: 3000, usdReserve: 6_000_000 }),
    ]);
    const result = routeSale(curve, 500);
    const merged = sellIntoPool({ assetReserve: 4000, usdReserve: 8_000_000 }, 500);
    expect(relative(result.usdReceived, 8_000_000 - merged.usdReserve)).toBeLessThan(1e-12);
    expect(relative(result.fills[0]!.units, 125)).toBeLessThan(1e-9);
    expect(relative(result.priceUsd, merged.usdReserve / merged.assetReserve)).toBeLessThan(1e-9);
  });

  it('routes the same with the exact (integer) concentrated venue as with the float one', () => {
    fc.assert(
      fc.property(arbitraryContiguousBook, fc.boolean(), price, fc.double({ min: 1e-3, max: 2, noNaN: true }), (book, zero, p, share) => {
        const input = poolInput(book, zero ? 'token0' : 'token1', { counterPriceUsd: p, feePips: 500 });
        const cpmm = constantProductVenue({ name: 'cpmm', assetReserve: 1, usdReserve: p });
        const units = share * (1 + concentratedVenue(input).capacityUnits());
        const float = routeSale(depthCurve('ASSET', [cpmm, concentratedVenue(input)]), units);
        const exact = routeSale(depthCurve('ASSET', [cpmm, concentratedExactVenue(input)]), units);
        // Up to the exact venue's rounding (raw units, its fee per step) and the 1e-12 on q*.
        expect(Math.abs(float.usdReceived - exact.usdReceived)).toBeLessThanOrEqual(1e-9 * float.usdReceived + 1e-15 * p);
        expect(relative(float.marginalUsd, exact.marginalUsd)).toBeLessThan(1e-9);
      }),
      { ...RUNS, numRuns: 50 },
    );
  });

  it('sells what bounded venues hold and reports the rest unsold', () => {
    const a = concentratedVenue(poolInput(threeRanges, 'token0'));
    const b = concentratedVenue(poolInput(threeRanges, 'token1'));
    const result = routeSale(depthCurve('ASSET', [a, b]), 10);
    expect(relative(result.soldUnits, a.capacityUnits() + b.capacityUnits())).toBeLessThan(1e-12);
    expect(relative(result.unsoldUnits, 10 - result.soldUnits)).toBeLessThan(1e-12);
    expect(result.curve.venues.every((v) => v.capacityUnits() === 0)).toBe(true);
  });
});

describe('arbitrageCurve', () => {
  const arbitraryTarget = fc.double({ min: 20, max: 300, noNaN: true });

  it('leaves prices unchanged at α = 0 and puts every venue at the target at α = 1', () => {
    fc.assert(
      fc.property(arbitraryCurve, arbitraryTarget, (curve, target) => {
        expect(arbitrageCurve(curve, target, 0).venues.map((v) => v.priceUsd())).toEqual(curve.venues.map((v) => v.priceUsd()));
        const restored = arbitrageCurve(curve, target, 1);
        for (const venue of restored.venues) expect(relative(venue.priceUsd(), target)).toBeLessThan(1e-9);
        expect(relative(curvePriceUsd(restored), target)).toBeLessThan(1e-9);
      }),
      RUNS,
    );
  });

  it('moves every venue monotonically toward the target as α grows, after a routed sale', () => {
    fc.assert(
      fc.property(arbitraryCurve, arbitraryUnits, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (curve, units, a1, a2) => {
        const sold = routeSale(curve, units).curve;
        const target = curvePriceUsd(curve);
        const [low, high] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const before = sold.venues.map((v) => v.priceUsd());
        const atLow = arbitrageCurve(sold, target, low).venues.map((v) => v.priceUsd());
        const atHigh = arbitrageCurve(sold, target, high).venues.map((v) => v.priceUsd());
        before.forEach((p, v) => {
          const direction = Math.sign(target - p);
          expect(direction * (atHigh[v]! - atLow[v]!)).toBeGreaterThanOrEqual(-1e-9 * target);
          expect(direction * (atLow[v]! - p)).toBeGreaterThanOrEqual(-1e-9 * target);
          expect(direction * (target - atHigh[v]!)).toBeGreaterThanOrEqual(-1e-9 * target);
        });
        expect(curvePriceUsd(arbitrageCurve(sold, target, high))).toBeGreaterThanOrEqual(curvePriceUsd(arbitrageCurve(sold, target, low)) * (1 - 1e-9));
      }),
      RUNS,
    );
  });
});
