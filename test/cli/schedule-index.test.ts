import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScheduledRuns, openDatabase } from '../../src/store/index.js';
import { withChanges } from '../harness/data/index.js';
import type { FakeGraphNode } from '../harness/index.js';
import { contagion } from '../helpers/cli.js';
import { BLOCK, lendingData, lendingNode } from '../indexers/helpers/index-fixture.js';

describe('contagion schedule indexing from a loopback graph-node', () => {
  let dir: string;
  let node: FakeGraphNode;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contagion-schedule-index-'));
    node = await lendingNode();
  });
  afterAll(async () => {
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes before each run, compares the two runs, and records a failed run', async () => {
    const db = join(dir, 'indexed.duckdb');
    const config = join(dir, 'contagion.config.json');
    const scenario = join(dir, 'weth-drop-40.json');
    writeFileSync(scenario, JSON.stringify({ name: 'weth-drop-40', description: 'WETH and wstETH fall 40%', shocks: { WETH: 0.6, wstETH: 0.6 } }));
    writeFileSync(config, JSON.stringify({
      sources: [{ name: 'lend', schema: 'messari-lending', chain: 'ethereum', endpoint: node.url, pageSize: 200, closeFactor: 0.5, fullCloseBelowHf: 0.95 }],
      schedule: { scenarios: [scenario], alerts: { badDebtAboveUsd: 1e15 } },
    }));
    const run = () => contagion('schedule', '--cron', '0 */6 * * *', '--once', '--config', config, '--db', db, '--out', join(dir, 'reports'));
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('contagion schedule: indexed snapshot 1');

    // The chain moves on: at a later block every WETH price the subgraph reports is 20% lower.
    const later = withChanges(lendingData().entities, (draft) => {
      const weth = new Set(Object.entries(draft.Token ?? {}).filter(([, t]) => (t as Record<string, unknown>).symbol === 'WETH').map(([id]) => id));
      for (const market of Object.values(draft.Market ?? {})) {
        const m = market as Record<string, unknown>;
        if (weth.has(String(m.inputToken))) m.inputTokenPriceUSD = String(Number(m.inputTokenPriceUSD) * 0.8);
      }
    });
    node.store.load(later, BLOCK + 100, { mode: 'replace' });
    node.setHead(BLOCK + 100);
    const second = await run();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('contagion schedule: indexed snapshot 2');
    expect(second.stdout).toContain('bad debt under weth-drop-40 rose from $50,178 to $77,500; main driver: lend (+$27,322) (snapshot #1 → #2)');

    const database = await openDatabase(db);
    try {
      const runs = await listScheduledRuns(database.connection);
      expect(runs.map((r) => [r.runId, r.status, r.snapshotId, r.scenario])).toEqual([[1, 'ok', 1, 'weth-drop-40'], [2, 'ok', 2, 'weth-drop-40']]);
    } finally {
      database.close();
    }

    // A run that fails (a scenario this snapshot cannot take) is recorded as failed, and exits 1.
    writeFileSync(scenario, JSON.stringify({ name: 'weth-drop-40', description: 'bad', shocks: { ETH: 0.6 } }));
    const failed = await run();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('contagion schedule: run failed: contagion/scenarios: scenario weth-drop-40: field "shocks.ETH"');
    const after = await openDatabase(db);
    try {
      expect((await listScheduledRuns(after.connection)).map((r) => r.status)).toEqual(['ok', 'ok', 'failed']);
    } finally {
      after.close();
    }
  });

  it('when the subgraph is down, fails the run, or with onIndexFailure "use-last" reports on the last snapshot and alerts', async () => {
    const db = join(dir, 'outage.duckdb');
    const scenario = join(dir, 'weth-drop-30.json');
    writeFileSync(scenario, JSON.stringify({ name: 'weth-drop-30', description: 'WETH and wstETH fall 30%', shocks: { WETH: 0.7, wstETH: 0.7 } }));
    const source = (endpoint: string) => ({ name: 'lend', schema: 'messari-lending', chain: 'ethereum', endpoint, pageSize: 200, maxRetries: 0, closeFactor: 0.5 });
    const write = (file: string, endpoint: string, extra: Record<string, unknown>) =>
      writeFileSync(file, JSON.stringify({ sources: [source(endpoint)], retryBaseDelayMs: 0, schedule: { scenarios: [scenario], ...extra } }));
    const run = (file: string) => contagion('schedule', '--cron', '0 */6 * * *', '--once', '--config', file, '--db', db, '--out', join(dir, 'outage-reports'));
    const up = join(dir, 'up.json');
    write(up, node.url, {});
    expect((await run(up)).code).toBe(0);

    // A loopback port nobody listens on: the graph-node is down.
    const probe = createServer();
    await new Promise<void>((ready) => probe.listen(0, '127.0.0.1', ready));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((closed) => probe.close(() => closed()));
    const dead = `http://127.0.0.1:${deadPort}/subgraphs/name/lend`;

    const strict = join(dir, 'strict.json');
    write(strict, dead, {});
    const failed = await run(strict);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('contagion schedule: run failed');

    const lenient = join(dir, 'lenient.json');
    write(lenient, dead, { onIndexFailure: 'use-last', alerts: { snapshotOlderThanHours: 1e6 } });
    const degraded = await run(lenient);
    expect(degraded.code, degraded.stderr).toBe(3);
    expect(degraded.stderr).toContain('contagion schedule: indexing failed, reporting on the newest snapshot in the database');
    expect(degraded.stdout).toMatch(/alerts:\n  indexFailed: indexing failed \(.+\); this report uses the newest snapshot already in the database/);
    const database = await openDatabase(db);
    try {
      const runs = await listScheduledRuns(database.connection);
      expect(runs.map((r) => [r.runId, r.status, r.snapshotId])).toEqual([[1, 'ok', 1], [2, 'failed', null], [3, 'alert', 1]]);
    } finally {
      database.close();
    }
  });
});
