import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadSnapshot, openDatabase, readImportDirectory, writeSnapshot, type Database } from '../../src/store/index.js';
import { schemaMigrationFiles } from '../../src/store/query-files.js';

// assets.exchange_rate, issuer, lp_components and lp_model (schema 4): written from any
// SnapshotRows (the indexers' path as well as the importer's), read back into AssetTable, and
// absent (NaN / null) in snapshots written before the columns existed.

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const nulls = (column: Float64Array | undefined): (number | null)[] => Array.from(column ?? [], (v) => (Number.isNaN(v) ? null : v));

describe('derived-asset columns in the store', () => {
  it('round-trip from rows built in code, as an indexer builds them (no CSV)', async () => {
    const rows = readImportDirectory('test/fixtures/hand-written');
    rows.assets.push(
      { symbol: 'aWETH', decimals: 18, kind: 'receipt', priceUsd: 2000, priceSource: 'test', underlying: 'WETH', address: null, chain: null, extra: null, exchangeRate: 1.0234, issuer: 'lender-a' },
      {
        symbol: 'LP', decimals: 18, kind: 'lp', priceUsd: 100, priceSource: 'test', underlying: null, address: null, chain: null, extra: null,
        lpComponents: { symbol: ['WETH', 'USDC'], units: [0.025, 50.000001], model: 'basket' },
      },
    );
    const db = await openDatabase(':memory:');
    open.push(db);
    const id = await writeSnapshot(db.connection, rows);
    const { assets } = await loadSnapshot(db.connection, id);
    expect(assets.symbol).toEqual(['LP', 'USDC', 'WETH', 'aWETH']);
    expect(nulls(assets.exchangeRate)).toEqual([null, null, null, 1.0234]);
    expect(assets.issuer).toEqual([null, null, null, 'lender-a']);
    expect(assets.lpComponents).toEqual([{ symbol: ['WETH', 'USDC'], units: [0.025, 50.000001], model: 'basket' }, null, null, null]);
  });

  it('are refused by the database when out of range, whoever wrote the rows', async () => {
    const rows = readImportDirectory('test/fixtures/hand-written');
    rows.assets[0] = { ...rows.assets[0]!, exchangeRate: 0 };
    const db = await openDatabase(':memory:');
    open.push(db);
    await expect(writeSnapshot(db.connection, rows)).rejects.toThrow(/writing table assets failed.*exchange_rate > 0/s);
  });

  it('leave a database written before schema 4 loadable: its assets read as NaN and null', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'contagion-v3-')), 'old.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)');
    for (const migration of schemaMigrationFiles().filter((m) => m.version <= 3)) {
      await connection.run(migration.sql);
      await connection.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await connection.run("INSERT INTO snapshots (id, taken_at, source, content_hash) VALUES (1, '2024-01-01T00:00:00Z', 'v3', 'h')");
    await connection.run("INSERT INTO protocols VALUES (1, 'lender-a', 'lending', NULL, 'pooled', 0.5, 0.95, NULL, NULL)");
    await connection.run("INSERT INTO assets VALUES (1, 'USDC', 6, 'stable', NULL, NULL, NULL, NULL), (1, 'wstETH', 18, 'lst', 'USDC', NULL, NULL, '{\"note\": \"old\"}')");
    await connection.run("INSERT INTO prices VALUES (1, 'USDC', 1, 'test'), (1, 'wstETH', 2300, 'test')");
    connection.closeSync();
    instance.closeSync();

    const db = await openDatabase(path);
    open.push(db);
    const { assets } = await loadSnapshot(db.connection, 1);
    expect(assets.symbol).toEqual(['USDC', 'wstETH']);
    expect(nulls(assets.exchangeRate)).toEqual([null, null]);
    expect(assets.issuer).toEqual([null, null]);
    expect(assets.lpComponents).toEqual([null, null]);
    const kept = await db.connection.runAndReadAll("SELECT extra->>'note' AS note FROM assets WHERE symbol = 'wstETH'");
    expect(kept.getRowObjectsJS()).toEqual([{ note: 'old' }]);
  });
});
