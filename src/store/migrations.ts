import type { DuckDBConnection } from '@duckdb/node-api';
import { StoreError } from './errors.js';
import { schemaMigrationFiles } from './query-files.js';

/**
 * Brings a database's schema up to date: applies every `queries/schema/NNN_*.sql` not yet recorded
 * in `schema_migrations`, each in its own transaction, in version order.
 */
export async function applyMigrations(connection: DuckDBConnection): Promise<number[]> {
  await connection.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)`);
  const done = await connection.runAndReadAll('SELECT version FROM schema_migrations');
  const applied = new Set(done.getColumnsJS()[0]?.map(Number) ?? []);
  const newlyApplied: number[] = [];
  for (const migration of schemaMigrationFiles()) {
    if (applied.has(migration.version)) continue;
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(migration.sql);
      await connection.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw new StoreError(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`);
    }
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
