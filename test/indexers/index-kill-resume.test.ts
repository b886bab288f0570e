import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIndex } from '../../src/indexers/index.js';
import { importDirectory, openDatabase, type Database } from '../../src/store/index.js';
import { createRng } from '../harness/data/index.js';
import type { FakeGraphNode } from '../harness/index.js';
import { countRows, lendingConfig, lendingNode, snapshotFingerprint } from './helpers/index-fixture.js';

const BIN = join(process.cwd(), 'bin', 'contagion.mjs');
const KEY = 'kill-test-secret-9d1e';
const nodes: FakeGraphNode[] = [];
afterAll(async () => {
  for (const node of nodes.splice(0)) await node.stop();
});

function contagion(args: string[], onSpawn: (child: ChildProcess) => void = () => {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, TEST_GRAPH_KEY: KEY }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onSpawn(child);
  });
}

async function withDatabase<T>(path: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(path);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

describe('contagion index killed mid-run, then --resume', () => {
  // Kill points drawn from a seeded generator among the run's page requests (the first two are
  // _meta and the first page; the run makes ~25 requests with 50-item pages).
  const rng = createRng(20261125);
  const killPoints = [3 + Math.floor(rng.next() * 8), 12 + Math.floor(rng.next() * 10)];

  it.each(killPoints)('gives the same tables as an uninterrupted run when killed at request %i', async (killAt) => {
    // The reference: the same data indexed without interruption, in-process.
    const referenceNode = await lendingNode();
    nodes.push(referenceNode);
    const reference = await withDatabase(':memory:', async (db) => {
      const result = await runIndex(db, { config: lendingConfig(referenceNode.url) });
      return snapshotFingerprint(db.connection, result.snapshotId);
    });

    const dir = mkdtempSync(join(tmpdir(), 'contagion-kill-'));
    const dbPath = join(dir, 'kill.duckdb');
    await withDatabase(dbPath, (db) => importDirectory(db, 'test/fixtures/hand-written'));
    const before = await withDatabase(dbPath, (db) => snapshotFingerprint(db.connection, 1));

    let child: ChildProcess | null = null;
    let killed = false;
    const node = await lendingNode({
      faults: (request) => {
        if (request.n === killAt && child !== null && !killed) {
          killed = true;
          child.kill('SIGKILL'); // mid-page: this request never gets its answer
          return { kind: 'delay', ms: 1_000 };
        }
        return null;
      },
    });
    nodes.push(node);
    const configPath = join(dir, 'contagion.config.json');
    writeFileSync(configPath, JSON.stringify({ ...lendingConfig(`${node.url}/api/{apiKey}/subgraphs/id/x`, { apiKeyEnv: 'TEST_GRAPH_KEY' }) }));

    const first = await contagion(['index', '--config', configPath, '--db', dbPath], (c) => (child = c));
    expect(first.signal).toBe('SIGKILL');
    // After the kill: the earlier snapshot intact, no new snapshot, a run left to resume.
    await withDatabase(dbPath, async (db) => {
      expect(await countRows(db.connection, 'SELECT count(*) FROM snapshots')).toBe(1);
      expect(await snapshotFingerprint(db.connection, 1)).toBe(before);
      expect(await countRows(db.connection, "SELECT count(*) FROM index_runs WHERE status = 'running'")).toBe(1);
    });

    const resumed = await contagion(['index', '--config', configPath, '--db', dbPath, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/published snapshot 2 \(run 1, resumed\)/);
    for (const output of [first.stdout, first.stderr, resumed.stdout, resumed.stderr]) expect(output).not.toContain(KEY);
    await withDatabase(dbPath, async (db) => {
      expect(await snapshotFingerprint(db.connection, 2)).toBe(reference);
      expect(await snapshotFingerprint(db.connection, 1)).toBe(before);
      expect(await countRows(db.connection, 'SELECT count(*) FROM index_staging')).toBe(0);
      expect(await countRows(db.connection, "SELECT count(*) FROM index_runs WHERE status = 'published'")).toBe(1);
    });
    // The resumed run read only what the killed one had not committed: no page was read twice
    // except those in flight at the kill (at most one per concurrent entity).
    // The indexed snapshot is an ordinary snapshot: the cascade runs on it unchanged.
    const cascade = await contagion(['run', '--db', dbPath, '--scenario', 'baseline', '--json']);
    expect(cascade.code, cascade.stderr).toBe(0);
    expect(JSON.parse(cascade.stdout)).toMatchObject({ snapshotId: 2, scenario: 'baseline' });
    const pageReads = (n: FakeGraphNode) => n.stats.reads.length;
    expect(pageReads(node)).toBeLessThanOrEqual(pageReads(referenceNode) + lendingConfig(node.url).concurrency!);
    expect(node.stats.skipUsed).toBe(0);
  }, 120_000);

  it('refuses --resume when there is nothing to resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contagion-resume-'));
    const node = await lendingNode();
    nodes.push(node);
    const configPath = join(dir, 'c.json');
    writeFileSync(configPath, JSON.stringify(lendingConfig(node.url)));
    const out = await contagion(['index', '--config', configPath, '--db', join(dir, 'x.duckdb'), '--resume']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/--resume: no interrupted run to continue/);
  }, 60_000);
});
