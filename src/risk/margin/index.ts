/**
 * Margin: scenario grids (Derive PMRM, CME SPAN 16, Deribit-like, rectangular, custom from config),
 * portfolio margin over typed columns (every option × scenario priced once, aggregated by
 * positions), strategy-based margin (Reg T / Cboe Rule 10.3, fully collateralised). Pure solvers.
 *
 *   columns (options, positions, linear, spot) ──► repriceOnGrid ──► per-unit P&L table (O × S)
 *                                                        │
 *   grid (spot ×, vol move, loss weight, vol rule) ──────┘──► portfolioMargin ──► MM, IM per account
 */
export { MarginError } from './errors.js';
export { MarginScratch } from './scratch.js';
export { bsmPricer, createBsmPricer } from './bsm-pricer.js';
export { intrinsicValue, type BsmPriceArgs, type OptionPricer, type ScalarPricer, type VectorPricer } from './pricer.js';
export { applyVolShock, shockedVolUnfloored, termStructureScale, type VolShockRule } from './vol-shock.js';
export { checkScenarioGrid, makeScenarioGrid, type ScenarioGrid, type ScenarioSpec } from './scenario-grid.js';
export { DERIVE_PMRM } from './derive-pmrm-grid.js';
export { SPAN_DEFAULTS, type SpanGridOptions } from './span-grid.js';
export { DERIBIT_DEFAULTS, type DeribitGridOptions } from './deribit-grid.js';
export { RECTANGULAR_DEFAULTS, type RectangularGridOptions } from './rectangular-grid.js';
export { customGridSchema, volShockRuleSchema, type CustomGridConfig } from './custom-grid.js';
export {
  customGrid, deribitGrid, derivePmrmGrid, GRID_PRESETS, rectangularGrid, scenarioGridFor, spanGrid, type GridPreset,
} from './scenario-grids.js';
export {
  checkMarginPortfolio, type LinearColumns, type MarginPortfolio, type OptionColumns, type PositionColumns,
} from './portfolio-columns.js';
export { repriceOnGrid, type GridRepricing, type RepricingSettings } from './scenario-repricing.js';
export { aggregateAcrossUnderlyings, type CrossUnderlyingRule } from './cross-underlying.js';
export {
  portfolioMargin, PORTFOLIO_MARGIN_DEFAULTS, type PortfolioMarginOptions, type PortfolioMarginParameters,
  type PortfolioMarginResult, type PortfolioMarginSettings,
} from './portfolio-margin.js';
export {
  strategyMargin, STRATEGY_MARGIN_DEFAULTS, type StrategyMarginOptions, type StrategyMarginResult,
} from './strategy-margin.js';
export { resolveOptions } from './resolve-options.js';
