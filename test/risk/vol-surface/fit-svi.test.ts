import { describe, expect, it } from 'vitest';
import { fitSvi, nelderMead, sviTotalVariance, type SviParams } from '../../../src/risk/vol-surface/index.js';
import { range, seededRandom } from './helpers.js';

const cases: { name: string; params: SviParams; years: number; ks: number[] }[] = [
  { name: 'equity-like skew, 1y', params: { a: 0.03, b: 0.18, rho: -0.4, m: 0.05, sigma: 0.2 }, years: 1, ks: range(-0.8, 0.6, 15) },
  { name: 'crypto weekly, call skew', params: { a: 0.004, b: 0.08, rho: 0.25, m: -0.02, sigma: 0.05 }, years: 7 / 365, ks: range(-0.3, 0.3, 13) },
  { name: 'negative a (inside the relaxed domain)', params: { a: -0.01, b: 0.2, rho: -0.2, m: 0.1, sigma: 0.3 }, years: 0.5, ks: range(-1, 1, 21) },
  { name: 'uneven strikes', params: { a: 0.01, b: 0.1, rho: -0.6, m: -0.05, sigma: 0.1 }, years: 0.25, ks: [-0.9, -0.5, -0.3, -0.2, -0.12, -0.05, 0, 0.03, 0.1, 0.4] },
];

describe('fitSvi (quasi-explicit, De Marco & Martini 2009)', () => {
  for (const { name, params, years, ks } of cases) {
    it(`recovers known parameters from noise-free quotes: ${name}`, () => {
      const totalVariance = ks.map((k) => sviTotalVariance(params, k));
      const fit = fitSvi({ k: ks, totalVariance });
      expect(fit.converged).toBe(true);
      for (const field of ['a', 'b', 'rho', 'm', 'sigma'] as const) expect(fit.params[field]).toBeCloseTo(params[field], 7);
      for (const k of ks) {
        const vol = Math.sqrt(sviTotalVariance(fit.params, k) / years);
        expect(vol).toBeCloseTo(Math.sqrt(sviTotalVariance(params, k) / years), 9);
      }
      expect(fit.rmseTotalVariance).toBeLessThan(1e-10);
    });
  }

  it('recovers them with uneven weights too', () => {
    const { params, ks } = cases[0]!;
    const weight = ks.map((_, i) => 1 + (i % 4));
    const fit = fitSvi({ k: ks, totalVariance: ks.map((k) => sviTotalVariance(params, k)), weight });
    for (const field of ['a', 'b', 'rho', 'm', 'sigma'] as const) expect(fit.params[field]).toBeCloseTo(params[field], 7);
  });

  it('fits seeded noisy quotes to within the noise', () => {
    const { params, years, ks } = cases[0]!;
    const random = seededRandom(20240611);
    const noise = 0.003; // vol points, uniform in ±noise
    const vols = ks.map((k) => Math.sqrt(sviTotalVariance(params, k) / years) + noise * (2 * random() - 1));
    const fit = fitSvi({ k: ks, totalVariance: vols.map((v) => v * v * years) });
    const rmse = Math.sqrt(ks.reduce((s, k, i) => s + (Math.sqrt(sviTotalVariance(fit.params, k) / years) - vols[i]!) ** 2, 0) / ks.length);
    expect(fit.converged).toBe(true);
    expect(rmse).toBeLessThan(noise);
    expect(Math.abs(fit.params.rho - params.rho)).toBeLessThan(0.1);
  });

  it('needs five distinct strikes, and says which input is wrong', () => {
    expect(() => fitSvi({ k: [-0.1, 0, 0.1, 0.1], totalVariance: [0.05, 0.04, 0.05, 0.05] })).toThrow(
      /contagion\/risk\/vol-surface: fitSvi: input\.k has 3 distinct values/,
    );
    expect(() => fitSvi({ k: range(-0.2, 0.2, 5), totalVariance: [0.05, 0.04, Number.NaN, 0.04, 0.05] })).toThrow(/input\.totalVariance\[2\]/);
  });
});

describe('nelderMead', () => {
  it('minimises the Rosenbrock function inside a box', () => {
    const rosenbrock = (x: Float64Array): number => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const run = nelderMead(rosenbrock, [-1.2, 1], [-2, -2], [2, 2], { maxIterations: 5000 });
    expect(run.converged).toBe(true);
    expect(run.x[0]).toBeCloseTo(1, 6);
    expect(run.x[1]).toBeCloseTo(1, 6);
  });

  it('stops on the bound when the minimum lies beyond it', () => {
    const run = nelderMead((x) => (x[0]! - 3) ** 2 + (x[1]! + 1) ** 2, [0, 0], [-2, -2], [2, 2]);
    expect(run.x[0]).toBeCloseTo(2, 8);
    expect(run.x[1]).toBeCloseTo(-1, 8);
  });
});
