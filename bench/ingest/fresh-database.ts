import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quotedIdentifier } from '@duckdb/node-api';
import { openDatabase, type Database } from '../../src/store/index.js';

/** The snapshot every benchmark row belongs to (the `positions` foreign key needs it to exist). */
export const SNAPSHOT_ID = 1;

export interface FreshDatabase {
  readonly database: Database;
  /** Closes the database and deletes its directory. */
  dispose(): void;
}

/**
 * A new file-backed database in its own temp directory with the real schema applied
 * (`openDatabase` runs `queries/schema/*.sql`) and one snapshot row. With `primaryKey: false`
 * the `positions` table is recreated from its own DDL minus the PRIMARY KEY clause, and the key
 * columns get back the NOT NULL the key implied: same columns, NOT NULL, CHECK and foreign key, no
 * ART index on the six key columns.
 */
export async function freshDatabase(options: { primaryKey: boolean }): Promise<FreshDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'contagion-ingest-'));
  const database = await openDatabase(join(dir, 'bench.duckdb'));
  const { connection } = database;
  await connection.run(
    "INSERT INTO snapshots (id, taken_at, source, content_hash) VALUES ($1, '2024-01-01T00:00:00Z'::TIMESTAMPTZ, 'bench', 'bench')",
    [SNAPSHOT_ID],
  );
  if (!options.primaryKey) {
    const ddl = await connection.runAndReadAll("SELECT sql FROM duckdb_tables() WHERE table_name = 'positions'");
    const create = String(ddl.getColumnsJS()[0]![0]);
    const key = /,\s*PRIMARY KEY\s*\(([^)]*)\)/i.exec(create);
    if (key === null) throw new Error('bench/ingest/fresh-database: no PRIMARY KEY clause found in the positions DDL');
    await connection.run('DROP TABLE positions');
    await connection.run(create.replace(key[0], ''));
    for (const column of key[1]!.split(',').map((c) => c.trim())) {
      await connection.run(`ALTER TABLE positions ALTER COLUMN ${quotedIdentifier(column)} SET NOT NULL`);
    }
  }
  await connection.run('CHECKPOINT');
  return {
    database,
    dispose() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
