/**
 * The log-moneyness grid on which a surface's arbitrage conditions are checked (Gatheral &
 * Jacquier 2014, "Arbitrage-free SVI volatility surfaces", §2, state them for every k; a grid is
 * the finite stand-in). It spans every slice's quoted log-moneyness (the knots of linear smiles,
 * the quotes of fitted SVI smiles) widened by `margin` on each side, so the extrapolated wings are
 * checked too; a surface of SVI parameters without quotes is checked on [−margin, margin].
 * Also the runs of consecutive grid points where a condition fails, which the warnings report.
 */
import { VolSurfaceError } from './errors.js';
import type { ArbitrageCheckOptions, SmileSlice } from './vol-surface-types.js';

export const DEFAULTS: ArbitrageCheckOptions = { margin: 1, points: 401, calendarTolerance: 1e-10, butterflyTolerance: 1e-9 };

export function resolveCheckOptions(options: Partial<ArbitrageCheckOptions>): ArbitrageCheckOptions {
  const settings = { ...DEFAULTS, ...options };
  if (!(settings.margin >= 0 && Number.isFinite(settings.margin))) throw new VolSurfaceError(`options.check.margin must be finite and ≥ 0, got ${settings.margin}`);
  if (!(Number.isInteger(settings.points) && settings.points >= 3)) throw new VolSurfaceError(`options.check.points must be a whole number ≥ 3, got ${settings.points}`);
  for (const field of ['calendarTolerance', 'butterflyTolerance'] as const) {
    if (!(settings[field] >= 0 && Number.isFinite(settings[field]))) throw new VolSurfaceError(`options.check.${field} must be finite and ≥ 0, got ${settings[field]}`);
  }
  return settings;
}

export function checkGrid(slices: readonly SmileSlice[], options: ArbitrageCheckOptions): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const slice of slices) {
    const ks = slice.smile.kind === 'linear' ? slice.smile.k : slice.quoted?.k ?? [];
    for (const k of ks) [lo, hi] = [Math.min(lo, k), Math.max(hi, k)];
  }
  if (lo > hi) [lo, hi] = [0, 0];
  const from = lo - options.margin;
  const step = (hi + options.margin - from) / (options.points - 1);
  return Float64Array.from({ length: options.points }, (_, i) => from + i * step);
}

/** A maximal run [from, to] of grid indices where a condition fails, and where it fails worst. */
export interface FailingRun {
  from: number;
  to: number;
  worst: number;
}

/** Runs of indices i where `value[i] < −tolerance`; `worst` is the index of the lowest value. */
export function failingRuns(value: ArrayLike<number>, tolerance: number, firstIndex = 0, lastIndex = value.length - 1): FailingRun[] {
  const runs: FailingRun[] = [];
  let run: FailingRun | null = null;
  for (let i = firstIndex; i <= lastIndex; i++) {
    if (value[i]! < -tolerance) {
      if (run === null) run = { from: i, to: i, worst: i };
      run.to = i;
      if (value[i]! < value[run.worst]!) run.worst = i;
    } else if (run !== null) {
      runs.push(run);
      run = null;
    }
  }
  if (run !== null) runs.push(run);
  return runs;
}
