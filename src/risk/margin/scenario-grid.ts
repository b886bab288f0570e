/**
 * A scenario grid: columns over scenarios (spot multiplier, signed vol move, loss weight) plus the
 * rule that turns a vol move into a shocked vol per option (vol-shock.ts) and an optional
 * look-ahead. The margin of a portfolio on a grid is the worst weighted loss over its scenarios
 * (portfolio-margin.ts). Presets live in scenario-grids.ts; every grid names its source.
 */
import { MarginError } from './errors.js';
import { volShockRuleProblem, type VolShockRule } from './vol-shock.js';

export interface ScenarioGrid {
  name: string;
  /** Where the numbers come from (document, repository path, or "custom"). */
  source: string;
  /** Spot after the scenario / spot now (1.15 = up 15%). */
  spotMultiplier: Float64Array;
  /** Signed vol move in units of `volShock` (+1 full up, −1 full down, 0 unchanged). */
  volMove: Float64Array;
  /** Fraction of the scenario's loss counted (1, or SPAN's 0.35 for the extreme moves). */
  lossWeight: Float64Array;
  volShock: VolShockRule;
  /** Time that passes in every scenario (SPAN's one-day look-ahead); 0 = instantaneous shocks. */
  horizonYears: number;
  /** One human-readable label per scenario ("spot ×1.15, vol up"). */
  labels: string[];
}

export interface ScenarioSpec {
  spotMultiplier: number;
  volMove: number;
  lossWeight: number;
  label?: string;
}

/** Builds and checks a grid from row records. */
export function makeScenarioGrid(
  name: string,
  source: string,
  scenarios: readonly ScenarioSpec[],
  volShock: VolShockRule,
  horizonYears = 0,
): ScenarioGrid {
  const n = scenarios.length;
  const grid: ScenarioGrid = {
    name,
    source,
    spotMultiplier: new Float64Array(n),
    volMove: new Float64Array(n),
    lossWeight: new Float64Array(n),
    volShock,
    horizonYears,
    labels: [],
  };
  scenarios.forEach((s, i) => {
    grid.spotMultiplier[i] = s.spotMultiplier;
    grid.volMove[i] = s.volMove;
    grid.lossWeight[i] = s.lossWeight;
    grid.labels.push(s.label ?? scenarioLabel(s.spotMultiplier, s.volMove, s.lossWeight));
  });
  checkScenarioGrid(grid);
  return grid;
}

export function scenarioLabel(spotMultiplier: number, volMove: number, lossWeight: number): string {
  const vol = volMove === 0 ? 'vol unchanged' : `vol ${volMove > 0 ? 'up' : 'down'}${Math.abs(volMove) === 1 ? '' : ` ×${Math.abs(volMove)}`}`;
  const weight = lossWeight === 1 ? '' : `, ${Math.round(lossWeight * 1000) / 10}% of loss`;
  return `spot ×${Math.round(spotMultiplier * 1e6) / 1e6}, ${vol}${weight}`;
}

/** Throws a MarginError naming the scenario and field at fault. */
export function checkScenarioGrid(grid: ScenarioGrid): void {
  const where = `scenario grid "${grid.name}"`;
  const n = grid.spotMultiplier.length;
  if (n === 0) throw new MarginError(`${where}: has no scenarios`);
  if (grid.volMove.length !== n || grid.lossWeight.length !== n || grid.labels.length !== n) {
    throw new MarginError(`${where}: columns spotMultiplier, volMove, lossWeight, labels differ in length`);
  }
  for (let s = 0; s < n; s++) {
    const m = grid.spotMultiplier[s]!;
    if (!(Number.isFinite(m) && m >= 0)) throw new MarginError(`${where}: scenario ${s} field spotMultiplier must be finite and ≥ 0, got ${m}`);
    if (!Number.isFinite(grid.volMove[s]!)) throw new MarginError(`${where}: scenario ${s} field volMove must be finite, got ${grid.volMove[s]}`);
    const w = grid.lossWeight[s]!;
    if (!(Number.isFinite(w) && w >= 0)) throw new MarginError(`${where}: scenario ${s} field lossWeight must be finite and ≥ 0, got ${w}`);
  }
  const problem = volShockRuleProblem(grid.volShock);
  if (problem !== null) throw new MarginError(`${where}: ${problem}`);
  if (!(Number.isFinite(grid.horizonYears) && grid.horizonYears >= 0)) {
    throw new MarginError(`${where}: field horizonYears must be finite and ≥ 0, got ${grid.horizonYears}`);
  }
}
