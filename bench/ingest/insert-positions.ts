import type { DuckDBPreparedStatement, DuckDBValue } from '@duckdb/node-api';
import type { PositionRow } from '../../src/store/index.js';
import { toDecimal } from '../../src/store/write-snapshot.js';
import type { IngestMethod } from './ingest-method.js';

const COLUMNS = 8;

/** `INSERT INTO positions VALUES ($1, …, $8), (…)` with `rows` tuples: one statement, all values bound. */
export function multiRowInsert(rows: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const base = r * COLUMNS;
    tuples.push(`(${Array.from({ length: COLUMNS }, (_, c) => `$${base + c + 1}`).join(', ')})`);
  }
  return `INSERT INTO positions VALUES ${tuples.join(', ')}`;
}

/**
 * Batched multi-row INSERT with bound parameters: the statement for a full batch is prepared once
 * and re-bound for every batch (the tail gets its own), values converted as the Appender path does
 * (amounts through `toDecimal`, so DECIMAL(38, 18) is bound exactly, never through a double).
 */
export function insertPositions(batchSize: number): IngestMethod {
  return async (connection, snapshotId, rows, progress) => {
    const full = await connection.prepare(multiRowInsert(batchSize));
    try {
      let lastReport = 0;
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        const values = boundValues(snapshotId, batch);
        if (batch.length === batchSize) await run(full, values);
        else {
          const tail = await connection.prepare(multiRowInsert(batch.length));
          try {
            await run(tail, values);
          } finally {
            tail.destroySync();
          }
        }
        const done = start + batch.length;
        if (done - lastReport >= 100_000) {
          progress(done);
          lastReport = done;
        }
      }
    } finally {
      full.destroySync();
    }
    return {};
  };
}

function boundValues(snapshotId: number, batch: readonly PositionRow[]): DuckDBValue[] {
  const values: DuckDBValue[] = new Array(batch.length * COLUMNS);
  let i = 0;
  for (const p of batch) {
    values[i++] = snapshotId;
    values[i++] = p.protocol;
    values[i++] = p.account;
    values[i++] = p.market;
    values[i++] = p.asset;
    values[i++] = p.side;
    values[i++] = toDecimal(p.amount);
    values[i++] = p.extra === null ? null : JSON.stringify(p.extra);
  }
  return values;
}

async function run(statement: DuckDBPreparedStatement, values: DuckDBValue[]): Promise<void> {
  statement.bind(values);
  await statement.run();
}
