/**
 * GARCH(1,1) fitted by maximum likelihood (Bollerslev 1986; likelihood in garch-likelihood.ts) to
 * a return series, under ω > 0, α ≥ 0, β ≥ 0, α + β < 1, by Nelder–Mead (nelder-mead.ts) on an
 * unconstrained reparametrisation that keeps every trial point admissible:
 *
 *   ω = v̂ · e^{θ₀},   p = α + β = pMax · logistic(θ₁),   α = p · logistic(θ₂),   β = p − α,
 *
 * with v̂ the sample variance (so θ₀ is scale-free) and pMax < 1. Several starting points (typical
 * daily (α, β) pairs) are tried and the best is polished by restarting the simplex from it until
 * the likelihood stops improving (restarts are the usual cure for Nelder–Mead's premature
 * collapse). Reports the parameters, the log-likelihood, convergence and warnings.
 */
import { nelderMead, type NelderMeadOptions } from './nelder-mead.js';
import { VolatilityError } from './errors.js';
import { garchLogLikelihood, garchNextVariance } from './garch-likelihood.js';
import { meanAndVariance } from './log-returns.js';
import { resolveOptions } from '../margin/index.js';

export interface GarchFitOptions {
  /** Subtract the sample mean first (true), or model the returns as zero-mean. */
  demean?: boolean;
  /** Upper bound on α + β (strictly < 1). */
  maxPersistence?: number;
  /** (α, β) starting points. */
  starts?: readonly (readonly [number, number])[];
  /** Polishing restarts from the best point at most. */
  maxRestarts?: number;
  optimizer?: NelderMeadOptions;
}

export const GARCH_DEFAULTS = {
  demean: true,
  maxPersistence: 0.9999,
  starts: [[0.05, 0.9], [0.1, 0.8], [0.2, 0.7], [0.03, 0.95], [0.15, 0.5]] as readonly (readonly [number, number])[],
  maxRestarts: 5,
  optimizer: { step: 0.5, fTolerance: 1e-12, xTolerance: 1e-7, maxIterations: 4000 } as Required<NelderMeadOptions>,
};

export interface GarchFit {
  model: 'garch';
  omega: number;
  alpha: number;
  beta: number;
  /** α + β. */
  persistence: number;
  /** ω / (1 − α − β). */
  longRunVariance: number;
  mean: number;
  logLikelihood: number;
  /** σ²_t of each return given the ones before it. */
  conditionalVariance: Float64Array;
  /** σ²_{n}: forecast for the period after the last return. */
  nextVariance: number;
  convergence: { converged: boolean; iterations: number; evaluations: number; restarts: number };
  warnings: string[];
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

export function fitGarch(returns: Float64Array, options: GarchFitOptions = {}): GarchFit {
  const o = { ...resolveOptions<Required<GarchFitOptions>>(GARCH_DEFAULTS, options), optimizer: resolveOptions<Required<NelderMeadOptions>>(GARCH_DEFAULTS.optimizer, options.optimizer) };
  if (returns.length < 20) throw new VolatilityError(`returns: GARCH needs at least 20 returns, got ${returns.length}`);
  if (!(o.maxPersistence > 0 && o.maxPersistence < 1)) throw new VolatilityError(`options: maxPersistence must be in (0, 1), got ${o.maxPersistence}`);
  returns.forEach((r, t) => {
    if (!Number.isFinite(r)) throw new VolatilityError(`return ${t}: must be finite, got ${r}`);
  });
  const { mean: sampleMean, variance } = meanAndVariance(returns);
  if (!(variance > 0)) throw new VolatilityError('returns: zero variance, nothing to fit');
  const mean = o.demean ? sampleMean : 0;
  const e = Float64Array.from(returns, (r) => r - mean);
  const v0 = o.demean ? variance : e.reduce((s, x) => s + x * x, 0) / e.length;
  const decode = (theta: Float64Array) => {
    const omega = v0 * Math.exp(theta[0]!);
    const p = o.maxPersistence * logistic(theta[1]!);
    const alpha = p * logistic(theta[2]!);
    return { omega, alpha, beta: p - alpha };
  };
  const objective = (theta: Float64Array) => {
    const { omega, alpha, beta } = decode(theta);
    return -garchLogLikelihood(e, omega, alpha, beta, v0) / e.length;
  };
  const encode = (alpha: number, beta: number) =>
    Float64Array.of(Math.log(1 - alpha - beta), logit((alpha + beta) / o.maxPersistence), logit(alpha / (alpha + beta)));
  let iterations = 0;
  let evaluations = 0;
  let best: { x: Float64Array; value: number; converged: boolean } = { x: encode(...o.starts[0]!), value: Infinity, converged: false };
  for (const [alpha, beta] of o.starts) {
    const run = nelderMead(objective, encode(alpha, beta), o.optimizer);
    iterations += run.iterations;
    evaluations += run.evaluations;
    if (run.value < best.value) best = run;
  }
  let restarts = 0;
  while (restarts < o.maxRestarts) {
    const run = nelderMead(objective, best.x, { ...o.optimizer, step: 0.1 });
    restarts++;
    iterations += run.iterations;
    evaluations += run.evaluations;
    const improved = best.value - run.value > o.optimizer.fTolerance!;
    if (run.value <= best.value) best = run;
    if (!improved) break;
  }
  const { omega, alpha, beta } = decode(best.x);
  const conditionalVariance = new Float64Array(e.length);
  const logLikelihood = garchLogLikelihood(e, omega, alpha, beta, v0, conditionalVariance);
  const warnings: string[] = [];
  if (!best.converged) warnings.push(`contagion/risk/volatility/garch: Nelder–Mead stopped after ${o.optimizer.maxIterations} iterations without meeting its tolerances`);
  if (alpha + beta > 0.999) warnings.push(`contagion/risk/volatility/garch: persistence α + β = ${(alpha + beta).toFixed(5)} is near 1 (integrated GARCH): forecasts revert to the long-run variance very slowly`);
  if (e.length < 250) warnings.push(`contagion/risk/volatility/garch: only ${e.length} returns; GARCH estimates are imprecise below about a year of daily data`);
  return {
    model: 'garch',
    omega,
    alpha,
    beta,
    persistence: alpha + beta,
    longRunVariance: omega / (1 - alpha - beta),
    mean,
    logLikelihood,
    conditionalVariance,
    nextVariance: garchNextVariance(e, omega, alpha, beta, v0),
    convergence: { converged: best.converged, iterations, evaluations, restarts },
    warnings,
  };
}
