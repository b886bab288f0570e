/**
 * `--liquidity pools|curves` on run and rank, and a scenario's `model.liquidity`: on the embedded
 * dataset (every venue constant product) curves give the pools model's numbers; a bad value is
 * refused by name.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contagion } from '../helpers/cli.js';

const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'contagion-liquidity-')), 'test.duckdb');
const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

interface RunJson {
  options: { liquidity: string };
  totalBadDebtUsd: number;
  badDebtByProtocol: Record<string, number>;
  finalPrices: Record<string, number>;
}

describe('contagion run --liquidity on the embedded dataset', () => {
  const db = tempDb();
  beforeAll(async () => {
    expect((await contagion('import', 'data/ecosystem', '--db', db)).code).toBe(0);
  }, 120_000);

  it('runs with --liquidity curves, says so in the JSON options, and matches --liquidity pools there', async () => {
    const curves = await contagion('run', '--db', db, '--liquidity', 'curves', '--json');
    expect(curves.code).toBe(0);
    const routed = JSON.parse(curves.stdout) as RunJson;
    expect(routed.options.liquidity).toBe('curves');
    const pools = JSON.parse((await contagion('run', '--db', db, '--liquidity', 'pools', '--json')).stdout) as RunJson;
    expect(pools.options.liquidity).toBe('pools');
    expect(routed.totalBadDebtUsd).toBeGreaterThan(0);
    for (const [protocol, usd] of Object.entries(pools.badDebtByProtocol)) expect(relative(routed.badDebtByProtocol[protocol]!, usd), protocol).toBeLessThan(1e-9);
    for (const [asset, price] of Object.entries(pools.finalPrices)) expect(relative(routed.finalPrices[asset]!, price), asset).toBeLessThan(1e-9);
  });

  it('refuses a liquidity model it does not know, naming the flag and the choices', async () => {
    const out = await contagion('run', '--db', db, '--liquidity', 'foo', '--json');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/option '--liquidity <model>' argument 'foo' is invalid\. expected pools or curves, got "foo"/);
  });
});

describe('liquidity curves from a scenario, in the summary and in rank', () => {
  const db = tempDb();
  beforeAll(async () => {
    expect((await contagion('import', 'test/fixtures/hand-written', '--db', db)).code).toBe(0);
  }, 120_000);

  it('takes model.liquidity from a scenario file and describes the model it ran', async () => {
    const scenario = join(mkdtempSync(join(tmpdir(), 'contagion-scenario-')), 'weth-20-curves.json');
    writeFileSync(scenario, JSON.stringify({ name: 'weth-20-curves', shocks: { WETH: 0.8 }, model: { liquidity: 'curves' } }));
    const json = await contagion('run', '--db', db, '--scenario', scenario, '--json');
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as RunJson).options.liquidity).toBe('curves');
    const text = await contagion('run', '--db', db, '--scenario', scenario);
    expect(text.stdout).toMatch(/forced sales routed across each asset's indexed venues/);
    // The flag overrides the scenario.
    const flagged = await contagion('run', '--db', db, '--scenario', scenario, '--liquidity', 'pools');
    expect(flagged.stdout).toMatch(/forced sales priced on one constant-product pool per asset/);
  });

  it('ranks protocols with --liquidity curves', async () => {
    const out = await contagion('rank', '--db', db, '--scenario', 'baseline', '--liquidity', 'curves', '--json');
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as RunJson).options.liquidity).toBe('curves');
  });
});
