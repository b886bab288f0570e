import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountHealth } from '../../src/risk/index.js';
import { loadScenarios, openSnapshot, runScenarios, type OpenedSnapshot } from '../../src/pipeline/index.js';

let opened: OpenedSnapshot;
beforeAll(async () => {
  opened = await openSnapshot({ db: ':memory:', seedEmbedded: true });
});
afterAll(() => opened.database.close());

describe('embedded dataset (data/ecosystem)', () => {
  it('is exactly what the seeded generator produces', async () => {
    const out = mkdtempSync(join(tmpdir(), 'contagion-regen-'));
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/generate-ecosystem.ts', '--out', out], { maxBuffer: 16 * 1024 * 1024 });
    for (const file of readdirSync('data/ecosystem')) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join('data/ecosystem', file))), `${file} differs from a fresh generation`).toBe(true);
    }
  });

  it('has at least 4 protocols, the required assets and 5,000 risk accounts', () => {
    const { snapshot } = opened;
    expect(snapshot.protocols.name.length).toBeGreaterThanOrEqual(4);
    expect(snapshot.protocols.kind).toContain('options');
    expect(snapshot.options.optionId.length).toBeGreaterThan(100);
    expect(snapshot.priceHistory.asset.length).toBeGreaterThan(300);
    for (const symbol of ['ETH', 'WETH', 'wstETH', 'WBTC', 'USDC', 'USDT', 'DAI']) expect(snapshot.assets.symbol).toContain(symbol);
    expect(snapshot.assets.kind).toContain('governance');
    expect(snapshot.accounts.account.length).toBeGreaterThanOrEqual(5_000);
  });

  it('starts with every health factor ≥ 1, so the baseline liquidates nothing', () => {
    const { snapshot } = opened;
    const health = accountHealth(snapshot);
    expect(Math.min(...health.healthFactor)).toBeGreaterThanOrEqual(1);
    const [baseline] = runScenarios(snapshot, loadScenarios(['baseline']));
    expect(baseline!.result.liquidations).toBe(0);
  });

  it('cascades across protocols under the default scenario', () => {
    const [run] = runScenarios(opened.snapshot, loadScenarios(['eth-drop-30']));
    const result = run!.result;
    expect(result.rounds).toBeGreaterThan(1);
    const { name, kind } = opened.snapshot.protocols;
    const lending = name.filter((_, q) => kind[q] === 'lending');
    expect(lending.length).toBe(4);
    for (const protocol of lending) expect(result.liquidatedDebtUsdByProtocol[protocol], protocol).toBeGreaterThan(0);
    // WBTC is not shocked: it falls only because ETH liquidations seize and sell it.
    expect(result.shockedPrices.WBTC).toBe(opened.snapshot.assets.priceUsd[opened.snapshot.assets.symbol.indexOf('WBTC')]);
    expect(result.finalPrices.WBTC!).toBeLessThan(result.shockedPrices.WBTC!);
  });
});
