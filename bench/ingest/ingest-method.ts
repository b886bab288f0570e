import type { DuckDBConnection } from '@duckdb/node-api';
import type { PositionRow } from '../../src/store/index.js';

/** Called with the number of rows loaded so far, for progress lines on long runs. */
export type Progress = (done: number) => void;

/**
 * One way of loading position rows into `positions` for snapshot `snapshotId`, inside a transaction
 * the caller opened. Resolves to the wall time of its named sub-steps in ms (empty when it has one).
 */
export type IngestMethod = (
  connection: DuckDBConnection,
  snapshotId: number,
  rows: readonly PositionRow[],
  progress: Progress,
) => Promise<Record<string, number>>;
