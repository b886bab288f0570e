/**
 * A Deribit-like portfolio-margin grid (support.deribit.com, "Portfolio Margin"; summarised in
 * shared/domain/margin-parameters.md): spot moves over ±16% in 9 evenly spaced buckets including
 * zero, each with vol up / same / down. Vol shock from Deribit's older pages: (30/DTE)^0.30 × 38%,
 * read here as a fraction of vol applied the same way up and down (inferred: the page gives one
 * magnitude), with a 1-day DTE floor (inferred, as Derive's). Deribit's extended table (moves of
 * −66% … +500% with a dampener) is not published in full and is not reproduced.
 */
import { makeScenarioGrid, type ScenarioGrid, type ScenarioSpec } from './scenario-grid.js';
import { resolveOptions } from './resolve-options.js';

export interface DeribitGridOptions {
  /** Largest spot move, as a fraction (0.16 = ±16%). */
  range?: number;
  /** Number of evenly spaced spot buckets including zero (odd). */
  buckets?: number;
  /** Vol shock magnitude at 30 days to expiry, fraction of vol. */
  volShock?: number;
  /** Power of (30/DTE). */
  volShockPower?: number;
}

export const DERIBIT_DEFAULTS = {
  range: 0.16, // current "Portfolio Margin" page: ±16%
  buckets: 9, // "9 evenly spaced buckets incl. zero"
  volShock: 0.38, // older pages: (30/DTE)^0.30 × 38%
  volShockPower: 0.3,
} as const satisfies Required<DeribitGridOptions>;

export function deribitGrid(options: DeribitGridOptions = {}): ScenarioGrid {
  const o = resolveOptions<Required<DeribitGridOptions>>(DERIBIT_DEFAULTS, options);
  const specs: ScenarioSpec[] = [];
  for (let b = 0; b < o.buckets; b++) {
    const move = o.buckets === 1 ? 0 : -o.range + (2 * o.range * b) / (o.buckets - 1);
    for (const volMove of [1, 0, -1]) specs.push({ spotMultiplier: 1 + move, volMove, lossWeight: 1 });
  }
  return makeScenarioGrid(
    `deribit-like (±${o.range}, ${o.buckets} buckets)`,
    'support.deribit.com "Portfolio Margin" (±16%, 9 buckets, vol up/same/down; IV shock (30/DTE)^0.30 × 38% from older pages)',
    specs,
    {
      kind: 'term-structure',
      up: o.volShock,
      down: o.volShock,
      shortTermPower: o.volShockPower,
      longTermPower: o.volShockPower,
      pivotYears: 30 / 365,
      dteFloorYears: 1 / 365,
    },
  );
}
