import { describe, expect, it } from 'vitest';
import { normalisedCall, normalisedOtmPrice } from '../../../src/risk/vol-surface/normalised-call.js';
import { sviDensityFactor, sviMinTotalVariance, sviTotalVariance, sviWingSlopes, validateSviParams, type SviParams } from '../../../src/risk/vol-surface/index.js';
import { black76, range, VOGT, VOGT_EXPIRY } from './helpers.js';

/**
 * Density of ln(S_T/F) at k by Breeden–Litzenberger: the second strike-derivative of undiscounted
 * Black-76 calls priced at the smile's vols, by central differences, is the density of S_T at K
 * (F = 1); times dK/dk = K it is the density of ln(S_T/F) at k. From prices, independently of the
 * g(k) formula under test.
 */
function densityFromPrices(p: SviParams, T: number, k: number, h = 1e-3): number {
  const F = 1;
  const call = (kk: number): number => black76('call', F, Math.exp(kk), T, Math.sqrt(sviTotalVariance(p, kk) / T));
  const [Km, K0, Kp] = [Math.exp(k - h), Math.exp(k), Math.exp(k + h)];
  const d2C = (2 * ((call(k + h) - call(k)) / (Kp - K0) - (call(k) - call(k - h)) / (K0 - Km))) / (Kp - Km);
  return d2C * K0;
}

/** Gatheral & Jacquier's density from g: g(k)/√(2πw)·exp(−d₋²/2), d₋ = −k/√w − √w/2. */
function densityFromG(p: SviParams, k: number): number {
  const w = sviTotalVariance(p, k);
  const dMinus = -k / Math.sqrt(w) - Math.sqrt(w) / 2;
  return (sviDensityFactor(p, k) / Math.sqrt(2 * Math.PI * w)) * Math.exp(-(dMinus * dMinus) / 2);
}

describe('normalised Black prices used by the butterfly check', () => {
  it('agree with the pricing module\'s Black-76 per unit forward', () => {
    for (const k of [-1.2, -0.3, 0, 0.25, 0.9]) {
      for (const w of [0.001, 0.04, 0.5]) {
        const call = black76('call', 100, 100 * Math.exp(k), 1, Math.sqrt(w)) / 100;
        const put = black76('put', 100, 100 * Math.exp(k), 1, Math.sqrt(w)) / 100;
        expect(normalisedCall(k, w)).toBeCloseTo(call, 14);
        expect(normalisedOtmPrice(k, w)).toBeCloseTo(k < 0 ? put : call, 14);
      }
    }
  });
});

describe('raw SVI', () => {
  const clean: SviParams = { a: 0.03, b: 0.18, rho: -0.4, m: 0.05, sigma: 0.2 };

  it('evaluates the raw parametrisation and its minimum', () => {
    // w(m) = a + bσ; the minimum a + bσ√(1−ρ²) at k = m − ρσ/√(1−ρ²).
    expect(sviTotalVariance(clean, 0.05)).toBeCloseTo(0.03 + 0.18 * 0.2, 15);
    const kStar = 0.05 + (0.4 * 0.2) / Math.sqrt(1 - 0.16);
    expect(sviTotalVariance(clean, kStar)).toBeCloseTo(sviMinTotalVariance(clean), 15);
    expect(sviWingSlopes(clean)).toEqual({ left: 0.18 * 1.4, right: 0.18 * 0.6 });
  });

  it('g(k) gives the Breeden–Litzenberger density of Black-76 prices', () => {
    for (const k of range(-1, 1, 9)) {
      expect(densityFromG(clean, k)).toBeCloseTo(densityFromPrices(clean, 1, k), 4); // O(h²) differencing error
    }
  });

  it('rejects parameters outside the raw SVI domain, naming the field', () => {
    expect(() => validateSviParams({ ...clean, b: -0.1 }, 'slice')).toThrow(/contagion\/risk\/vol-surface: slice\.b must be ≥ 0/);
    expect(() => validateSviParams({ ...clean, rho: 1.2 }, 'slice')).toThrow(/slice\.rho/);
    expect(() => validateSviParams({ ...clean, sigma: 0 }, 'slice')).toThrow(/slice\.sigma/);
    expect(() => validateSviParams({ ...clean, a: -0.1 }, 'slice')).toThrow(/slice\.a: minimum total variance/);
  });
});

describe("Gatheral & Jacquier (2014): Axel Vogt's arbitrageable SVI smile", () => {
  it('satisfies the parameter constraints and the slope bounds', () => {
    expect(() => validateSviParams(VOGT, 'vogt')).not.toThrow();
    expect(sviMinTotalVariance(VOGT)).toBeGreaterThan(0);
    const { left, right } = sviWingSlopes(VOGT);
    expect(Math.max(left, right)).toBeLessThan(2); // Lee's bound, and so b(1 + |ρ|) < 4 too
  });

  it('yet has g(k) < 0 on part of the smile, as the paper shows', () => {
    const ks = range(-1.5, 1.5, 3001);
    const negative = ks.filter((k) => sviDensityFactor(VOGT, k) < 0);
    expect(negative.length).toBeGreaterThan(0);
    // Where, computed here (not a number from the paper): one interval to the right of the money.
    const [from, to] = [negative[0]!, negative[negative.length - 1]!];
    expect(from).toBeGreaterThan(0.6);
    expect(to).toBeLessThan(1.3);
    expect(negative.length).toBe(Math.round((to - from) / 0.001) + 1); // one contiguous run
  });

  it('and the density read from Black-76 prices is negative there too', () => {
    let worst = 0;
    let at = 0;
    for (const k of range(0, 1.5, 301)) {
      const g = sviDensityFactor(VOGT, k);
      if (g < worst) [worst, at] = [g, k];
    }
    expect(worst).toBeLessThan(0);
    expect(densityFromPrices(VOGT, VOGT_EXPIRY, at)).toBeLessThan(0);
    expect(densityFromPrices(VOGT, VOGT_EXPIRY, at)).toBeCloseTo(densityFromG(VOGT, at), 5);
  });
});
