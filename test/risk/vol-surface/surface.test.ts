import { describe, expect, it } from 'vitest';
import { buildVolSurface, type VolQuote, type VolSurfaceInput } from '../../../src/risk/vol-surface/index.js';
import { range, seededRandom, sviQuotes } from './helpers.js';

// A hand-written ETH book: two expiries, futures-style forwards, spot 2990.
const strikes = [2000, 2500, 2800, 3000, 3200, 3600, 4500];
const vols1 = [0.95, 0.78, 0.7, 0.66, 0.65, 0.68, 0.8];
const vols2 = [0.88, 0.76, 0.7, 0.67, 0.665, 0.68, 0.76];
const book: VolSurfaceInput = {
  underlying: 'ETH',
  forwards: { kind: 'per-expiry', spot: 2990, points: [{ expiryYears: 0.1, forward: 3000 }, { expiryYears: 0.5, forward: 3050 }] },
  quotes: [
    ...strikes.map((strike, i) => ({ expiryYears: 0.1, strike, impliedVol: vols1[i]! })),
    ...strikes.map((strike, i) => ({ expiryYears: 0.5, strike, impliedVol: vols2[i]! })),
  ],
};
const linear = buildVolSurface(book, { smile: 'linear' });

describe('linear smiles in total variance', () => {
  it('returns the quoted vol at every quoted point', () => {
    strikes.forEach((K, i) => {
      expect(linear.vol(K, 0.1)).toBeCloseTo(vols1[i]!, 14);
      expect(linear.vol(K, 0.5)).toBeCloseTo(vols2[i]!, 14);
    });
  });

  it('is linear in total variance between quoted strikes', () => {
    const [k1, k2] = [Math.log(2800 / 3000), Math.log(3000 / 3000)];
    const mid = (k1 + k2) / 2;
    expect(linear.totalVariance(mid, 0.1)).toBeCloseTo(((0.7 ** 2 + 0.66 ** 2) / 2) * 0.1, 15);
  });

  it('holds the implied vol flat in strike beyond the outermost quotes', () => {
    for (const K of [100, 1000, 1999.99]) expect(linear.vol(K, 0.1)).toBeCloseTo(0.95, 14);
    for (const K of [4500.01, 6000, 1e6]) expect(linear.vol(K, 0.5)).toBeCloseTo(0.76, 14);
  });

  it('interpolates total variance linearly in T at fixed log-moneyness', () => {
    for (const k of [-0.3, 0, 0.2]) {
      const w = (linear.totalVariance(k, 0.1) + linear.totalVariance(k, 0.5)) / 2;
      expect(linear.totalVariance(k, 0.3)).toBeCloseTo(w, 15);
    }
  });

  it('holds the implied vol flat in T, at fixed log-moneyness, before the first and after the last expiry', () => {
    for (const k of [-0.5, 0, 0.3]) {
      for (const T of [0.001, 0.05]) expect(linear.volAtLogMoneyness(k, T)).toBeCloseTo(linear.volAtLogMoneyness(k, 0.1), 14);
      for (const T of [0.75, 3]) expect(linear.volAtLogMoneyness(k, T)).toBeCloseTo(linear.volAtLogMoneyness(k, 0.5), 14);
      // the same through strikes, moneyness taken against each expiry's forward
      expect(linear.vol(linear.forward(2) * Math.exp(k), 2)).toBeCloseTo(linear.vol(linear.forward(0.5) * Math.exp(k), 0.5), 14);
    }
  });

  it('interpolates ln F linearly in T between the spot and the forwards', () => {
    expect(linear.forward(0.1)).toBeCloseTo(3000, 10);
    expect(linear.forward(0.3)).toBeCloseTo(Math.sqrt(3000 * 3050), 10);
    expect(linear.forward(0.05)).toBeCloseTo(Math.sqrt(2990 * 3000), 10);
  });
});

describe('SVI smiles', () => {
  const p1 = { a: 0.03, b: 0.18, rho: -0.4, m: 0.05, sigma: 0.2 };
  const p2 = { a: 0.06, b: 0.2, rho: -0.35, m: 0.05, sigma: 0.25 };
  const quotes = [...sviQuotes(p1, 0.5, 100, range(-0.6, 0.6, 13)), ...sviQuotes(p2, 1, 101, range(-0.8, 0.8, 17))];
  const surface = buildVolSurface({ underlying: 'BTC', forwards: { kind: 'per-expiry', points: [{ expiryYears: 0.5, forward: 100 }, { expiryYears: 1, forward: 101 }] }, quotes });

  it('reproduces the quotes it was fitted to', () => {
    for (const q of quotes) expect(surface.vol(q.strike, q.expiryYears)).toBeCloseTo(q.impliedVol, 9);
    expect(surface.slices.map((s) => s.smile.kind)).toEqual(['svi', 'svi']);
    for (const s of surface.slices) expect(s.rmseVol).toBeLessThan(1e-10);
  });

  it('vectorised volInto equals the scalar vol bit for bit', () => {
    const random = seededRandom(7);
    const n = 1000;
    const strike = Float64Array.from({ length: n }, () => 40 + 150 * random());
    const years = Float64Array.from({ length: n }, () => 0.01 + 2 * random());
    for (const s of [surface, linear]) {
      const K = s === linear ? strike.map((x) => x * 30) : strike;
      const out = s.volInto(K, years, new Float64Array(n));
      for (let i = 0; i < n; i++) expect(out[i]).toBe(s.vol(K[i]!, years[i]!));
    }
  });
});

describe('sanity of quotes and input', () => {
  const good = sviQuotes({ a: 0.03, b: 0.18, rho: -0.4, m: 0.05, sigma: 0.2 }, 1, 100, range(-0.5, 0.5, 11));
  const bad: VolQuote[] = [
    { expiryYears: 1, strike: 90, impliedVol: 0 },
    { expiryYears: 1, strike: 91, impliedVol: 12 },
    { expiryYears: 1, strike: 92, impliedVol: Number.NaN },
    { expiryYears: 0, strike: 100, impliedVol: 0.5 },
    { expiryYears: 1, strike: -5, impliedVol: 0.5 },
    { ...good[5]!, impliedVol: good[5]!.impliedVol + 0.02 },
  ];
  const forwards = { kind: 'cost-of-carry', spot: 100, rate: 0, yieldRate: 0 } as const;
  const surface = buildVolSurface({ underlying: 'SOL', forwards, quotes: [...good, ...bad] });

  it('drops bad quotes with a warning naming the quote, expiry and strike', () => {
    const byCode = surface.warnings.map((w) => [w.code, w.quote]);
    expect(byCode).toEqual([
      ['vol-out-of-range', 11],
      ['vol-out-of-range', 12],
      ['non-finite-quote', 13],
      ['non-positive-expiry', 14],
      ['non-positive-strike', 15],
      ['duplicate-quote', 16],
    ]);
    expect(surface.warnings[1]!.message).toBe('quotes[12].impliedVol is 12, outside (0, 10] (SOL T=1 K=91): quote dropped');
    expect(surface.warnings[5]!.message).toMatch(/^quotes\[16\] repeats quotes\[5\] \(SOL T=1 K=100\)/);
  });

  it('averages duplicated strikes in total variance', () => {
    const v = good[5]!.impliedVol;
    expect(surface.slices[0]!.quoted!.totalVariance[5]).toBeCloseTo((v * v + (v + 0.02) ** 2) / 2, 15);
  });

  it('falls back to linear with a warning when a slice has too few strikes for SVI', () => {
    const thin = buildVolSurface({ underlying: 'SOL', forwards, quotes: good.slice(0, 4) });
    expect(thin.slices[0]!.smile.kind).toBe('linear');
    expect(thin.warnings[0]!.code).toBe('too-few-quotes-for-svi');
  });

  it('throws on structural errors, naming the record and field', () => {
    const perExpiry = { kind: 'per-expiry', points: [{ expiryYears: 0.5, forward: 100 }] } as const;
    expect(() => buildVolSurface({ underlying: 'SOL', forwards: perExpiry, quotes: good })).toThrow(
      'contagion/risk/vol-surface: SOL forwards.points has no forward for the quoted expiryYears 1',
    );
    expect(() => buildVolSurface({ underlying: 'SOL', forwards, quotes: [{ ...good[0]!, weight: -1 }] })).toThrow(/SOL quotes\[0\]\.weight/);
    expect(() => buildVolSurface({ underlying: 'SOL', forwards: { ...forwards, spot: 0 }, quotes: good })).toThrow(/SOL forwards\.spot/);
    expect(() => buildVolSurface({ underlying: 'SOL', forwards, quotes: bad.slice(0, 3) })).toThrow(/SOL quotes: none usable out of 3/);
    expect(() => surface.vol(100, 0)).toThrow(/SOL surface: expiryYears must be a finite number > 0, got 0/);
    expect(() => surface.volInto(new Float64Array([100, 100]), new Float64Array([1, -1]), new Float64Array(2))).toThrow(/years\[1\]/);
  });
});
