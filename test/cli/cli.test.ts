import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'bin', 'contagion.mjs');

async function contagion(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'contagion-cli-')), 'test.duckdb');

describe('contagion CLI, end to end', () => {
  it('imports a hand-written directory and runs a scenario on it as JSON with the documented keys', async () => {
    const db = tempDb();
    const imported = await contagion('import', 'test/fixtures/hand-written', '--db', db);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/imported snapshot 1 .* 5 positions/);
    const scenario = join(mkdtempSync(join(tmpdir(), 'contagion-scenario-')), 'weth-20.json');
    writeFileSync(scenario, JSON.stringify({ name: 'weth-20', description: 'WETH −20%', shocks: { WETH: 0.8 } }));
    const out = await contagion('run', '--db', db, '--scenario', scenario, '--json');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as Record<string, unknown>;
    for (const key of ['rounds', 'totalBadDebtUsd', 'badDebtByProtocol', 'liquidatedDebtUsdByProtocol', 'seizedCollateralUsd', 'finalPrices', 'trace']) {
      expect(result).toHaveProperty(key);
    }
    expect(result.events).toBeUndefined();
    // Fixture: lender-a's 0xaaa holds 10 WETH (LT 0.83) against 15,000 USDC. At $1,600 its HF is
    // 0.8853 < 0.95: the whole debt is repaid and 15,750/1,600 WETH is sold into the 1,000-WETH pool.
    const liquidated = result.liquidatedDebtUsdByProtocol as Record<string, number>;
    expect(liquidated['lender-a']).toBeCloseTo(15_000, 6);
    expect(result.snapshotId).toBe(1);
    expect(Object.keys(result.finalPrices as object).sort()).toEqual(['USDC', 'WETH']);
  });

  it('runs on the snapshot --snapshot names, not only the newest', async () => {
    const db = tempDb();
    await contagion('import', 'test/fixtures/hand-written', '--db', db);
    const dir = mkdtempSync(join(tmpdir(), 'contagion-second-'));
    cpSync('test/fixtures/hand-written', dir, { recursive: true });
    writeFileSync(join(dir, 'assets.csv'), readFileSync(join(dir, 'assets.csv'), 'utf8').replace('WETH,18,native,2000', 'WETH,18,native,1000'));
    expect((await contagion('import', dir, '--db', db)).stdout).toMatch(/imported snapshot 2/);
    const newest = JSON.parse((await contagion('run', '--db', db, '--scenario', 'baseline', '--json')).stdout) as { snapshotId: number; finalPrices: Record<string, number> };
    const first = JSON.parse((await contagion('run', '--db', db, '--scenario', 'baseline', '--json', '--snapshot', '1')).stdout) as { snapshotId: number; finalPrices: Record<string, number> };
    expect(newest.snapshotId).toBe(2);
    expect(first.snapshotId).toBe(1);
    expect(first.finalPrices.WETH).toBe(2000);
  });

  it('fails a bad import with the file, line and field, exit code 1, and no snapshot written', async () => {
    const db = tempDb();
    const dir = mkdtempSync(join(tmpdir(), 'contagion-bad-'));
    cpSync('test/fixtures/hand-written', dir, { recursive: true });
    writeFileSync(join(dir, 'positions.csv'), `${readFileSync(join(dir, 'positions.csv'), 'utf8')}lender-a,0xccc,WETH,collateral,-3\n`);
    const out = await contagion('import', dir, '--db', db);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/positions\.csv line 7 field "amount": "-3" is not a decimal number/);
    const after = await contagion('run', '--db', db, '--json');
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/holds no snapshot/);
  });

  it('names an unknown scenario and an unknown shocked asset', async () => {
    const db = tempDb();
    await contagion('import', 'test/fixtures/hand-written', '--db', db);
    const unknown = await contagion('run', '--db', db, '--scenario', 'no-such-scenario');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no scenario "no-such-scenario"/);
    const wrongAsset = await contagion('run', '--db', db, '--scenario', 'crypto-crash');
    expect(wrongAsset.code).toBe(1);
    expect(wrongAsset.stderr).toMatch(/field "shocks\.(ETH|WBTC|wstETH|cbETH|LINK|UNI)": asset .* is not in the snapshot/);
  });

  it('writes the report files for several scenarios into --out', async () => {
    const db = tempDb();
    await contagion('import', 'test/fixtures/hand-written', '--db', db);
    const out = join(mkdtempSync(join(tmpdir(), 'contagion-report-')), 'r');
    const scenario = join(mkdtempSync(join(tmpdir(), 'contagion-scenario-')), 'weth-30.json');
    writeFileSync(scenario, JSON.stringify({ name: 'weth-30', shocks: { WETH: 0.7 } }));
    const result = await contagion('report', '--db', db, '--scenario', 'baseline', '--scenario', scenario, '--out', out);
    expect(result.code).toBe(0);
    for (const file of ['report.html', 'report.md', 'report.json', 'charts/price-path.svg']) expect(existsSync(join(out, file))).toBe(true);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { scenarios: { name: string }[] };
    expect(json.scenarios.map((s) => s.name)).toEqual(['baseline', 'weth-30']);
    expect(result.stdout).toMatch(/Scenario weth-30/);
  });
});

describe('contagion snapshots', () => {
  it('lists every snapshot with its totals per protocol, in the documented keys', async () => {
    const db = tempDb();
    await contagion('import', 'test/fixtures/graph-events', '--db', db);
    // A second snapshot: a supplied-but-not-collateral row and an account pushed under water.
    const dir = mkdtempSync(join(tmpdir(), 'contagion-supply-'));
    cpSync('test/fixtures/hand-written', dir, { recursive: true });
    writeFileSync(
      join(dir, 'positions.csv'),
      `${readFileSync(join(dir, 'positions.csv'), 'utf8').replace('lender-b,0xbbb,USDC,debt,9000.25', 'lender-b,0xbbb,USDC,debt,9400')}lender-a,0xddd,USDC,supply,2500\n`,
    );
    await contagion('import', dir, '--db', db);
    const out = await contagion('snapshots', '--db', db, '--json');
    expect(out.code).toBe(0);
    const [second, first] = JSON.parse(out.stdout) as { id: number; totals: Record<string, number>; protocols: ({ protocol: string } & Record<string, number>)[] }[];
    expect(first!.id).toBe(1);
    // Snapshot 1, by hand: lender-a 0xaaa 10 WETH ($20,000) vs 15,000 USDC; lender-b 0xaaa 1 WETH,
    // 0xbbb 5.5 WETH vs 9,000.25 USDC; 5 events (3 in lender-a), liquidators 0x11… (both), 0x22…, 0x33….
    expect(first!.protocols).toEqual([
      { protocol: 'lender-a', accounts: 1, openPositions: 2, collateralUsd: 20_000, suppliedNotCollateralUsd: 0, debtUsd: 15_000, accountsBelowHf1: 0, liquidations: 3, liquidators: 2 },
      { protocol: 'lender-b', accounts: 2, openPositions: 3, collateralUsd: 13_000, suppliedNotCollateralUsd: 0, debtUsd: 9000.25, accountsBelowHf1: 0, liquidations: 2, liquidators: 2 },
    ]);
    expect(first!.totals).toEqual({ accounts: 2, openPositions: 5, collateralUsd: 33_000, suppliedNotCollateralUsd: 0, debtUsd: 24_000.25, accountsBelowHf1: 0, liquidations: 5, liquidators: 3 });
    // Snapshot 2: 0xbbb's HF = 11,000 × 0.85 / 9,400 = 0.9947 < 1; 0xddd supplies $2,500 not as collateral.
    expect(second!.protocols.find((p) => p.protocol === 'lender-b')!.accountsBelowHf1).toBe(1);
    expect(second!.protocols.find((p) => p.protocol === 'lender-a')!).toMatchObject({ accounts: 2, suppliedNotCollateralUsd: 2_500, collateralUsd: 20_000 });
  });
});
