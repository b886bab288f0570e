/**
 * Calendar-spread arbitrage: at fixed log-moneyness k = ln(K/F(T)), total implied variance must
 * not fall as the expiry grows (Gatheral & Jacquier 2014, "Arbitrage-free SVI volatility surfaces",
 * §2: ∂w/∂T ≥ 0 for every k, under proportional dividends / a deterministic carry). Checked between
 * each pair of consecutive slices on the k-grid of `check-grid.ts`; linear interpolation in T then
 * adds none in between. One warning per run of failing grid points, naming both expiries, the
 * k-interval, and the strike (at the later expiry) where the fall is largest.
 */
import { failingRuns } from './check-grid.js';
import { smileTotalVariance } from './smile-total-variance.js';
import type { SmileSlice } from './vol-surface-types.js';
import { warn, type VolSurfaceWarning } from './vol-surface-warnings.js';

export function checkCalendar(underlying: string, slices: readonly SmileSlice[], grid: Float64Array, tolerance: number): VolSurfaceWarning[] {
  const warnings: VolSurfaceWarning[] = [];
  const increase = new Float64Array(grid.length);
  for (let s = 1; s < slices.length; s++) {
    const earlier = slices[s - 1]!;
    const later = slices[s]!;
    for (let i = 0; i < grid.length; i++) {
      increase[i] = smileTotalVariance(later.smile, grid[i]!) - smileTotalVariance(earlier.smile, grid[i]!);
    }
    for (const run of failingRuns(increase, tolerance)) {
      const k = grid[run.worst]!;
      warnings.push(
        warn.calendar(underlying, earlier.expiryYears, later.expiryYears, later.forward * Math.exp(k), k, -increase[run.worst]!, grid[run.from]!, grid[run.to]!),
      );
    }
  }
  return warnings;
}
