import type { FiredAlert } from './evaluate-alerts.js';
import type { RunHistoryRow } from './run-changes.js';

/** One scenario's figures in one scheduled run: a point of the trend chart. */
export interface TrendPoint {
  runId: number;
  startedAt: string;
  scenario: string;
  totalBadDebtUsd: number;
  liquidatedDebtUsd: number;
}

/**
 * What a scheduled run's report says about the runs before it: the recorded runs (this one last),
 * each scenario's bad debt and liquidated debt per run, what changed since the previous run and
 * the alerts that fired. `contagion report` run by hand has none.
 */
export interface RunHistory {
  currentRunId: number;
  /** The run compared with: the newest earlier run that did not fail; `null` on the first run. */
  previousRunId: number | null;
  runs: RunHistoryRow[];
  trend: TrendPoint[];
  changes: string[];
  alerts: FiredAlert[];
}

/**
 * The trend points of recorded runs. `scenarios` is the `runs.scenarios` JSON column as the store
 * read it back: it is checked here, and a run whose column is not the expected shape (a failed
 * run records an empty list) contributes no point rather than a made-up zero.
 */
export function trendPoints(rows: readonly (RunHistoryRow & { scenarios?: unknown })[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const row of rows) {
    if (row.status === 'failed' || !Array.isArray(row.scenarios)) continue;
    for (const item of row.scenarios as unknown[]) {
      if (item === null || typeof item !== 'object') continue;
      const { name, totalBadDebtUsd, liquidatedDebtUsd } = item as Record<string, unknown>;
      if (typeof name !== 'string' || typeof totalBadDebtUsd !== 'number' || typeof liquidatedDebtUsd !== 'number') continue;
      points.push({ runId: row.runId, startedAt: row.startedAt, scenario: name, totalBadDebtUsd, liquidatedDebtUsd });
    }
  }
  return points;
}
