import { describe, expect, it } from 'vitest';
import {
  allocateImpliedVolColumns,
  black76,
  bsm,
  IMPLIED_VOL_STATUS,
  impliedVolBlack76,
  impliedVolBsm,
  impliedVolColumns,
  type BsmQuote,
  type ImpliedVolResult,
} from '../../../src/risk/pricing/index.js';

const SPOT = 100;
const RATE = 0.03;
const YIELD = 0.01;
const EXPIRIES = [1 / 365, 7 / 365, 30 / 365, 0.25, 1, 5];
const VOLS = [0.05, 0.1, 0.2, 0.5, 1, 2, 3];

/** The BSM quote whose strike sits z standard deviations from the forward: ln(K/F) = z·σ√T. */
function quoteAt(z: number, expiry: number, vol: number, isCall: boolean): { quote: BsmQuote; vega: number } {
  const forward = SPOT * Math.exp((RATE - YIELD) * expiry);
  const strike = forward * Math.exp(z * vol * Math.sqrt(expiry));
  const option = { spot: SPOT, strike, expiry, vol, rate: RATE, dividendYield: YIELD, isCall };
  const g = bsm(option);
  return { quote: { spot: SPOT, strike, expiry, rate: RATE, dividendYield: YIELD, isCall, price: g.price }, vega: g.vega };
}

/**
 * Round-trip criterion. With κ = V/(σ·vega) the relative vol error is κ × the relative price
 * error, and prices carry a few ulps of rounding, so:
 *   κ ≤ 1e6  →  the recovered vol is within 1e-8 (relative) of the vol that made the price;
 *   κ > 1e6  →  vega is too small for the price to pin the vol (deep in the money, where the
 *              time value is a sliver of the price): the recovered vol reprices to 1e-10 relative.
 * Returns which criterion was used.
 */
function checkRoundTrip(result: ImpliedVolResult, quote: BsmQuote, vol: number, vega: number, label: string): 'vol' | 'price' {
  expect(result.ok, `${label}: ${result.ok ? '' : result.detail}`).toBe(true);
  if (!result.ok) return 'vol';
  const kappa = quote.price / (vol * vega);
  if (kappa <= 1e6) {
    expect(Math.abs(result.vol - vol) / vol, label).toBeLessThanOrEqual(1e-8);
    return 'vol';
  }
  const repriced = bsm({ ...quote, vol: result.vol }).price;
  expect(Math.abs(repriced - quote.price) / quote.price, label).toBeLessThanOrEqual(1e-10);
  return 'price';
}

describe('impliedVolBsm: round trip price → vol → price', () => {
  it('recovers the vol over |ln(K/F)| ≤ 3σ√T, T from 1 day to 5 years, σ from 5% to 300%', () => {
    const used = { vol: 0, price: 0 };
    let maxIterations = 0;
    for (const expiry of EXPIRIES) for (const vol of VOLS) for (const z of [-3, -2, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 2, 3]) {
      for (const isCall of [true, false]) {
        const { quote, vega } = quoteAt(z, expiry, vol, isCall);
        const result = impliedVolBsm(quote);
        used[checkRoundTrip(result, quote, vol, vega, `T=${expiry} σ=${vol} z=${z} ${isCall ? 'call' : 'put'}`)]++;
        if (result.ok) maxIterations = Math.max(maxIterations, result.iterations);
      }
    }
    // 924 quotes: 922 recover the vol to 1e-8; 2 (in the money at z = ±3, where the time value
    // is a sliver of the price) have κ > 1e6 and are held to the repricing criterion instead.
    expect(used).toEqual({ vol: 922, price: 2 });
    expect(maxIterations).toBeLessThanOrEqual(7);
  });

  it('beyond: |ln(K/F)| = 4…10 σ√T either round-trips or fails cleanly where the price is a bound to rounding', () => {
    let solved = 0;
    let failed = 0;
    for (const expiry of EXPIRIES) for (const vol of VOLS) for (const z of [-10, -8, -6, -4, 4, 6, 8, 10]) {
      for (const isCall of [true, false]) {
        const { quote, vega } = quoteAt(z, expiry, vol, isCall);
        const label = `T=${expiry} σ=${vol} z=${z} ${isCall ? 'call' : 'put'} price=${quote.price}`;
        const result = impliedVolBsm(quote);
        if (result.ok) {
          checkRoundTrip(result, quote, vol, vega, label);
          solved++;
          continue;
        }
        failed++;
        // A failure is only allowed where the price cannot be told from a no-arbitrage bound.
        const sq = SPOT * Math.exp(-YIELD * expiry);
        const kd = quote.strike * Math.exp(-RATE * expiry);
        const intrinsic = Math.max(isCall ? sq - kd : kd - sq, 0);
        const bound = isCall ? sq : kd;
        expect(['at-intrinsic', 'above-upper-bound'], label).toContain(result.reason);
        if (result.reason === 'at-intrinsic') expect(quote.price - intrinsic, label).toBeLessThanOrEqual(1e-13 * Math.max(sq, kd));
        else expect(bound - quote.price, label).toBeLessThanOrEqual(1e-13 * bound);
      }
    }
    // 672 quotes: 500 solve; the other 172 are in the money so deep (or so long and volatile)
    // that the price equals its intrinsic value or its upper bound to within 1e-13.
    expect([solved, failed]).toEqual([500, 172]);
  });

  it('Hull’s 4.76 call implies 20%; Black-76 quotes invert too', () => {
    const hull = impliedVolBsm({ spot: 42, strike: 40, expiry: 0.5, rate: 0.1, isCall: true, price: bsm({ spot: 42, strike: 40, expiry: 0.5, vol: 0.2, rate: 0.1, isCall: true }).price });
    expect(hull.ok && Math.abs(hull.vol - 0.2)).toBeLessThan(1e-12);
    const rounded = impliedVolBsm({ spot: 42, strike: 40, expiry: 0.5, rate: 0.1, isCall: true, price: 4.76 });
    expect(rounded.ok && Math.abs(rounded.vol - 0.2)).toBeLessThan(1e-3);
    for (const isCall of [true, false]) {
      const option = { forward: 19, strike: 21, expiry: 0.75, vol: 0.28, rate: 0.1, isCall };
      const result = impliedVolBlack76({ ...option, price: black76(option).price });
      expect(result.ok && Math.abs(result.vol - 0.28)).toBeLessThan(1e-12);
    }
  });
});

describe('impliedVolColumns', () => {
  it('equals the scalar solver row for row, NaN and a status code where there is no vol', () => {
    const quotes: BsmQuote[] = [];
    for (const expiry of [1 / 365, 0.5, 3]) for (const vol of [0.1, 0.8]) for (const z of [-3, -1, 0, 2, 9]) for (const isCall of [true, false]) quotes.push(quoteAt(z, expiry, vol, isCall).quote);
    quotes.push({ spot: 100, strike: 90, expiry: 1, rate: 0, dividendYield: 0, isCall: true, price: 5 }); // below intrinsic
    quotes.push({ spot: 100, strike: 90, expiry: 1, rate: 0, dividendYield: 0, isCall: true, price: 100 }); // at the upper bound
    quotes.push({ spot: 100, strike: 90, expiry: 0, rate: 0, dividendYield: 0, isCall: false, price: 0 }); // expired
    const n = quotes.length;
    const out = allocateImpliedVolColumns(n, true);
    const { summary } = impliedVolColumns(
      {
        price: Float64Array.from(quotes, (q) => q.price),
        spot: Float64Array.from(quotes, (q) => q.spot),
        strike: Float64Array.from(quotes, (q) => q.strike),
        expiry: Float64Array.from(quotes, (q) => q.expiry),
        rate: Float64Array.from(quotes, (q) => q.rate),
        dividendYield: Float64Array.from(quotes, (q) => q.dividendYield ?? 0),
        isCall: Uint8Array.from(quotes, (q) => (q.isCall ? 1 : 0)),
      },
      out,
    );
    quotes.forEach((quote, i) => {
      const scalar = impliedVolBsm(quote);
      expect(IMPLIED_VOL_STATUS[out.status[i]!]).toBe(scalar.ok ? 'ok' : scalar.reason);
      if (scalar.ok) {
        expect(out.vol[i]).toBe(scalar.vol);
        expect(out.iterations![i]).toBe(scalar.iterations);
      } else {
        expect(out.vol[i]).toBeNaN();
      }
    });
    expect(summary.solved + summary.failed).toBe(n);
    expect(summary.byStatus['below-intrinsic']).toBe(1);
    expect(summary.byStatus['above-upper-bound']).toBe(1);
    expect(summary.byStatus['zero-expiry']).toBe(1);
  });

  it('rejects a bad row naming the row and field', () => {
    const one = (value: number) => Float64Array.of(value);
    expect(() =>
      impliedVolColumns({ price: one(1), spot: one(100), strike: one(-5), expiry: one(1), rate: one(0), dividendYield: one(0), isCall: Uint8Array.of(1) }),
    ).toThrow('contagion/risk/pricing: implied-vol columns row 0: field "strike" must be a finite number > 0, got -5');
  });
});
