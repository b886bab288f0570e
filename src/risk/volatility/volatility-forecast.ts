/**
 * Volatility over a margin horizon from a price history, by EWMA (RiskMetrics 1996, ewma.ts) or
 * GARCH(1,1) (Bollerslev 1986, garch-fit.ts). With H the horizon in periods:
 *
 *   EWMA:  Σ_{h=1..H} σ²_{n+h} = H · σ²_{n+1}                    (RiskMetrics ch. 5: flat forecast)
 *   GARCH: σ²_{n+h} = σ̄² + (α + β)^{h−1} (σ²_{n+1} − σ̄²),  σ̄² = ω / (1 − α − β)
 *          (Bollerslev 1986; the standard mean-reverting multi-step forecast)
 *
 * horizonVol = √(Σ σ²), annualisedVol = √(Σ σ² · periodsPerYear / H). The long-run (base) vol is
 * GARCH's σ̄ or, for EWMA, the root mean square of the returns, both annualised.
 */
import { ewmaVariance, type EwmaOptions } from './ewma.js';
import { VolatilityError } from './errors.js';
import { fitGarch, type GarchFitOptions } from './garch-fit.js';
import { logReturns } from './log-returns.js';

export interface ForecastOptions {
  model?: 'ewma' | 'garch';
  /** Margin horizon in periods of the price series (1 = SPAN's one day on daily prices). */
  horizonPeriods?: number;
  /** Periods per year of the price series (365: crypto trades every day). */
  periodsPerYear?: number;
  ewma?: EwmaOptions;
  garch?: GarchFitOptions;
}

export const FORECAST_DEFAULTS = { model: 'ewma' as 'ewma' | 'garch', horizonPeriods: 1, periodsPerYear: 365 };

export type ModelParameters =
  | { model: 'ewma'; lambda: number }
  | { model: 'garch'; omega: number; alpha: number; beta: number; logLikelihood: number; converged: boolean };

export interface VolatilityForecast {
  parameters: ModelParameters;
  horizonPeriods: number;
  periodsPerYear: number;
  nextVariance: number;
  horizonVariance: number;
  horizonVol: number;
  annualisedVol: number;
  longRunAnnualisedVol: number;
  warnings: string[];
}

export function garchHorizonVariance(nextVariance: number, longRunVariance: number, persistence: number, horizon: number): number {
  let sum = 0;
  let decay = 1;
  for (let h = 1; h <= horizon; h++) {
    sum += longRunVariance + decay * (nextVariance - longRunVariance);
    decay *= persistence;
  }
  return sum;
}

export function forecastVolatility(prices: Float64Array, options: ForecastOptions = {}): VolatilityForecast {
  const model = options.model ?? FORECAST_DEFAULTS.model;
  const H = options.horizonPeriods ?? FORECAST_DEFAULTS.horizonPeriods;
  const periodsPerYear = options.periodsPerYear ?? FORECAST_DEFAULTS.periodsPerYear;
  if (!(Number.isInteger(H) && H >= 1)) throw new VolatilityError(`options: horizonPeriods must be an integer ≥ 1, got ${H}`);
  if (!(periodsPerYear > 0 && periodsPerYear < Infinity)) throw new VolatilityError(`options: periodsPerYear must be finite and > 0, got ${periodsPerYear}`);
  const returns = logReturns(prices);
  let parameters: ModelParameters;
  let nextVariance: number;
  let horizonVariance: number;
  let longRunVariance: number;
  let warnings: string[] = [];
  if (model === 'ewma') {
    const fit = ewmaVariance(returns, options.ewma);
    parameters = { model: 'ewma', lambda: fit.lambda };
    nextVariance = fit.nextVariance;
    horizonVariance = H * nextVariance;
    longRunVariance = returns.reduce((s, r) => s + r * r, 0) / returns.length;
  } else if (model === 'garch') {
    const fit = fitGarch(returns, options.garch);
    parameters = { model: 'garch', omega: fit.omega, alpha: fit.alpha, beta: fit.beta, logLikelihood: fit.logLikelihood, converged: fit.convergence.converged };
    nextVariance = fit.nextVariance;
    horizonVariance = garchHorizonVariance(nextVariance, fit.longRunVariance, fit.persistence, H);
    longRunVariance = fit.longRunVariance;
    warnings = fit.warnings;
  } else {
    throw new VolatilityError(`options: unknown model ${JSON.stringify(model)}`);
  }
  return {
    parameters,
    horizonPeriods: H,
    periodsPerYear,
    nextVariance,
    horizonVariance,
    horizonVol: Math.sqrt(horizonVariance),
    annualisedVol: Math.sqrt((horizonVariance * periodsPerYear) / H),
    longRunAnnualisedVol: Math.sqrt(longRunVariance * periodsPerYear),
    warnings,
  };
}
