import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows } from './database.js';
import { StoreError } from './errors.js';
import { sqlFile } from './query-files.js';
import { readColumns } from './read-columns.js';
import type { SnapshotRows } from './snapshot-rows.js';
import { writeSnapshotRows } from './write-snapshot.js';

/**
 * Run state of the indexers, kept in the database so that a run survives a crash: the plan (which
 * sources, at which block), per (source, entity) the last id of the last committed page, and the
 * staged entities. A page's entities and its cursor are committed together; a snapshot is
 * published in one transaction with the run's status, so a kill at any point leaves either the
 * previous state or the new snapshot, never half of it.
 */
export interface IndexPlan {
  /** `timestamp`: unix seconds of the pinned block, when the source reported it. */
  sources: { name: string; schema: string; chain: string; protocol: string; block: number; timestamp?: number; settings?: string }[];
}

export interface IndexRun {
  runId: number;
  plan: IndexPlan;
  planHash: string;
}

export interface Cursor {
  lastId: string;
  pages: number;
  rows: number;
  done: boolean;
}

export const cursorKey = (source: string, entity: string): string => `${source}\u0000${entity}`;

/** Starts a run; running runs left by a crash are marked abandoned and their staging dropped. */
export async function startIndexRun(connection: DuckDBConnection, plan: IndexPlan): Promise<IndexRun> {
  return inTransaction(connection, async () => {
    await connection.run(sqlFile('index-runs/abandon-running'));
    await connection.run(sqlFile('index-runs/delete-staging-of-finished'));
    await connection.run(sqlFile('index-runs/delete-cursors-of-finished'));
    const [next] = await queryRows(connection, 'index-runs/next-run-id');
    const runId = Number(next!.run_id);
    const text = JSON.stringify(plan);
    const planHash = createHash('sha256').update(text).digest('hex');
    await connection.run(sqlFile('index-runs/insert-run'), [runId, planHash, text]);
    return { runId, plan, planHash };
  });
}

/** The newest run still marked running (one a crash interrupted), or null. */
export async function latestUnfinishedRun(connection: DuckDBConnection): Promise<IndexRun | null> {
  const [row] = await queryRows(connection, 'index-runs/latest-running');
  if (row === undefined) return null;
  return { runId: Number(row.run_id), planHash: String(row.plan_hash), plan: JSON.parse(String(row.plan)) as IndexPlan };
}

export async function runCursors(connection: DuckDBConnection, runId: number): Promise<Map<string, Cursor>> {
  const rows = await queryRows(connection, 'index-runs/cursors', [runId]);
  return new Map(
    rows.map((r) => [cursorKey(String(r.source), String(r.entity)), { lastId: String(r.last_id), pages: Number(r.pages), rows: Number(r.rows), done: Boolean(r.done) }]),
  );
}

/** Stages one page of validated entities and moves the cursor past it, in one transaction. */
export async function stagePage(
  connection: DuckDBConnection,
  runId: number,
  source: string,
  entity: string,
  items: readonly { id: string; payload: string }[],
  cursor: Cursor,
): Promise<void> {
  await inTransaction(connection, async () => {
    if (items.length > 0) {
      const appender = await connection.createAppender('index_staging');
      try {
        for (const item of items) {
          appender.appendInteger(runId);
          appender.appendVarchar(source);
          appender.appendVarchar(entity);
          appender.appendVarchar(item.id);
          appender.appendVarchar(item.payload);
          appender.endRow();
        }
        appender.flushSync();
      } catch (error) {
        throw new StoreError(`staging ${source}/${entity} page after id ${JSON.stringify(cursor.lastId)} failed: ${(error as Error).message}`);
      } finally {
        try {
          appender.closeSync();
        } catch {
          // A failed flush leaves the appender unusable; the transaction rolls back anyway.
        }
      }
    }
    await connection.run(sqlFile('index-runs/upsert-cursor'), [runId, source, entity, cursor.lastId, cursor.pages, BigInt(cursor.rows), cursor.done]);
  });
}

/** The staged entities of one (source, entity), as parsed JSON, in id order. */
export async function stagedItems(connection: DuckDBConnection, runId: number, source: string, entity: string): Promise<unknown[]> {
  const { payload } = await readColumns(connection, 'index-runs/staged-payloads', [runId, source, entity], { payload: 'str' });
  return payload.map((text) => JSON.parse(text) as unknown);
}

/**
 * Publishes a run: writes its snapshot (or finds the identical one already stored, by content
 * hash), marks the run published and drops its staging, all in one transaction.
 */
export async function publishIndexRun(connection: DuckDBConnection, runId: number, rows: SnapshotRows): Promise<{ snapshotId: number; created: boolean }> {
  return inTransaction(connection, async () => {
    const existing = await queryRows(connection, 'import/snapshot-by-hash', [rows.meta.contentHash]);
    const created = existing.length === 0;
    const snapshotId = created ? await writeSnapshotRows(connection, rows) : Number(existing[0]!.id);
    await connection.run(sqlFile('index-runs/mark-published'), [runId, snapshotId]);
    await connection.run(sqlFile('index-runs/delete-staging-of-finished'));
    await connection.run(sqlFile('index-runs/delete-cursors-of-finished'));
    return { snapshotId, created };
  });
}
