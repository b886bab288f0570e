/**
 * The constant-product venue is the reference cascade's pool (src/contagion/constant-product-pool.ts):
 * the same reserves after any sequence of sales and arbitrages, to 1e-12 (in fact to the bit).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitrageToPrice, poolPrice, sellIntoPool, type PoolReserves } from '../../../src/contagion/constant-product-pool.js';
import { constantProductVenue, type Venue } from '../../../src/contagion/liquidity/index.js';

const RUNS = { numRuns: 300, seed: 20240612 };
const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

const arbitraryPool = fc.record({
  assetReserve: fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
  usdReserve: fc.double({ min: 1e-3, max: 1e12, noNaN: true }),
});
const arbitrarySales = fc.array(fc.double({ min: 0, max: 1e8, noNaN: true }), { minLength: 1, maxLength: 20 });

describe('constant-product venue = constant-product-pool.ts', () => {
  it('sells like sellIntoPool on random sequences of sales', () => {
    fc.assert(
      fc.property(arbitraryPool, arbitrarySales, (pool, sales) => {
        let venue: Venue = constantProductVenue({ name: 'v', ...pool });
        let reference: PoolReserves = pool;
        for (const units of sales) {
          const { venue: after, fill } = venue.sell(units);
          const next = sellIntoPool(reference, units);
          expect(relative(fill.usd, reference.usdReserve - next.usdReserve)).toBeLessThanOrEqual(1e-12);
          expect(relative(after.priceUsd(), poolPrice(next))).toBeLessThanOrEqual(1e-12);
          expect(fill).toMatchObject({ soldUnits: units, unsoldUnits: 0 });
          venue = after;
          reference = next;
        }
      }),
      RUNS,
    );
  });

  it('arbitrages like arbitrageToPrice at α = 1, and interpolates the price for α < 1', () => {
    fc.assert(
      fc.property(arbitraryPool, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (pool, target, alpha) => {
        const venue = constantProductVenue({ name: 'v', ...pool });
        expect(relative(venue.arbitrage(target, 1).priceUsd(), poolPrice(arbitrageToPrice(pool, target)))).toBeLessThanOrEqual(1e-12);
        const moved = venue.arbitrage(target, alpha).priceUsd();
        const expected = poolPrice(pool) + alpha * (target - poolPrice(pool));
        // p + α(target − p) loses up to an ulp of the larger price to cancellation.
        expect(Math.abs(moved - expected)).toBeLessThanOrEqual(1e-12 * Math.max(target, poolPrice(pool)));
        // Along the same curve (k kept): the arbitraged venue is arbitrageToPrice's pool at that price.
        const reference = arbitrageToPrice(pool, expected);
        const sale = venue.arbitrage(target, alpha).sell(pool.assetReserve / 10).fill.usd;
        expect(relative(sale, reference.usdReserve - sellIntoPool(reference, pool.assetReserve / 10).usdReserve)).toBeLessThanOrEqual(1e-9);
        expect(venue.arbitrage(target, 0)).toBe(venue);
      }),
      RUNS,
    );
  });

  it('sells exactly to a marginal price, and charges a fee on the input', () => {
    const venue = constantProductVenue({ name: 'v', assetReserve: 100, usdReserve: 200_000 });
    // Price 2000 → 1500: x = √(k/1500) = 115.4700538…, so 15.4700538 units.
    const units = venue.unitsToMarginal(1500);
    expect(units).toBeCloseTo(Math.sqrt(20_000_000 / 1500) - 100, 10);
    expect(venue.sell(units).venue.priceUsd()).toBeCloseTo(1500, 9);
    expect(venue.unitsToMarginal(2500)).toBe(0);
    // With a 0.3% fee, 0.997 of each unit enters the curve; the marginal is 0.997 × spot.
    const withFee = constantProductVenue({ name: 'v', assetReserve: 100, usdReserve: 200_000, feeFraction: 0.003 });
    expect(withFee.sell(10).fill.usd).toBeCloseTo(200_000 - 20_000_000 / 109.97, 9);
    expect(withFee.marginalUsd()).toBeCloseTo(1994, 9);
    expect(withFee.sell(withFee.unitsToMarginal(1500)).venue.marginalUsd()).toBeCloseTo(1500, 9);
  });

  it('rejects bad reserves and sales, naming the venue', () => {
    expect(() => constantProductVenue({ name: 'sushi:WETH', assetReserve: 0, usdReserve: 1 })).toThrow(
      'contagion/liquidity/constant-product-venue: venue sushi:WETH: assetReserve must be a finite number > 0, got 0',
    );
    expect(() => constantProductVenue({ name: 'v', assetReserve: 1, usdReserve: 1 }).sell(-1)).toThrow(/units to sell must be a finite amount ≥ 0, got -1/);
    expect(() => constantProductVenue({ name: 'v', assetReserve: 1, usdReserve: 1 }).arbitrage(1, 1.5)).toThrow(/arbitrage strength α must be in \[0, 1\]/);
  });
});
