import type { DuckDBConnection } from '@duckdb/node-api';
import { parseIndexerConfig, type IndexerConfig } from '../../../src/indexers/index.js';
import { messariLendingData } from '../../harness/data/index.js';
import { loadSubgraphSdl, startFakeGraphNode, type FakeGraphNode, type FakeGraphNodeOptions } from '../../harness/index.js';

/** The block the generated lending data is loaded at. */
export const BLOCK = 18_460_000;

/** A seeded Messari lending data set: big enough for dozens of 50-item pages per entity. */
export const lendingData = (accounts = 240) => messariLendingData({ seed: 11, accounts, markets: 6, block: BLOCK });

export async function lendingNode(options: Partial<FakeGraphNodeOptions> = {}, accounts = 240): Promise<FakeGraphNode> {
  const node = await startFakeGraphNode({ schema: loadSubgraphSdl('messari-lending'), ...options });
  node.store.load(lendingData(accounts).entities, BLOCK);
  return node;
}

/** One messari-lending source against `url`, small pages so that faults land mid-entity. */
export function lendingConfig(url: string, extra: Record<string, unknown> = {}): IndexerConfig {
  return parseIndexerConfig(
    {
      sources: [{ name: 'lend', schema: 'messari-lending', chain: 'ethereum', endpoint: url, pageSize: 50, timeoutMs: 2000, maxRetries: 4, closeFactor: 0.5, fullCloseBelowHf: 0.95, ...extra }],
      concurrency: 3,
      retryBaseDelayMs: 1,
      retryMaxDelayMs: 20,
    },
    'test config',
  );
}

const TABLES = ['protocols', 'assets', 'prices', 'markets', 'accounts', 'positions', 'liquidity', 'liquidators', 'liquidation_events', 'options', 'option_positions', 'liquidity_ticks'];

/** Every row of the snapshot tables for `snapshotId`, canonical order, without the id: equal strings mean equal snapshots. */
export async function snapshotFingerprint(connection: DuckDBConnection, snapshotId: number): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const reader = await connection.runAndReadAll(`SELECT * EXCLUDE (snapshot_id) FROM ${table} WHERE snapshot_id = $1 ORDER BY ALL`, [snapshotId]);
    parts.push(`${table}:${JSON.stringify(reader.getRowsJson())}`);
  }
  return parts.join('\n');
}

export async function countRows(connection: DuckDBConnection, sql: string, params: (string | number)[] = []): Promise<number> {
  const reader = await connection.runAndReadAll(sql, params);
  return Number(reader.getColumnsJS()[0]![0]);
}
