/**
 * Exponentially weighted moving-average variance, the RiskMetrics estimator (RiskMetrics —
 * Technical Document, 4th ed., J.P. Morgan/Reuters, December 1996, ch. 5: §5.2, the EWMA
 * forecast σ²_{t+1|t} = λ σ²_{t|t−1} + (1 − λ) r_t² with zero mean; §5.3, the choice of decay
 * factor, one λ = 0.94 for all daily series):
 *
 *   σ²_0 = initial variance,   σ²_t = λ σ²_{t−1} + (1 − λ) r²_{t−1}   (t = 1 … n)
 *
 * `variance[t]` is the forecast of r_t's variance made with returns before t; `nextVariance` is
 * σ²_n, the forecast for the period after the last return. Over h periods RiskMetrics scales by h
 * (square-root-of-time for vol). The initial variance defaults to the mean of squared returns
 * of the whole series (its weight after n steps is λⁿ: 0.94¹⁰⁰ ≈ 0.2%).
 */
import { VolatilityError } from './errors.js';

export interface EwmaOptions {
  /** Decay factor λ ∈ (0, 1). */
  lambda?: number;
  /** σ²_0; `mean-square` = mean of r_t² over the series. */
  initialVariance?: number | 'mean-square';
}

export const EWMA_DEFAULTS = {
  lambda: 0.94, // RiskMetrics daily decay factor
  initialVariance: 'mean-square' as number | 'mean-square',
};

export interface EwmaResult {
  model: 'ewma';
  lambda: number;
  initialVariance: number;
  variance: Float64Array;
  nextVariance: number;
}

export function ewmaVariance(returns: Float64Array, options: EwmaOptions = {}): EwmaResult {
  const lambda = options.lambda ?? EWMA_DEFAULTS.lambda;
  const init = options.initialVariance ?? EWMA_DEFAULTS.initialVariance;
  if (!(lambda > 0 && lambda < 1)) throw new VolatilityError(`options: lambda must be in (0, 1), got ${lambda}`);
  if (returns.length === 0) throw new VolatilityError('returns: need at least 1 return');
  let meanSquare = 0;
  for (let t = 0; t < returns.length; t++) {
    const r = returns[t]!;
    if (!Number.isFinite(r)) throw new VolatilityError(`return ${t}: must be finite, got ${r}`);
    meanSquare += r * r;
  }
  meanSquare /= returns.length;
  const initialVariance = init === 'mean-square' ? meanSquare : init;
  if (!(initialVariance >= 0 && initialVariance < Infinity)) throw new VolatilityError(`options: initialVariance must be finite and ≥ 0, got ${initialVariance}`);
  const variance = new Float64Array(returns.length);
  let v = initialVariance;
  for (let t = 0; t < returns.length; t++) {
    variance[t] = v;
    v = lambda * v + (1 - lambda) * returns[t]! * returns[t]!;
  }
  return { model: 'ewma', lambda, initialVariance, variance, nextVariance: v };
}
