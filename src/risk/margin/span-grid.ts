/**
 * CME SPAN's 16 risk scenarios (CME Group, "SPAN Methodology Overview"; table in
 * shared/domain/margin-parameters.md): price unchanged, ±1/3, ±2/3 and ±1 of the price scan range,
 * each with vol up and down by the vol scan range (scenarios 1–14, 100% of the loss counted), and
 * the two extreme moves ±2 × the scan range with vol unchanged, of which 35% of the loss counts
 * (scenarios 15–16). SPAN looks one trading day ahead; crypto trades every day, so the default
 * horizon is one calendar day.
 *
 * The scan ranges are the exchange's per-product settings, hence parameters. `volScanRange`'s
 * default (a 25% relative move of vol) is an assumption of this project, not a CME figure: set it
 * per product.
 */
import { makeScenarioGrid, type ScenarioGrid, type ScenarioSpec } from './scenario-grid.js';
import { resolveOptions } from './resolve-options.js';

export interface SpanGridOptions {
  /** Price scan range as a fraction of spot (0.15 = ±15%). */
  scanRange?: number;
  /** Vol scan range: a fraction of vol (`relative`) or vol points (`absolute`). */
  volScanRange?: number;
  volScanKind?: 'relative' | 'absolute';
  /** Extreme move in scan ranges (CME: 2) and the share of its loss counted (CME: 0.35). */
  extremeMultiple?: number;
  extremeWeight?: number;
  horizonYears?: number;
}

export const SPAN_DEFAULTS = {
  scanRange: 0.15,
  volScanRange: 0.25, // assumption (see banner)
  volScanKind: 'relative',
  extremeMultiple: 2, // CME SPAN scenarios 15–16: "±2 × range"
  extremeWeight: 0.35, // CME SPAN scenarios 15–16: 35% of the loss counted
  horizonYears: 1 / 365, // SPAN look-ahead: one trading day
} as const satisfies Required<SpanGridOptions>;

/** The 16 scenarios in CME's order (1: price 0 vol up, 2: price 0 vol down, 3: +1/3 up, 4: +1/3 down, 5: −1/3 up, …, 15: +2 extreme, 16: −2 extreme). */
export function spanGrid(options: SpanGridOptions = {}): ScenarioGrid {
  const o = resolveOptions<Required<SpanGridOptions>>(SPAN_DEFAULTS, options);
  const specs: ScenarioSpec[] = [];
  const add = (fraction: number, volMove: number, lossWeight: number) =>
    specs.push({ spotMultiplier: 1 + fraction * o.scanRange, volMove, lossWeight });
  add(0, 1, 1);
  add(0, -1, 1);
  for (const third of [1, 2, 3]) {
    for (const sign of [1, -1]) {
      add((sign * third) / 3, 1, 1);
      add((sign * third) / 3, -1, 1);
    }
  }
  add(o.extremeMultiple, 0, o.extremeWeight);
  add(-o.extremeMultiple, 0, o.extremeWeight);
  return makeScenarioGrid(
    `cme-span-16 (scan ±${o.scanRange})`,
    'CME Group SPAN: 16 risk scenarios (shared/domain/margin-parameters.md)',
    specs,
    { kind: o.volScanKind, up: o.volScanRange, down: o.volScanRange },
    o.horizonYears,
  );
}
