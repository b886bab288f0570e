/**
 * Volatility models for dynamic margin: log returns, EWMA (RiskMetrics 1996, λ = 0.94), GARCH(1,1)
 * by maximum likelihood (Bollerslev 1986) with a Nelder–Mead optimiser, horizon forecasts, scan
 * ranges scaled by forecast vol, and portfolio margin on the scaled grid.
 *
 *   prices ──► logReturns ──► ewmaVariance | fitGarch ──► forecastVolatility ──► dynamicScanRange
 *                                                                                    │
 *   portfolio + grid ─────────────────────────────────────────────► dynamicMargin ◄──┘
 */
export { VolatilityError } from './errors.js';
export { logReturns, meanAndVariance } from './log-returns.js';
export { ewmaVariance, EWMA_DEFAULTS, type EwmaOptions, type EwmaResult } from './ewma.js';
export { nelderMead, NELDER_MEAD_DEFAULTS, type NelderMeadOptions, type NelderMeadResult } from './nelder-mead.js';
export { garchLogLikelihood, garchNextVariance } from './garch-likelihood.js';
export { fitGarch, GARCH_DEFAULTS, type GarchFit, type GarchFitOptions } from './garch-fit.js';
export {
  FORECAST_DEFAULTS, forecastVolatility, garchHorizonVariance, type ForecastOptions, type ModelParameters, type VolatilityForecast,
} from './volatility-forecast.js';
export { dynamicScanRange, SCAN_RANGE_DEFAULTS, type DynamicScanRange, type ScanRangeOptions } from './dynamic-scan-range.js';
export {
  dynamicMargin, fullWeightScanRange, type DynamicMarginOptions, type DynamicMarginResult, type PriceHistory,
} from './dynamic-margin.js';
