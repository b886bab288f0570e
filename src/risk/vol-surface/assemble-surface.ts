/**
 * The last step shared by every way of making a surface: check the slices for calendar and
 * butterfly arbitrage (Gatheral & Jacquier 2014, "Arbitrage-free SVI volatility surfaces", §2) on
 * one k-grid, and wrap them with the evaluator. Warnings found earlier (bad quotes, poor fits) come
 * first, then calendar, then butterfly warnings by expiry.
 *
 *   quotes ─normaliseQuotes─▶ slices (k, w) ─fitSvi | linear─▶ smiles ─┐
 *   smiles given by the caller ─────────────────────────────────────────┴─▶ assembleSurface ─▶ VolSurface
 */
import { checkButterfly } from './check-butterfly.js';
import { checkCalendar } from './check-calendar.js';
import { checkGrid, resolveCheckOptions } from './check-grid.js';
import type { Forwards } from './forward-curve.js';
import { surfaceEvaluator, type SurfaceEvaluator } from './surface-evaluator.js';
import type { ArbitrageCheckOptions, SmileSlice } from './vol-surface-types.js';
import type { VolSurfaceWarning } from './vol-surface-warnings.js';

/** A volatility surface of one underlying, with everything found wrong while building it. */
export interface VolSurface extends SurfaceEvaluator {
  underlying: string;
  /** Quoted expiries in years, ascending: one per slice. */
  expiries: Float64Array;
  slices: readonly SmileSlice[];
  warnings: readonly VolSurfaceWarning[];
}

export function assembleSurface(
  underlying: string,
  forwards: Forwards,
  slices: readonly SmileSlice[],
  earlier: readonly VolSurfaceWarning[],
  check: Partial<ArbitrageCheckOptions>,
): VolSurface {
  const settings = resolveCheckOptions(check);
  const grid = checkGrid(slices, settings);
  const warnings = [
    ...earlier,
    ...checkCalendar(underlying, slices, grid, settings.calendarTolerance),
    ...slices.flatMap((slice) => checkButterfly(underlying, slice, grid, settings.butterflyTolerance)),
  ];
  return {
    underlying,
    expiries: Float64Array.from(slices, (s) => s.expiryYears),
    slices,
    warnings,
    ...surfaceEvaluator(underlying, forwards, slices),
  };
}
