import { describe, expect, it } from 'vitest';
import { black76Price } from '../../../src/risk/pricing/index.js';
import { buildVolSurfaceFromMarks, quotesFromMarks, sviTotalVariance, type OptionMark } from '../../../src/risk/vol-surface/index.js';
import { range } from './helpers.js';

const params = { a: 0.03, b: 0.18, rho: -0.4, m: 0.05, sigma: 0.2 };
const forward = 2500;
const rate = 0.05;
const forwards = { kind: 'per-expiry', points: [{ expiryYears: 1, forward }] } as const;
// Out-of-the-money marks, discounted at 5%, priced at the SVI smile's vols.
const marks: OptionMark[] = range(-0.6, 0.6, 13).map((k) => {
  const strike = forward * Math.exp(k);
  const isCall = k >= 0;
  const price = black76Price({ forward, strike, expiry: 1, vol: Math.sqrt(sviTotalVariance(params, k)), rate, isCall });
  return { expiryYears: 1, strike, price, isCall };
});

describe('marks to vols through the Black-76 solver', () => {
  it('recovers the vols the marks were priced at', () => {
    const { quotes, warnings } = quotesFromMarks({ underlying: 'ETH', forwards, rate, marks });
    expect(warnings).toEqual([]);
    quotes.forEach((q) => expect(q.impliedVol).toBeCloseTo(Math.sqrt(sviTotalVariance(params, Math.log(q.strike / forward))), 10));
  });

  it('builds the surface, reporting marks that imply no vol', () => {
    const bad: OptionMark[] = [
      { expiryYears: 1, strike: 2000, price: 1, isCall: true }, // below the discounted intrinsic value
      { expiryYears: 1, strike: 2600, price: Number.NaN, isCall: true },
    ];
    const surface = buildVolSurfaceFromMarks({ underlying: 'ETH', forwards, rate, marks: [...marks, ...bad] });
    expect(surface.warnings.map((w) => [w.code, w.quote])).toEqual([
      ['implied-vol-failed', 13],
      ['non-finite-quote', 14],
    ]);
    expect(surface.warnings[0]!.message).toMatch(/^marks\[13\] \(ETH T=1 K=2000\) implies no vol: below-intrinsic, /);
    expect(surface.markIndex).toEqual(range(0, 12, 13));
    for (const m of marks) {
      expect(surface.vol(m.strike, 1)).toBeCloseTo(Math.sqrt(sviTotalVariance(params, Math.log(m.strike / forward))), 9);
    }
  });
});
