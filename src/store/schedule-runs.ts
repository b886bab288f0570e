import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from './database.js';

/** A scheduled run as `runs` stores it (queries/schema/005_runs.sql); JSON columns as values. */
export interface ScheduledRunRecord<M, A> {
  startedAt: string;
  finishedAt: string;
  status: 'ok' | 'alert' | 'failed';
  snapshotId: number | null;
  scenario: string | null;
  totalBadDebtUsd: number | null;
  liquidatedDebtUsd: number | null;
  /** Written as the `scenarios`, `depth_usd` and `collateral_shares` columns. */
  metrics: M;
  alerts: A[];
  reportDir: string | null;
}

/** Records one run in `runs`; returns its id. `metrics` must have `scenarios`, `depthUsd` and `collateralShares`. */
export async function recordScheduledRun<A>(
  connection: DuckDBConnection,
  run: ScheduledRunRecord<{ scenarios: unknown; depthUsd: unknown; collateralShares: unknown }, A>,
): Promise<number> {
  const rows = await queryRows(connection, 'runs/insert', [
    run.startedAt, run.finishedAt, run.status, run.snapshotId, run.scenario, run.totalBadDebtUsd, run.liquidatedDebtUsd,
    JSON.stringify(run.metrics.scenarios), JSON.stringify(run.metrics.depthUsd), JSON.stringify(run.metrics.collateralShares),
    JSON.stringify(run.alerts), run.reportDir,
  ]);
  return Number(rows[0]!.run_id);
}

/** The newest run that did not fail, its JSON columns parsed; `null` when there is none. */
export async function latestScheduledRun(connection: DuckDBConnection): Promise<
  { runId: number; snapshotId: number; scenarios: unknown; depthUsd: unknown; collateralShares: unknown } | null
> {
  const row = (await queryRows(connection, 'runs/latest'))[0];
  if (row === undefined) return null;
  return {
    runId: Number(row.run_id),
    snapshotId: Number(row.snapshot_id),
    scenarios: JSON.parse(String(row.scenarios)),
    depthUsd: JSON.parse(String(row.depth_usd)),
    collateralShares: JSON.parse(String(row.collateral_shares)),
  };
}

/** Every recorded run, oldest first. */
export async function listScheduledRuns(connection: DuckDBConnection): Promise<{
  runId: number; startedAt: string; status: string; snapshotId: number | null; scenario: string | null;
  totalBadDebtUsd: number | null; liquidatedDebtUsd: number | null; alertCount: number; scenarios: unknown;
}[]> {
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return (await queryRows(connection, 'runs/list')).map((r) => ({
    runId: Number(r.run_id),
    startedAt: String(r.started_at),
    status: String(r.status),
    snapshotId: num(r.snapshot_id),
    scenario: r.scenario === null ? null : String(r.scenario),
    totalBadDebtUsd: num(r.total_bad_debt_usd),
    liquidatedDebtUsd: num(r.liquidated_debt_usd),
    alertCount: Number(r.alert_count),
    scenarios: r.scenarios === null ? null : JSON.parse(String(r.scenarios)),
  }));
}

/** Marks run `runId` failed after the fact (its report could not be written). */
export async function markScheduledRunFailed(connection: DuckDBConnection, runId: number): Promise<void> {
  await queryRows(connection, 'runs/mark-failed', [runId]);
}
