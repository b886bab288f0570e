/**
 * Named scenario-grid presets, each with its source (see the file of each):
 *
 * | preset          | scenarios | source |
 * |-----------------|-----------|--------|
 * | `derive-pmrm`   | 23        | derivexyz/v2-core scripts/config-mainnet.sol, PMRMLib._addVolShocks |
 * | `cme-span-16`   | 16        | CME SPAN 16 risk scenarios (35% of extreme-move losses) |
 * | `deribit-like`  | 27        | support.deribit.com "Portfolio Margin" (±16%, 9 buckets × vol up/same/down) |
 * | `rectangular`   | n × m     | evenly spaced spot × vol moves (benchmarks, what-ifs) |
 *
 * plus `customGrid(config)` for grids from configuration (custom-grid.ts).
 */
import { customGrid } from './custom-grid.js';
import { deribitGrid, type DeribitGridOptions } from './deribit-grid.js';
import { derivePmrmGrid } from './derive-pmrm-grid.js';
import { MarginError } from './errors.js';
import { rectangularGrid, type RectangularGridOptions } from './rectangular-grid.js';
import type { ScenarioGrid } from './scenario-grid.js';
import { spanGrid, type SpanGridOptions } from './span-grid.js';

export type GridPreset =
  | { preset: 'derive-pmrm' }
  | ({ preset: 'cme-span-16' } & SpanGridOptions)
  | ({ preset: 'deribit-like' } & DeribitGridOptions)
  | ({ preset: 'rectangular' } & RectangularGridOptions)
  | { preset: 'custom'; config: unknown };

export const GRID_PRESETS = ['derive-pmrm', 'cme-span-16', 'deribit-like', 'rectangular', 'custom'] as const;

/** The grid a preset (and its options) names. */
export function scenarioGridFor(spec: GridPreset): ScenarioGrid {
  switch (spec.preset) {
    case 'derive-pmrm':
      return derivePmrmGrid();
    case 'cme-span-16':
      return spanGrid(spec);
    case 'deribit-like':
      return deribitGrid(spec);
    case 'rectangular':
      return rectangularGrid(spec);
    case 'custom':
      return customGrid(spec.config);
    default:
      throw new MarginError(`scenario grid: unknown preset ${JSON.stringify((spec as { preset: unknown }).preset)}`);
  }
}

export { customGrid, deribitGrid, derivePmrmGrid, rectangularGrid, spanGrid };
