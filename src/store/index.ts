/** The store: the only module that talks to DuckDB. Everything else imports from here. */
export { openDatabase, inTransaction, queryRows, type Database } from './database.js';
export { applyMigrations } from './migrations.js';
export { StoreError, ImportError } from './errors.js';
export { importDirectory, type ImportResult } from './import/import-directory.js';
export { readImportDirectory, importDirectoryHash } from './import/read-import-directory.js';
export { writeSnapshot, writeSnapshotRows } from './write-snapshot.js';
export { loadSnapshot, latestSnapshotId } from './load-snapshot.js';
export { sqlFile, graphqlFile } from './query-files.js';
export { readColumns, type ColumnKind } from './read-columns.js';
export { projectRoot, defaultDatabasePath, embeddedDatasetDir } from './project-paths.js';
export type * from './snapshot-rows.js';
export {
  startIndexRun,
  latestUnfinishedRun,
  runCursors,
  stagePage,
  stagedItems,
  publishIndexRun,
  cursorKey,
  type IndexPlan,
  type IndexRun,
  type Cursor,
} from './index-runs.js';
export { listSnapshots, type SnapshotListing, type SnapshotTotals } from './snapshot-listing.js';
export { recordScheduledRun, latestScheduledRun, listScheduledRuns, markScheduledRunFailed, type ScheduledRunRecord } from './schedule-runs.js';
