import { describe, expect, it } from 'vitest';
import { buildVolSurface, volSurfaceFromSmiles, type SviParams } from '../../../src/risk/vol-surface/index.js';
import { range, sviQuotes, VOGT, VOGT_EXPIRY } from './helpers.js';

const flat = { kind: 'cost-of-carry', spot: 100, rate: 0, yieldRate: 0 } as const;
const svi = (params: SviParams) => ({ kind: 'svi', params }) as const;

describe('a clean surface', () => {
  const slices = [
    { T: 0.1, p: { a: 0.002, b: 0.05, rho: -0.3, m: 0.01, sigma: 0.08 } },
    { T: 0.5, p: { a: 0.015, b: 0.12, rho: -0.35, m: 0.03, sigma: 0.15 } },
    { T: 1.0, p: { a: 0.03, b: 0.18, rho: -0.4, m: 0.05, sigma: 0.2 } },
  ];

  it('fitted from quotes yields no warnings', () => {
    const quotes = slices.flatMap(({ T, p }) => sviQuotes(p, T, 100, range(-0.6, 0.6, 13)));
    expect(buildVolSurface({ underlying: 'ETH', forwards: flat, quotes }).warnings).toEqual([]);
  });

  it('given by its SVI parameters yields no warnings', () => {
    const surface = volSurfaceFromSmiles({ underlying: 'ETH', forwards: flat, slices: slices.map(({ T, p }) => ({ expiryYears: T, smile: svi(p) })) });
    expect(surface.warnings).toEqual([]);
  });

  it('interpolated linearly yields none when each smile is flat (the only linear smile with flat wings that is free of butterflies)', () => {
    const strikes = [60, 80, 100, 120, 150];
    const quotes = [0.25, 0.5, 1].flatMap((T, j) => strikes.map((strike) => ({ expiryYears: T, strike, impliedVol: [0.8, 0.7, 0.65][j]! })));
    expect(buildVolSurface({ underlying: 'ETH', forwards: flat, quotes }, { smile: 'linear' }).warnings).toEqual([]);
  });
});

describe('calendar arbitrage', () => {
  // Crafted: the later slice is higher at the money but its wings are flatter, so total variance
  // falls from T=0.5 to T=1 where −0.3k + √(k² + 0.04) > 0.25, i.e. outside the roots of
  // 0.91k² − 0.15k − 0.0225 = 0.
  const early: SviParams = { a: 0.02, b: 0.2, rho: -0.3, m: 0, sigma: 0.2 };
  const late: SviParams = { a: 0.05, b: 0.08, rho: -0.3, m: 0, sigma: 0.2 };
  const disc = Math.sqrt(0.15 ** 2 + 4 * 0.91 * 0.0225);
  const [left, right] = [(0.15 - disc) / 1.82, (0.15 + disc) / 1.82];

  it('is found on the k-grid, one warning per interval, naming both expiries', () => {
    const surface = volSurfaceFromSmiles({
      underlying: 'BTC',
      forwards: flat,
      slices: [{ expiryYears: 1, smile: svi(late) }, { expiryYears: 0.5, smile: svi(early) }],
    });
    const calendar = surface.warnings.filter((w) => w.code === 'calendar-arbitrage');
    expect(calendar).toHaveLength(2);
    const step = 2 / 400; // grid [−1, 1], 401 points
    const [lo, hi] = calendar.map((w) => w.message.match(/k in \[(\S+), (\S+)\]/)!.slice(1).map(Number)) as [number[], number[]];
    expect(lo[0]).toBeCloseTo(-1, 12);
    expect(left - lo[1]!).toBeGreaterThanOrEqual(0);
    expect(left - lo[1]!).toBeLessThan(step);
    expect(hi[0]! - right).toBeGreaterThanOrEqual(0);
    expect(hi[0]! - right).toBeLessThan(step);
    for (const w of calendar) {
      expect(w.expiryYears).toBe(1);
      expect(w.message).toMatch(/^BTC: total variance falls from T=0.5 to T=1 for k in/);
      expect(w.strike).toBeCloseTo(100 * Math.exp(w.logMoneyness!), 10);
    }
  });

  it('is found between linearly interpolated slices too', () => {
    const quotes = [
      ...[80, 100, 120].map((strike) => ({ expiryYears: 0.25, strike, impliedVol: 0.8 })),
      ...[80, 100, 120].map((strike) => ({ expiryYears: 0.5, strike, impliedVol: 0.5 })),
    ];
    const [warning, ...rest] = buildVolSurface({ underlying: 'ETH', forwards: flat, quotes }, { smile: 'linear' }).warnings;
    expect(rest).toEqual([]);
    expect(warning!.code).toBe('calendar-arbitrage');
    expect(warning!.message).toContain(`worst at k=`);
    expect(warning!.message).toContain(`by ${Number((0.64 * 0.25 - 0.25 * 0.5).toPrecision(6))}`);
  });
});

describe('butterfly arbitrage', () => {
  it("is found in Axel Vogt's SVI smile (Gatheral & Jacquier 2014), right of the money", () => {
    const surface = volSurfaceFromSmiles({
      underlying: 'VOGT',
      forwards: { kind: 'per-expiry', points: [{ expiryYears: VOGT_EXPIRY, forward: 100 }] },
      slices: [{ expiryYears: VOGT_EXPIRY, smile: svi(VOGT) }],
    });
    expect(surface.warnings).toHaveLength(1);
    const [w] = surface.warnings;
    expect(w!.code).toBe('butterfly-arbitrage');
    expect(w!.expiryYears).toBe(1);
    expect(w!.logMoneyness).toBeGreaterThan(0.6);
    expect(w!.logMoneyness).toBeLessThan(1.3);
    expect(w!.strike).toBeCloseTo(100 * Math.exp(w!.logMoneyness!), 10);
    expect(w!.message).toMatch(/^VOGT T=1 K=\S+: SVI density factor g\(k\) is negative for k in \[0\.6\d*, /);
  });

  it('is found at a spike in a linearly interpolated smile', () => {
    const strikes = [60, 70, 80, 90, 100, 110, 120, 135, 150];
    const vols = [0.9, 0.86, 0.8, 0.72, 0.68, 0.7, 0.74, 0.8, 0.87];
    const near90 = (vs: number[]) =>
      buildVolSurface({ underlying: 'ETH', forwards: flat, quotes: strikes.map((strike, i) => ({ expiryYears: 0.25, strike, impliedVol: vs[i]! })) }, { smile: 'linear' })
        .warnings.filter((w) => w.code === 'butterfly-arbitrage' && Math.abs(w.strike! - 90) < 1);
    expect(near90(vols)).toEqual([]);
    const spiked = near90(vols.map((v, i) => (strikes[i] === 90 ? 0.9 : v))); // K = 90 quoted far above its neighbours
    expect(spiked).toHaveLength(1);
    expect(spiked[0]!.message).toMatch(/^ETH T=0\.25 K=\S+: call-price convexity .* is negative for k in .*negative probability mass -0\.\d+\): butterfly arbitrage$/);
  });

  it('is reported where flat-vol wings meet a sloped quoted wing (a known property of flat extrapolation)', () => {
    const p: SviParams = { a: 0.03, b: 0.18, rho: -0.4, m: 0.05, sigma: 0.2 };
    const quotes = sviQuotes(p, 1, 100, range(-0.6, 0.6, 13));
    // A fine grid: the reported mass also counts the smooth density over one grid cell, an O(step) error.
    const warnings = buildVolSurface({ underlying: 'ETH', forwards: flat, quotes }, { smile: 'linear', check: { points: 4001 } }).warnings;
    expect(warnings.map((w) => w.code)).toEqual(['butterfly-arbitrage', 'butterfly-arbitrage']);
    expect(warnings.map((w) => w.logMoneyness)).toEqual([expect.closeTo(-0.6, 2), expect.closeTo(0.6, 2)]);
    // The negative mass is that of the kink: Black vega in w (∂c/∂w = φ(d₁)/(2√w)) times the jump
    // in dw/dx = w′(k)/x at the outermost strike, w′ the slope of the outermost quoted segment.
    const wAt = (k: number): number => p.a + p.b * (p.rho * (k - p.m) + Math.hypot(k - p.m, p.sigma));
    const kinkMass = (k: number, inner: number): number => {
      const w = wAt(k);
      const slope = (wAt(k) - wAt(inner)) / (k - inner);
      const d1 = -k / Math.sqrt(w) + Math.sqrt(w) / 2;
      return -((Math.exp((-d1 * d1) / 2) / Math.sqrt(2 * Math.PI) / (2 * Math.sqrt(w))) * Math.abs(slope)) / Math.exp(k);
    };
    warnings.forEach((w, i) => {
      const reported = Number(w.message.match(/negative probability mass (\S+)\)/)![1]);
      expect(Math.abs(reported / (i === 0 ? kinkMass(-0.6, -0.5) : kinkMass(0.6, 0.5)) - 1)).toBeLessThan(0.02);
    });
  });

  it('reports SVI wings steeper than Lee\'s bound', () => {
    const steep: SviParams = { a: 0.01, b: 1.5, rho: 0.5, m: 0, sigma: 0.1 };
    const surface = volSurfaceFromSmiles({ underlying: 'X', forwards: flat, slices: [{ expiryYears: 1, smile: svi(steep) }] });
    expect(surface.warnings.filter((w) => w.code === 'svi-wing-slope').map((w) => w.message)).toEqual([
      'X T=1: SVI right wing slope of total variance is 2.25 > 2, beyond Lee\'s moment bound',
    ]);
  });
});
