import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScheduledRuns, openDatabase } from '../../src/store/index.js';
import { contagion } from '../helpers/cli.js';

const CRON = '0 */6 * * *';
const SECRET = 's3cret-hook-token';

describe('contagion schedule', () => {
  let dir: string;
  let db: string;
  let config: string;
  let server: Server;
  const received: { path: string; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contagion-schedule-'));
    db = join(dir, 'runs.duckdb');
    // Loopback receiver for the alert webhook; the URL carries a secret that must never be printed.
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ path: request.url ?? '', body: JSON.parse(text) as Record<string, unknown> });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    config = join(dir, 'contagion.config.json');
    writeFileSync(config, JSON.stringify({
      schedule: {
        scenarios: ['eth-drop-30'],
        alerts: { badDebtAboveUsd: 1e12, depthDropAbove: 0.3 },
        webhook: { url: `http://127.0.0.1:${port}/hook/${SECRET}`, timeoutMs: 5000 },
      },
    }));
    const imported = await contagion('import', 'data/ecosystem', '--db', db);
    expect(imported.code, imported.stderr).toBe(0);
  });

  afterAll(async () => {
    await new Promise<void>((closed) => server.close(() => closed()));
    rmSync(dir, { recursive: true, force: true });
  });

  const schedule = (): ReturnType<typeof contagion> =>
    contagion('schedule', '--cron', CRON, '--once', '--config', config, '--db', db, '--out', join(dir, 'reports'));

  it('records two runs, states what changed, fires the depth alert and posts it to the webhook', async () => {
    const first = await schedule();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('run 1: report written to');
    expect(first.stdout).toContain('no earlier run to compare with');

    // The next snapshot: the same ecosystem with WETH's DEX depth halved.
    const thinner = join(dir, 'ecosystem-thin');
    cpSync('data/ecosystem', thinner, { recursive: true });
    const liquidity = join(thinner, 'liquidity.csv');
    writeFileSync(liquidity, readFileSync(liquidity, 'utf8').replace('WETH,dex-aggregate,cpmm,390000,708573448.46', 'WETH,dex-aggregate,cpmm,195000,354286724.23'));
    const imported = await contagion('import', thinner, '--db', db);
    expect(imported.code, imported.stderr).toBe(0);

    const second = await schedule();
    expect(second.code, second.stderr).toBe(3);
    expect(second.stdout).toContain('bad debt under eth-drop-30 rose from $232,883,662 to $350,484,270; main driver: aave-v3 (+$69,230,013) (snapshot #1 → #2)');
    expect(second.stdout).toContain('DEX depth of WETH fell 50% from $708,573,448 to $354,286,724');
    expect(second.stdout).toContain('depthDropAbove: DEX depth of WETH fell 50.0% since the last run');
    expect(`${first.stdout}${first.stderr}${second.stdout}${second.stderr}`).not.toContain(SECRET);
    expect(second.stderr).toContain('alert webhook delivered (HTTP 204, 1 attempt)');

    expect(received).toHaveLength(1);
    const [post] = received;
    expect(post!.path).toBe(`/hook/${SECRET}`);
    expect(post!.body).toMatchObject({ source: 'contagion', event: 'alert', runId: 2, snapshotId: 2 });
    expect(post!.body.alerts).toEqual([expect.objectContaining({ rule: 'depthDropAbove', subject: 'WETH', threshold: 0.3 })]);
    expect((post!.body.changes as string[])[0]).toMatch(/^bad debt under eth-drop-30 rose/);

    const database = await openDatabase(db);
    try {
      const runs = await listScheduledRuns(database.connection);
      expect(runs.map((r) => [r.runId, r.status, r.snapshotId, r.scenario, r.alertCount])).toEqual([
        [1, 'ok', 1, 'eth-drop-30', 0],
        [2, 'alert', 2, 'eth-drop-30', 1],
      ]);
      expect(runs[1]!.totalBadDebtUsd!).toBeGreaterThan(runs[0]!.totalBadDebtUsd!);
    } finally {
      database.close();
    }

    const reports = readdirSync(join(dir, 'reports')).sort();
    expect(reports).toHaveLength(2);
    const changes = readFileSync(join(dir, 'reports', reports[1]!, 'changes.md'), 'utf8');
    expect(changes).toContain('bad debt under eth-drop-30 rose');
    expect(changes).toMatch(/\| 2 \| .* \| alert \| #2 \| eth-drop-30 \|/);

    // The report itself carries the trend and the diff, in every format.
    const latest = join(dir, 'reports', reports[1]!);
    const html = readFileSync(join(latest, 'report.html'), 'utf8');
    expect(html).toContain('<section id="history">');
    expect(html).toContain('Run #2 compared with run #1, the previous run that did not fail.');
    expect(html).toContain('bad debt under eth-drop-30 rose from $232,883,662 to $350,484,270; main driver: aave-v3');
    expect(html).toContain('id="chart-run-trend"');
    expect(html).toMatch(/<td[^>]*>2 \(this run\)<\/td>/);
    const md = readFileSync(join(latest, 'report.md'), 'utf8');
    expect(md).toContain('## Since the last run');
    expect(md).toContain('![Trend over scheduled runs](charts/run-trend.svg)');
    expect(md).toMatch(/\| depthDropAbove \| WETH \| 0\.5 \| 0\.3 \|/);
    const json = JSON.parse(readFileSync(join(latest, 'report.json'), 'utf8')) as { history: { currentRunId: number; previousRunId: number; trend: { runId: number; totalBadDebtUsd: number }[]; runs: unknown[] } };
    expect(json.history.currentRunId).toBe(2);
    expect(json.history.previousRunId).toBe(1);
    expect(json.history.runs).toHaveLength(2);
    expect(json.history.trend.map((p) => p.runId)).toEqual([1, 2]);
    expect(json.history.trend[1]!.totalBadDebtUsd).toBeGreaterThan(json.history.trend[0]!.totalBadDebtUsd);
    // The first run's report had nothing to compare with.
    const firstHtml = readFileSync(join(dir, 'reports', reports[0]!, 'report.html'), 'utf8');
    expect(firstHtml).toContain('Run #1 is the first recorded run that did not fail');
  });

  it('posts a failed run to the webhook, retrying a receiver that answers 503 first', async () => {
    const posts: { status: number; body: Record<string, unknown> }[] = [];
    const flaky = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        const status = posts.length === 0 ? 503 : 204;
        posts.push({ status, body: JSON.parse(text) as Record<string, unknown> });
        response.writeHead(status, status === 503 ? { 'retry-after': '0' } : {}).end();
      });
    });
    await new Promise<void>((ready) => flaky.listen(0, '127.0.0.1', ready));
    try {
      const { port } = flaky.address() as AddressInfo;
      const failing = join(dir, 'failing.json');
      writeFileSync(failing, JSON.stringify({
        schedule: { scenarios: ['no-such-scenario'], webhook: { url: `http://127.0.0.1:${port}/hook/${SECRET}`, retries: 2, retryDelayMs: 10 } },
      }));
      const failedDb = join(dir, 'failed.duckdb');
      expect((await contagion('import', 'data/ecosystem', '--db', failedDb)).code).toBe(0);
      const failed = await contagion('schedule', '--cron', CRON, '--once', '--config', failing, '--db', failedDb, '--out', join(dir, 'failed-reports'));
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('no scenario "no-such-scenario"');
      expect(failed.stderr).toContain('failed webhook delivered (HTTP 204, 2 attempts)');
      expect(`${failed.stdout}${failed.stderr}`).not.toContain(SECRET);
      expect(posts.map((p) => p.status)).toEqual([503, 204]);
      expect(posts[1]!.body).toMatchObject({ source: 'contagion', event: 'failed', runId: 1 });
      expect(posts[1]!.body.error).toContain('no-such-scenario');
      const database = await openDatabase(failedDb);
      try {
        expect((await listScheduledRuns(database.connection)).map((r) => [r.runId, r.status])).toEqual([[1, 'failed']]);
      } finally {
        database.close();
      }
    } finally {
      await new Promise<void>((closed) => flaky.close(() => closed()));
    }
  });

  it('refuses a run while another live process holds the lock', async () => {
    const lock = `${db}.schedule.lock`;
    writeFileSync(lock, JSON.stringify({ pid: process.pid, startedAt: '2026-01-01T00:00:00.000Z' }));
    try {
      const refused = await schedule();
      expect(refused.code).toBe(4);
      expect(refused.stderr).toContain(`another scheduled run (pid ${process.pid}`);
      expect(refused.stderr).toContain('refused, not interleaved');
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it('rejects a bad cron expression and a bad schedule section', async () => {
    const badCron = await contagion('schedule', '--cron', 'every tuesday', '--once', '--config', config, '--db', db);
    expect(badCron.code).toBe(1);
    expect(badCron.stderr).toContain('--cron "every tuesday"');
    const badConfig = join(dir, 'bad.json');
    writeFileSync(badConfig, JSON.stringify({ schedule: { alerts: { depthDropAbove: 2 } } }));
    const bad = await contagion('schedule', '--cron', CRON, '--once', '--config', badConfig, '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('field "schedule.alerts.depthDropAbove"');
    expect(existsSync(`${db}.schedule.lock`)).toBe(false);
  });

  it('in cron mode runs on the schedule, skips overlapping ticks and stops on SIGINT', async () => {
    const cronDb = join(dir, 'cron.duckdb');
    expect((await contagion('import', 'data/ecosystem', '--db', cronDb)).code).toBe(0);
    const child = spawn(process.execPath, ['bin/contagion.mjs', 'schedule', '--cron', '* * * * * *', '--config', config, '--db', cronDb, '--out', join(dir, 'cron-reports')]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const deadline = Date.now() + 40_000;
    while (!stdout.includes('run 1: report written') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(0);
    expect(stdout).toContain('run 1: report written');
    expect(stderr).toContain('"* * * * * *", next run at');
    expect(stderr).toContain('contagion schedule: stopped');
    expect(stderr).toContain('previous run still going; this tick skipped');
    expect(existsSync(`${cronDb}.schedule.lock`)).toBe(false);
  }, 60_000);
});
