/**
 * Weighted least-squares fit of one raw SVI slice (Gatheral 2004) to quotes in total variance, by
 * the quasi-explicit method of De Marco & Martini (2009, Zeliade Systems, "Quasi-explicit
 * calibration of Gatheral's SVI model"): the three linear parameters (a, ρ, b) are solved exactly
 * for each (m, σ) by `fitSviLinear`, and the two nonlinear ones are searched by a bounded
 * Nelder–Mead started from a grid of points, the best result kept.
 *
 * Bounds: m within the quoted log-moneyness range widened by half its width on each side;
 * σ in [sigmaMin, sigmaMax]. Objective Σ weightᵢ·(w(kᵢ) − wᵢ)², weights rescaled to mean 1.
 */
import { VolSurfaceError } from './errors.js';
import { nelderMead } from './nelder-mead.js';
import { fitSviLinear, type LinearFitInput } from './svi-linear-fit.js';
import type { SviParams } from './vol-surface-types.js';

export interface FitSviOptions {
  sigmaMin: number;
  sigmaMax: number;
  /** Starting points per nonlinear parameter; the Nelder–Mead runs from each pair of them. */
  startsPerAxis: number;
  xTolerance: number;
  maxIterations: number;
}

export const DEFAULTS: FitSviOptions = { sigmaMin: 0.005, sigmaMax: 2, startsPerAxis: 3, xTolerance: 1e-10, maxIterations: 2000 };

export interface FitSviInput {
  k: ArrayLike<number>;
  totalVariance: ArrayLike<number>;
  /** Default: equal weights. */
  weight?: ArrayLike<number>;
}

export interface SviFit {
  params: SviParams;
  /** Root-mean-square total-variance error, weighted. */
  rmseTotalVariance: number;
  /** Whether the run that found the best point met its tolerance. */
  converged: boolean;
}

export function fitSvi(input: FitSviInput, options: Partial<FitSviOptions> = {}): SviFit {
  const settings: FitSviOptions = { ...DEFAULTS, ...options };
  const n = input.k.length;
  if (input.totalVariance.length !== n || (input.weight !== undefined && input.weight.length !== n)) {
    throw new VolSurfaceError(`fitSvi: k, totalVariance and weight must have one entry per quote (${n})`);
  }
  const k = Float64Array.from(input.k);
  const distinct = new Set(k).size;
  if (distinct < 5) throw new VolSurfaceError(`fitSvi: input.k has ${distinct} distinct values, raw SVI needs at least 5`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(k[i]!)) throw new VolSurfaceError(`fitSvi: input.k[${i}] must be finite, got ${k[i]}`);
    const w = input.totalVariance[i]!;
    if (!(w >= 0 && Number.isFinite(w))) throw new VolSurfaceError(`fitSvi: input.totalVariance[${i}] must be finite and ≥ 0, got ${w}`);
  }
  const raw = Float64Array.from(input.weight ?? new Float64Array(n).fill(1));
  const sum = raw.reduce((s, x) => s + x, 0);
  if (!(sum > 0) || raw.some((x) => !(x >= 0 && Number.isFinite(x)))) {
    throw new VolSurfaceError('fitSvi: input.weight must be finite, ≥ 0 and not all 0');
  }
  const data: LinearFitInput = { k, totalVariance: Float64Array.from(input.totalVariance), weight: raw.map((x) => (x * n) / sum) };

  const { sigmaMin, sigmaMax, startsPerAxis, xTolerance, maxIterations } = settings;
  if (!(sigmaMin > 0 && sigmaMax > sigmaMin)) throw new VolSurfaceError(`fitSvi: options need 0 < sigmaMin < sigmaMax, got ${sigmaMin}, ${sigmaMax}`);
  let kMin = Infinity;
  let kMax = -Infinity;
  for (const x of k) [kMin, kMax] = [Math.min(kMin, x), Math.max(kMax, x)];
  const span = kMax - kMin;
  const lower = [kMin - span / 2, sigmaMin];
  const upper = [kMax + span / 2, sigmaMax];
  const objective = (x: Float64Array): number => fitSviLinear(data, x[0]!, x[1]!).sse;

  let best: { x: Float64Array; f: number; converged: boolean } | null = null;
  for (let i = 0; i < startsPerAxis; i++) {
    for (let j = 0; j < startsPerAxis; j++) {
      const t = (i + 1) / (startsPerAxis + 1);
      const s = (j + 1) / (startsPerAxis + 1);
      const start = [kMin + t * span, sigmaMin * Math.pow(sigmaMax / sigmaMin, s)];
      const run = nelderMead(objective, start, lower, upper, { xTolerance, maxIterations, fTolerance: 1e-20 * n });
      if (best === null || run.f < best.f) best = run;
    }
  }
  if (best === null) throw new VolSurfaceError(`fitSvi: options.startsPerAxis must be a whole number ≥ 1, got ${startsPerAxis}`);
  const [m, sigma] = [best.x[0]!, best.x[1]!];
  const { a, d, c, sse } = fitSviLinear(data, m, sigma);
  const b = c / sigma;
  const rho = c > 0 ? d / c : 0;
  return { params: { a, b, rho, m, sigma }, rmseTotalVariance: Math.sqrt(sse / n), converged: best.converged };
}
