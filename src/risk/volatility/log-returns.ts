/**
 * Continuously compounded returns r_t = ln(P_{t+1} / P_t) of a price series in time order, the
 * input of the EWMA and GARCH estimators (RiskMetrics — Technical Document, 4th ed., J.P.
 * Morgan/Reuters 1996, ch. 4 and 5: volatility is the standard deviation of continuously
 * compounded returns).
 */
import { VolatilityError } from './errors.js';

export function logReturns(prices: Float64Array): Float64Array {
  if (prices.length < 2) throw new VolatilityError(`prices: need at least 2 prices, got ${prices.length}`);
  const out = new Float64Array(prices.length - 1);
  for (let t = 0; t < prices.length; t++) {
    const p = prices[t]!;
    if (!(p > 0 && p < Infinity)) throw new VolatilityError(`price ${t}: must be finite and > 0, got ${p}`);
    if (t > 0) out[t - 1] = Math.log(p / prices[t - 1]!);
  }
  return out;
}

/** Sample mean and the mean of squared deviations (the maximum-likelihood variance). */
export function meanAndVariance(x: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i]!;
  mean /= x.length;
  let variance = 0;
  for (let i = 0; i < x.length; i++) variance += (x[i]! - mean) * (x[i]! - mean);
  return { mean, variance: variance / x.length };
}
