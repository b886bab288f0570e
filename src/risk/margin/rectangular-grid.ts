/**
 * A plain rectangular grid: `spotPoints` spot multipliers evenly spaced over 1 ± `spotRange` times
 * `volPoints` vol moves evenly spaced over [−1, 1] (the benchmark's 7 × 5 grid). The vol rule
 * defaults to Derive's term-structured shock (derive-pmrm-grid.ts), the only fully sourced one.
 */
import { DERIVE_PMRM } from './derive-pmrm-grid.js';
import { MarginError } from './errors.js';
import { makeScenarioGrid, type ScenarioGrid, type ScenarioSpec } from './scenario-grid.js';
import type { VolShockRule } from './vol-shock.js';
import { resolveOptions } from './resolve-options.js';

export interface RectangularGridOptions {
  spotRange?: number;
  spotPoints?: number;
  volPoints?: number;
  volShock?: VolShockRule;
  horizonYears?: number;
}

export const RECTANGULAR_DEFAULTS = {
  spotRange: 0.15,
  spotPoints: 7,
  volPoints: 5,
  volShock: DERIVE_PMRM.volShock as VolShockRule,
  horizonYears: 0,
};

function evenly(points: number, half: number): number[] {
  if (points === 1) return [0];
  return Array.from({ length: points }, (_, i) => -half + (2 * half * i) / (points - 1));
}

export function rectangularGrid(options: RectangularGridOptions = {}): ScenarioGrid {
  const o = resolveOptions<Required<RectangularGridOptions>>(RECTANGULAR_DEFAULTS, options);
  for (const field of ['spotPoints', 'volPoints'] as const) {
    if (!(Number.isInteger(o[field]) && o[field] >= 1)) {
      throw new MarginError(`rectangular grid: field ${field} must be an integer ≥ 1, got ${o[field]}`);
    }
  }
  const specs: ScenarioSpec[] = [];
  for (const move of evenly(o.spotPoints, o.spotRange)) {
    for (const volMove of evenly(o.volPoints, 1)) specs.push({ spotMultiplier: 1 + move, volMove, lossWeight: 1 });
  }
  return makeScenarioGrid(
    `rectangular ${o.spotPoints}×${o.volPoints} (±${o.spotRange})`,
    `rectangular grid; vol rule ${o.volShock.kind}`,
    specs,
    o.volShock,
    o.horizonYears,
  );
}
