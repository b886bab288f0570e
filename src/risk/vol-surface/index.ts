/**
 * Volatility surfaces per underlying, from option quotes: SVI or linear smiles in total variance,
 * joined linearly in T, with calendar and butterfly arbitrage reported. Pure functions.
 */
export { buildVolSurface, buildVolSurfaceFromMarks, DEFAULTS as VOL_SURFACE_DEFAULTS } from './build-vol-surface.js';
export { quotesFromMarks, DEFAULTS as QUOTES_FROM_MARKS_DEFAULTS, type OptionMark, type QuotesFromMarks, type QuotesFromMarksInput } from './quotes-from-marks.js';
export { volSurfaceFromSmiles, DEFAULTS as VOL_SURFACE_FROM_SMILES_DEFAULTS, type VolSurfaceFromSmilesInput, type VolSurfaceFromSmilesOptions } from './vol-surface-from-smiles.js';
export type { VolSurface } from './assemble-surface.js';
export type { SurfaceEvaluator } from './surface-evaluator.js';
export { fitSvi, DEFAULTS as FIT_SVI_DEFAULTS, type FitSviInput, type FitSviOptions, type SviFit } from './fit-svi.js';
export { sviTotalVariance, sviDensityFactor, sviMinTotalVariance, sviWingSlopes, validateSviParams } from './svi.js';
export { checkCalendar } from './check-calendar.js';
export { checkButterfly, linearSmileDensity } from './check-butterfly.js';
export { checkGrid, DEFAULTS as ARBITRAGE_CHECK_DEFAULTS } from './check-grid.js';
export { smileTotalVariance, linearTotalVariance } from './smile-total-variance.js';
export { prepareForwards, type Forwards } from './forward-curve.js';
export { nelderMead, DEFAULTS as NELDER_MEAD_DEFAULTS, type NelderMeadOptions, type NelderMeadResult } from './nelder-mead.js';
export { VolSurfaceError } from './errors.js';
export type { VolSurfaceWarning, VolSurfaceWarningCode } from './vol-surface-warnings.js';
export type {
  ArbitrageCheckOptions,
  ForwardCurve,
  ForwardPoint,
  LinearSmile,
  QuotedSlice,
  SmileSlice,
  SviParams,
  SviSmile,
  VolQuote,
  VolSurfaceInput,
  VolSurfaceOptions,
} from './vol-surface-types.js';
