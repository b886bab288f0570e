import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
async function contagion(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(process.cwd(), 'bin', 'contagion.mjs'), ...args], { maxBuffer: 16 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('contagion price', () => {
  it('prints exactly price, delta, gamma, vega, theta, rho in JSON (Hull’s Greek-letters example)', async () => {
    // Hull, Options, Futures, and Other Derivatives, Greek letters chapter: S=49, K=50, r=5%,
    // σ=20%, T=20 weeks: price 2.40, Δ 0.522, Γ 0.066, vega 12.1, Θ −4.31 a year, ρ 8.91.
    const out = await contagion('price', '--type', 'call', '--spot', '49', '--strike', '50', '--expiry-years', String(20 / 52), '--vol', '0.2', '--rate', '0.05', '--json');
    expect(out.code, out.stderr).toBe(0);
    const quote = JSON.parse(out.stdout) as Record<string, number>;
    expect(Object.keys(quote)).toEqual(['price', 'delta', 'gamma', 'vega', 'theta', 'rho']);
    expect(quote.price).toBeCloseTo(2.4, 2);
    expect(quote.delta).toBeCloseTo(0.522, 3);
    expect(quote.gamma).toBeCloseTo(0.066, 3);
    expect(quote.vega).toBeCloseTo(12.1, 1);
    expect(quote.theta).toBeCloseTo(-4.31, 2);
    expect(quote.rho).toBeCloseTo(8.91, 2);
  });

  it('prices a jump-diffusion option, equal to BSM when the jump share is 0', async () => {
    const args = ['price', '--type', 'put', '--spot', '100', '--strike', '60', '--expiry-years', '0.25', '--vol', '0.6', '--json'];
    const plain = JSON.parse((await contagion(...args)).stdout) as Record<string, number>;
    const noJumps = JSON.parse((await contagion(...args, '--jump-intensity', '3', '--jump-vol-share', '0')).stdout) as Record<string, number>;
    const jumps = JSON.parse((await contagion(...args, '--jump-intensity', '3', '--jump-vol-share', '0.4')).stdout) as Record<string, number>;
    expect(noJumps.price).toBeCloseTo(plain.price!, 10);
    expect(noJumps.vega).toBeCloseTo(plain.vega!, 4);
    // Same total variance, fatter tails: a far out-of-the-money put (1.7 standard deviations) is worth more.
    expect(jumps.price).toBeGreaterThan(plain.price!);
  });

  it('prices every row of a CSV, one JSON object per line, and names a bad row and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contagion-price-'));
    writeFileSync(join(dir, 'ok.csv'), 'type,spot,strike,expiry-years,vol,rate\ncall,42,40,0.5,0.2,0.1\nput,42,40,0.5,0.2,0.1\n');
    const out = await contagion('price', '--csv', join(dir, 'ok.csv'));
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
    // Hull's S=42, K=40, r=10%, σ=20%, T=0.5: call 4.76, put 0.81.
    expect(lines.map((l) => Number(l.price!.toFixed(2)))).toEqual([4.76, 0.81]);
    writeFileSync(join(dir, 'bad.csv'), 'type,spot,strike,expiry-years,vol\ncall,42,40,0.5,0.2\ncall,42,-40,0.5,0.2\n');
    const bad = await contagion('price', '--csv', join(dir, 'bad.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv line 3: field "strike"/);
  });
});

describe('contagion margin', () => {
  it('lays open an options account: its grid, margin and the capital saving over strategy margin', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'contagion-margin-')), 'm.duckdb');
    expect((await contagion('import', 'test/fixtures/options-venue', '--db', db)).code).toBe(0);
    const out = await contagion('margin', '--db', db, '--account', '0xseller', '--json');
    expect(out.code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout) as { scenarios: { weightedLossUsd: number }[]; scenarioMarginUsd: number; maintenanceUsd: number; equityUsd: number; marginRatio: number; strategyMarginUsd: number; positions: unknown[] };
    expect(report.positions).toHaveLength(2);
    expect(report.scenarios).toHaveLength(23); // Derive PMRM
    expect(report.scenarioMarginUsd).toBeCloseTo(Math.max(...report.scenarios.map((s) => s.weightedLossUsd)), 6);
    expect(report.maintenanceUsd).toBeGreaterThan(report.scenarioMarginUsd); // plus the short-option contingency
    expect(report.marginRatio).toBeCloseTo(report.equityUsd / report.maintenanceUsd, 9);
    expect(report.strategyMarginUsd).toBeGreaterThan(report.maintenanceUsd); // a straddle: portfolio margin nets the legs
    const scenario = join(mkdtempSync(join(tmpdir(), 'contagion-scenario-')), 's.json');
    writeFileSync(scenario, JSON.stringify({ name: 'eth-20-vol-up', shocks: { ETH: 0.8, WETH: 0.8 }, volShocks: { ETH: 1.5 } }));
    const venueOut = await contagion('margin', '--db', db, '--venue', 'venue', '--scenario', scenario, '--json');
    expect(venueOut.code, venueOut.stderr).toBe(0);
    const venue = JSON.parse(venueOut.stdout) as { accountsBelowMaintenance: number; accounts: number; volSurfaces: { symbol: string; quotes: number }[] };
    expect(venue).toMatchObject({ accounts: 2, accountsBelowMaintenance: 1 });
    // One quote per strike and expiry: the out-of-the-money side only.
    expect(venue.volSurfaces).toEqual([expect.objectContaining({ symbol: 'ETH', quotes: 1 })]);
  });
});
