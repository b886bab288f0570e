import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIndex, type IndexProgress } from '../../src/indexers/index.js';
import { importDirectory, openDatabase, type Database } from '../../src/store/index.js';
import { withChanges } from '../harness/data/index.js';
import type { Fault, FakeGraphNode } from '../harness/index.js';
import { BLOCK, countRows, lendingConfig, lendingData, lendingNode, snapshotFingerprint } from './helpers/index-fixture.js';

/** Entities the generated data set holds, per collection the messari-lending indexer reads. */
const data = lendingData();
const openPositions = Object.values(data.entities.Position ?? {}).filter((p) => (p as { hashClosed: unknown }).hashClosed === null && BigInt((p as { balance: string }).balance) > 0n).length;
const markets = Object.keys(data.entities.Market ?? {}).length;
const liquidates = Object.keys(data.entities.Liquidate ?? {}).length;

const open: (Database | FakeGraphNode)[] = [];
afterAll(async () => {
  for (const thing of open.splice(0)) 'stop' in thing ? await thing.stop() : thing.close();
});
const database = async (): Promise<Database> => {
  const db = await openDatabase(':memory:');
  open.push(db);
  return db;
};

/** The reference: an uninterrupted, fault-free run. */
let reference = '';
let referenceRows = 0;
beforeAll(async () => {
  const node = await lendingNode();
  open.push(node);
  const db = await database();
  const result = await runIndex(db, { config: lendingConfig(node.url) });
  reference = await snapshotFingerprint(db.connection, result.snapshotId);
  referenceRows = await countRows(db.connection, 'SELECT count(*) FROM positions WHERE snapshot_id = $1', [result.snapshotId]);
  expect(node.stats.skipUsed).toBe(0);
});

describe('index run against the fake graph-node', () => {
  it('reads every entity once, at one block, by id cursor, into one snapshot', async () => {
    const node = await lendingNode();
    open.push(node);
    const db = await database();
    const pages: IndexProgress[] = [];
    const result = await runIndex(db, { config: lendingConfig(node.url), onProgress: (e) => pages.push(e) });
    expect(result.created).toBe(true);
    expect(result.blocks).toEqual({ lend: BLOCK });
    const rows = Object.fromEntries(result.entities.map((e) => [e.entity, e.rows]));
    expect(rows).toEqual({ markets, positions: openPositions, liquidates });
    // Every read at the pinned block, never with skip, each page starting after the previous page's last id.
    expect(node.stats.skipUsed).toBe(0);
    expect(new Set(node.stats.reads.map((r) => r.block))).toEqual(new Set([BLOCK]));
    expect(node.stats.reads.every((r) => r.first === 50)).toBe(true);
    expect(await snapshotFingerprint(db.connection, result.snapshotId)).toBe(reference);
    expect(await countRows(db.connection, 'SELECT count(*) FROM index_staging')).toBe(0);
    expect(referenceRows).toBeGreaterThan(0);
  });

  it('indexing the same block twice yields the same snapshot, not a second one', async () => {
    const node = await lendingNode();
    open.push(node);
    const db = await database();
    const first = await runIndex(db, { config: lendingConfig(node.url) });
    const second = await runIndex(db, { config: lendingConfig(node.url) });
    expect(second).toMatchObject({ snapshotId: first.snapshotId, created: false });
    expect(await countRows(db.connection, 'SELECT count(*) FROM snapshots')).toBe(1);
  });

  it('keeps reading the pinned block while the subgraph head moves on', async () => {
    const node = await lendingNode({ head: BLOCK });
    open.push(node);
    // At a later block every balance doubles: a run that drifted to it would differ from the reference.
    const later = withChanges(data.entities, (draft) => {
      for (const p of Object.values(draft.Position ?? {})) (p as { balance: string }).balance = String(BigInt((p as { balance: string }).balance) * 2n);
    });
    node.store.load(later, BLOCK + 50, { mode: 'replace' });
    node.setHead(BLOCK);
    let moved = false;
    const db = await database();
    const result = await runIndex(db, {
      config: lendingConfig(node.url),
      onProgress: (e) => {
        if (e.type === 'page' && !moved) {
          node.setHead(BLOCK + 50);
          moved = true;
        }
      },
    });
    expect(moved).toBe(true);
    expect(result.blocks.lend).toBe(BLOCK);
    expect(await snapshotFingerprint(db.connection, result.snapshotId)).toBe(reference);
  });

  const faults: [string, (n: number) => Fault | null][] = [
    ['429 Too Many Requests', (n) => (n % 3 === 0 ? { kind: 'status', status: 429 } : null)],
    ['500 and 503', (n) => (n % 4 === 0 ? { kind: 'status', status: 500 } : n % 4 === 2 ? { kind: 'status', status: 503 } : null)],
    ['timeouts', (n) => (n % 5 === 0 ? { kind: 'delay', ms: 2500 } : null)],
    ['malformed JSON', (n) => (n % 3 === 0 ? { kind: 'malformed' } : null)],
    ['short pages', (n) => (n % 2 === 0 ? { kind: 'short', keep: 7 } : null)],
    ['GraphQL errors', (n) => (n % 3 === 1 ? { kind: 'graphql-error', message: 'store error: canceling statement due to statement timeout' } : null)],
  ];
  it.each(faults)('indexes every entity exactly once under %s', async (_what, rule) => {
    const node = await lendingNode({ faults: (request) => (request.n === 1 ? null : rule(request.n)) });
    open.push(node);
    const db = await database();
    const retries: IndexProgress[] = [];
    const result = await runIndex(db, { config: lendingConfig(node.url), onProgress: (e) => e.type === 'retry' && retries.push(e) });
    expect(await snapshotFingerprint(db.connection, result.snapshotId)).toBe(reference);
    expect(node.stats.skipUsed).toBe(0);
    expect(new Set(node.stats.reads.map((r) => r.block))).toEqual(new Set([BLOCK]));
    const injected = Object.entries(node.stats.faults).filter(([kind]) => kind !== 'short').reduce((s, [, n]) => s + Number(n), 0);
    expect(result.retries).toBe(injected);
  }, 60_000);

  it('waits as long as Retry-After asks', async () => {
    const node = await lendingNode({ faults: (request) => (request.n === 3 ? { kind: 'status', status: 429, retryAfterSeconds: 1 } : null) });
    open.push(node);
    const db = await database();
    const retries: { delayMs: number; kind: string }[] = [];
    const config = { ...lendingConfig(node.url), retryMaxDelayMs: 5000 };
    await runIndex(db, { config, onProgress: (e) => e.type === 'retry' && retries.push(e) });
    expect(retries).toEqual([expect.objectContaining({ kind: 'rate-limited', delayMs: 1000 })]);
  });
});

describe('index run failures leave the database as it was', () => {
  async function databaseWithOneSnapshot(): Promise<Database> {
    const db = await database();
    await importDirectory(db, 'test/fixtures/hand-written');
    return db;
  }
  const snapshots = (db: Database) => countRows(db.connection, 'SELECT count(*) FROM snapshots');

  it('names the field when a subgraph drops it from its items (data drift)', async () => {
    const node = await lendingNode({ faults: (request) => (request.body.query.includes('positions') ? { kind: 'drop-field', field: 'balance' } : null) });
    open.push(node);
    const db = await databaseWithOneSnapshot();
    const error = await runIndex(db, { config: lendingConfig(node.url) }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^contagion\/indexers: source lend, entity positions, after id "": malformed item "0x[0-9a-f]+-[^"]+": field "balance": .*received null/);
    expect(await snapshots(db)).toBe(1);
  });

  it('names the source, entity and server message when the schema drifted (a renamed field)', async () => {
    const node = await lendingNode({ renameFields: { 'Position.balance': 'amount' } });
    open.push(node);
    const db = await databaseWithOneSnapshot();
    const error = await runIndex(db, { config: lendingConfig(node.url, { maxRetries: 1 }) }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/source lend, entity positions, after id "": graphql-errors: .*`Position` has no field `balance`.*gave up after 1 retries/);
    expect(await snapshots(db)).toBe(1);
  });

  it('gives up on a server that keeps failing, without a half snapshot', async () => {
    const node = await lendingNode({ faults: (request) => (request.n > 4 ? { kind: 'status', status: 502 } : null) });
    open.push(node);
    const db = await databaseWithOneSnapshot();
    await expect(runIndex(db, { config: lendingConfig(node.url, { maxRetries: 2 }) })).rejects.toThrow(/server-error: HTTP 502 \(gave up after 2 retries\)/);
    expect(await snapshots(db)).toBe(1);
    expect(await countRows(db.connection, 'SELECT count(*) FROM positions WHERE snapshot_id <> 1')).toBe(0);
  });

  it('never writes an API key into errors or the database', async () => {
    const key = 'sk-live-7f3a9c2e51b04d6a';
    const node = await lendingNode({ faults: () => ({ kind: 'status', status: 500 }) });
    open.push(node);
    const db = await databaseWithOneSnapshot();
    const config = lendingConfig(`${node.url}/api/{apiKey}/subgraphs/id/x`, { apiKeyEnv: 'TEST_GRAPH_KEY', maxRetries: 0 });
    const error = (await runIndex(db, { config, env: { TEST_GRAPH_KEY: key } }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/reading _meta failed/);
    expect(`${error.message}\n${error.stack}`).not.toContain(key);
    expect(node.requests.some((r) => r.path.includes(key))).toBe(true);
    const runs = await db.connection.runAndReadAll('SELECT CAST(plan AS VARCHAR) FROM index_runs');
    expect(JSON.stringify(runs.getRowsJson())).not.toContain(key);
  });
});
