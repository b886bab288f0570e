import { describe, expect, it } from 'vitest';
import { normCdf, normPdf } from '../../../src/risk/pricing/index.js';
import { seededRandom, uniform } from './seeded-random.js';

/** Relative error, with exact zero expected only from exact zero. */
const relErr = (got: number, want: number): number => (want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want));

describe('normCdf / normPdf (Cody 1969)', () => {
  it('matches the values quoted in the brief', () => {
    expect(relErr(normCdf(-1), 0.15865525393145707)).toBeLessThan(1e-15);
    expect(relErr(normCdf(-8), 6.22096057427178e-16)).toBeLessThan(1e-14); // quoted to 15 digits
    expect(relErr(normCdf(1.96), 0.9750021048517795)).toBeLessThan(1e-15);
  });

  // [x, Φ(x), φ(x)] from mpmath 1.3.0 at 50 significant digits, rounded to the nearest double:
  //   python3 -c "import mpmath; mpmath.mp.dps=50; print(repr(float(mpmath.ncdf(x))), repr(float(mpmath.npdf(x))))"
  // (an independent arbitrary-precision evaluation, not a value of this code).
  const MPMATH: [number, number, number][] = [
    [-37.5, 4.605353009581955e-308, 1.7282337322841054e-306],
    [-30, 4.906713927148187e-198, 1.4736461348785476e-196],
    [-20, 2.7536241186062337e-89, 5.520948362159764e-88],
    [-12, 1.776482112077679e-33, 2.1463837356630605e-32],
    [-10, 7.619853024160525e-24, 7.694598626706419e-23],
    [-8, 6.220960574271784e-16, 5.052271083536892e-15],
    [-6, 9.86587645037698e-10, 6.075882849823285e-9],
    [-5, 2.866515718791939e-7, 1.4867195147342977e-6],
    [-4, 3.1671241833119924e-5, 0.00013383022576488534],
    [-3, 0.0013498980316300946, 0.0044318484119380075],
    [-2.5, 0.006209665325776135, 0.017528300493568537],
    [-2, 0.02275013194817921, 0.05399096651318805],
    [-1.5, 0.06680720126885807, 0.12951759566589172],
    [-1, 0.15865525393145705, 0.24197072451914334],
    [-0.7, 0.24196365222307303, 0.31225393336676127],
    [-0.5, 0.3085375387259869, 0.35206532676429947],
    [-0.25, 0.4012936743170763, 0.3866681168028492],
    [0, 0.5, 0.3989422804014327],
    [0.25, 0.5987063256829237, 0.3866681168028492],
    [0.5, 0.6914624612740131, 0.35206532676429947],
    [0.7, 0.758036347776927, 0.31225393336676127],
    [1, 0.8413447460685429, 0.24197072451914334],
    [1.5, 0.9331927987311419, 0.12951759566589172],
    [1.96, 0.9750021048517795, 0.05844094433345146],
    [2, 0.9772498680518208, 0.05399096651318805],
    [3, 0.9986501019683699, 0.0044318484119380075],
    [4, 0.9999683287581669, 0.00013383022576488534],
    [5, 0.9999997133484281, 1.4867195147342977e-6],
    [6, 0.9999999990134123, 6.075882849823285e-9],
    [8, 0.9999999999999993, 5.052271083536892e-15],
  ];

  it('is within 2e-15 relative of mpmath from x = −37.5 (Φ ≈ 5e-308) to x = 8', () => {
    for (const [x, cdf, pdf] of MPMATH) {
      expect(relErr(normCdf(x), cdf), `Φ(${x})`).toBeLessThan(2e-15);
      expect(relErr(normPdf(x), pdf), `φ(${x})`).toBeLessThan(2e-15);
    }
  });

  it('is symmetric, Φ(x) + Φ(−x) = 1, and monotone on a fine grid', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 2000; i++) {
      const x = uniform(random, -9, 9);
      expect(Math.abs(normCdf(x) + normCdf(-x) - 1)).toBeLessThanOrEqual(2.3e-16);
      expect(normPdf(x)).toBe(normPdf(-x));
    }
    let previous = 0;
    for (let x = -38; x <= 9; x += 1 / 64) {
      const value = normCdf(x);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it('handles the ends of the line and NaN', () => {
    expect(normCdf(-Infinity)).toBe(0);
    expect(normCdf(Infinity)).toBe(1);
    expect(normCdf(-40)).toBe(0);
    expect(normCdf(40)).toBe(1);
    expect(normPdf(Infinity)).toBe(0);
    expect(normPdf(-40)).toBe(0);
    expect(normCdf(NaN)).toBeNaN();
    expect(normPdf(NaN)).toBeNaN();
  });
});
