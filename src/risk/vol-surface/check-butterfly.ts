/**
 * Butterfly arbitrage within each expiry's smile, on the k-grid of `check-grid.ts`.
 *
 * SVI slices: the density factor g(k) of Gatheral & Jacquier (2014, "Arbitrage-free SVI volatility
 * surfaces", §2) must be ≥ 0; and each wing's slope of total variance must not exceed 2 (Lee 2004,
 * "The moment formula for implied volatility at extreme strikes"), beyond which no grid can show
 * what happens at infinity. Linear slices, whose g has Dirac terms at the knots: undiscounted call
 * prices must be convex in strike, checked as second divided differences of Black (1976) prices
 * per unit forward on the grid, x = K/F = eᵏ, which is the density of S_T/F (Breeden & Litzenberger
 * 1978); both sides of a strike use out-of-the-money prices where they can, to keep precision.
 * Note that w linear between knots puts a Dirac term in the density at every knot, negative where
 * the slope of w falls: a piecewise-linear smile with flat wings that is not flat everywhere has
 * such a knot (at the latest where a sloped quoted wing meets its flat extension), so it is
 * reported; the warning states the run's negative probability mass, which converges as the grid is refined.
 * One warning per run of failing grid points, naming the expiry, the k-interval and the worst strike.
 */
import { failingRuns } from './check-grid.js';
import { normalisedCall, normalisedOtmPrice } from './normalised-call.js';
import { sviDensityFactor, sviWingSlopes } from './svi.js';
import { linearTotalVariance } from './smile-total-variance.js';
import type { LinearSmile, SmileSlice } from './vol-surface-types.js';
import { fmt, warn, type VolSurfaceWarning } from './vol-surface-warnings.js';

/** Second divided difference of call prices per unit forward in x = K/F at interior grid points. */
export function linearSmileDensity(smile: LinearSmile, grid: Float64Array): Float64Array {
  const n = grid.length;
  const w = Float64Array.from(grid, (k) => linearTotalVariance(smile, k));
  const x = Float64Array.from(grid, Math.exp);
  const density = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    const sameSide = (grid[i - 1]! < 0) === (grid[i + 1]! < 0);
    const price = sameSide ? normalisedOtmPrice : normalisedCall;
    const [p0, p1, p2] = [price(grid[i - 1]!, w[i - 1]!), price(grid[i]!, w[i]!), price(grid[i + 1]!, w[i + 1]!)];
    density[i] = (2 * ((p2 - p1) / (x[i + 1]! - x[i]!) - (p1 - p0) / (x[i]! - x[i - 1]!))) / (x[i + 1]! - x[i - 1]!);
  }
  return density;
}

export function checkButterfly(underlying: string, slice: SmileSlice, grid: Float64Array, tolerance: number): VolSurfaceWarning[] {
  const warnings: VolSurfaceWarning[] = [];
  const { smile, expiryYears, forward } = slice;
  let value: Float64Array;
  let measure: string;
  if (smile.kind === 'svi') {
    value = Float64Array.from(grid, (k) => sviDensityFactor(smile.params, k));
    measure = 'SVI density factor g(k)';
    const slopes = sviWingSlopes(smile.params);
    if (slopes.left > 2) warnings.push(warn.wingSlope(underlying, expiryYears, 'left', slopes.left));
    if (slopes.right > 2) warnings.push(warn.wingSlope(underlying, expiryYears, 'right', slopes.right));
  } else {
    value = linearSmileDensity(smile, grid);
    measure = 'call-price convexity d²(C/F)/d(K/F)²';
  }
  const interior = smile.kind === 'svi' ? [0, grid.length - 1] : [1, grid.length - 2];
  for (const run of failingRuns(value, tolerance, interior[0], interior[1])) {
    const k = grid[run.worst]!;
    // A linear smile's arbitrage sits in Dirac terms at its knots, whose discrete density grows as
    // the grid is refined; the probability mass of the run does not, so it is stated too.
    let detail = '';
    if (smile.kind === 'linear') {
      let mass = 0;
      for (let i = run.from; i <= run.to; i++) mass += (value[i]! * (Math.exp(grid[i + 1]!) - Math.exp(grid[i - 1]!))) / 2;
      detail = ` (negative probability mass ${fmt(mass)})`;
    }
    warnings.push(warn.butterfly(underlying, expiryYears, forward * Math.exp(k), k, measure, value[run.worst]!, grid[run.from]!, grid[run.to]!, detail));
  }
  return warnings;
}
