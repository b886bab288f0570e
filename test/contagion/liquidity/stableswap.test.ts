/**
 * Curve StableSwap (Egorov 2019), n = 2, against the invariant and against Curve's own reference
 * model: curvefi/curve-contract tests/simulation.py (commit 05a758db7ae55bb24fa4f9b1c303234c1145ee4e),
 * the integer `Curve` class whose `D`, `y` and `exchange` Curve's tests hold the pool contracts to.
 * The expected integers below are that class's output, run unchanged on the inputs shown (the first
 * two pools are the "specific cases" of saber-hq/stable-swap stable-swap-math/src/curve.rs,
 * test_curve_math_specific, which checks Saber's port against the same simulation); the floats here
 * must agree to rounding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableswapD, stableswapPrice, stableswapState, stableswapVenue, stableswapXAtPrice, stableswapY, type Venue } from '../../../src/contagion/liquidity/index.js';

const RUNS = { numRuns: 300, seed: 20240613 };
const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe('stableswap maths = Curve simulation.py', () => {
  it('computes D and y as Curve(A, balances, 2).D() and .y(0, 1, x)', () => {
    // Curve(1188, [1046129065254161082, 1250710035549196829], 2): D = 2296831376791770037, y(0, 1, 2045250484898639148) = 253077307234641934.
    const d1 = stableswapD(1046129065254161082, 1250710035549196829, 1188);
    expect(relative(d1, 2296831376791770037)).toBeLessThan(1e-14);
    expect(relative(stableswapY(2045250484898639148, d1, 1188), 253077307234641934)).toBeLessThan(1e-12);
    // Curve(9, [862538457714585493, 492548187909826733], 2): D = 1349690409671689975, y(0, 1, 8155777549389559399) = 608429477304216.
    const d2 = stableswapD(862538457714585493, 492548187909826733, 9);
    expect(relative(d2, 1349690409671689975)).toBeLessThan(1e-14);
    expect(relative(stableswapY(8155777549389559399, d2, 9), 608429477304216)).toBeLessThan(1e-12);
  });

  it('exchanges as Curve(100, [1e24, 1e24], 2): dy(0, 1, 1e23) and exchange with its 0.1% fee', () => {
    // dy = 99900110864758514706208; exchange returns dy − fee = 99800210753893756191502 (wei, 18 decimals).
    const pool = { name: 'sim', amplification: 100, assetBalance: 1e6, counterBalance: 1e6, counterAsset: 'USDC', counterPriceUsd: 1 };
    expect(relative(stableswapVenue(pool).sell(1e5).fill.usd, 99900.110864758514706208)).toBeLessThan(1e-12);
    expect(relative(stableswapVenue({ ...pool, feeFraction: 0.001 }).sell(1e5).fill.usd, 99800.210753893756191502)).toBeLessThan(1e-12);
  });
});

const arbitraryPool = fc.record({
  name: fc.constant('pool'),
  amplification: fc.double({ min: 1, max: 10_000, noNaN: true }),
  assetBalance: fc.double({ min: 1e3, max: 1e9, noNaN: true }),
  counterBalance: fc.double({ min: 1e3, max: 1e9, noNaN: true }),
  counterAsset: fc.constant('USDC'),
  counterPriceUsd: fc.double({ min: 0.5, max: 2, noNaN: true }),
});

describe('stableswap venue against the invariant', () => {
  it('keeps D through any sequence of sales (fee or none) and arbitrages', () => {
    fc.assert(
      fc.property(arbitraryPool, fc.constantFrom(0, 0.0004), fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 8 }), (pool, feeFraction, sales) => {
        let venue: Venue = stableswapVenue({ ...pool, feeFraction });
        const d = stableswapState(venue)!.invariant;
        for (const units of sales) {
          venue = venue.sell(units).venue;
          const state = stableswapState(venue)!;
          expect(relative(stableswapD(state.assetBalance, state.counterBalance, pool.amplification), d)).toBeLessThan(1e-12);
        }
        const back = stableswapState(venue.arbitrage(pool.counterPriceUsd, 0.5))!;
        expect(relative(stableswapD(back.assetBalance, back.counterBalance, pool.amplification), d)).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });

  it('pays the integral of its price: a small sale receives the mean of the spot prices it moves between', () => {
    fc.assert(
      fc.property(arbitraryPool, (pool) => {
        const venue = stableswapVenue(pool);
        const units = pool.assetBalance * 1e-6;
        const { venue: after, fill } = venue.sell(units);
        expect(relative(fill.usd / units, (venue.priceUsd() + after.priceUsd()) / 2)).toBeLessThan(1e-7);
      }),
      RUNS,
    );
  });

  it('sells exactly to a marginal price and arbitrages exactly to a price', () => {
    fc.assert(
      fc.property(arbitraryPool, fc.double({ min: 0.05, max: 0.999, noNaN: true }), (pool, level) => {
        const venue = stableswapVenue({ ...pool, feeFraction: 0.0004 });
        const target = level * venue.marginalUsd();
        const after = venue.sell(venue.unitsToMarginal(target)).venue;
        expect(relative(after.marginalUsd(), target)).toBeLessThan(1e-9);
        expect(relative(after.arbitrage(venue.priceUsd(), 1).priceUsd(), venue.priceUsd())).toBeLessThan(1e-9);
      }),
      RUNS,
    );
  });

  it('is 1:1 at balance, rates and counter price applied, and tends to x·y = k as A → 0', () => {
    const balanced = stableswapVenue({ name: 'p', amplification: 200, assetBalance: 5e6, counterBalance: 5e6, counterAsset: 'WETH', counterPriceUsd: 3000 });
    expect(balanced.priceUsd()).toBeCloseTo(3000, 9);
    // A coin worth 1.1 of the common unit, balanced in common units: its price is 1.1 counter tokens.
    const rated = stableswapVenue({ name: 'p', amplification: 200, assetBalance: 1e6, counterBalance: 1.1e6, assetRate: 1.1, counterAsset: 'USDC', counterPriceUsd: 1 });
    expect(rated.priceUsd()).toBeCloseTo(1.1, 12);
    // Deep in the flat part: 10% of one side sold at A = 2000 costs well under 0.1%; at A → 0 it is constant product.
    const flat = stableswapVenue({ name: 'p', amplification: 2000, assetBalance: 1e6, counterBalance: 1e6, counterAsset: 'USDC', counterPriceUsd: 1 });
    expect(flat.sell(1e5).fill.usd).toBeGreaterThan(99_900);
    expect(relative(stableswapPrice(3e6, 1e6, stableswapD(3e6, 1e6, 1e-9), 1e-9), 1 / 3)).toBeLessThan(1e-6);
    const d = stableswapD(1e6, 1e6, 100);
    expect(stableswapXAtPrice(1, d, 100)).toBe(d / 2);
    expect(relative(stableswapPrice(stableswapXAtPrice(0.9, d, 100), stableswapY(stableswapXAtPrice(0.9, d, 100), d, 100), d, 100), 0.9)).toBeLessThan(1e-12);
    expect(relative(stableswapPrice(stableswapXAtPrice(1.2, d, 100), stableswapY(stableswapXAtPrice(1.2, d, 100), d, 100), d, 100), 1.2)).toBeLessThan(1e-12);
  });

  it('rejects a pool without amplification, naming it', () => {
    expect(() => stableswapVenue({ name: 'curve:3pool', amplification: 0, assetBalance: 1, counterBalance: 1, counterAsset: 'USDC', counterPriceUsd: 1 })).toThrow(
      'contagion/liquidity/stableswap-venue: venue curve:3pool: amplification must be a finite number > 0, got 0',
    );
  });
});
