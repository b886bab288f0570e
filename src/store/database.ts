import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { applyMigrations } from './migrations.js';
import { sqlFile } from './query-files.js';

/**
 * One open Contagion database: a DuckDB instance and a connection whose schema is up to date.
 * `:memory:` gives a throwaway database (tests, notebooks).
 */
export interface Database {
  readonly path: string;
  readonly connection: DuckDBConnection;
  close(): void;
}

export async function openDatabase(path: string): Promise<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await applyMigrations(connection);
  return {
    path,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs `fn` inside one transaction: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(connection: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await fn();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}

/** Runs `queries/<name>.sql` with bound parameters and returns its rows as JS objects (small results only). */
export async function queryRows(
  connection: DuckDBConnection,
  name: string,
  params: DuckDBValue[] = [],
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sqlFile(name), params);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
