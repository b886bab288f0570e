/** The derived-pricing and receipt-contagion flags of `contagion run` and `contagion rank`, end to end on the embedded dataset. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contagion } from '../helpers/cli.js';


interface RunJson {
  options: { derivedPricing: null | { valuation: string; pegs: Record<string, number> }; receiptContagion: boolean };
  shockedPrices: Record<string, number>;
  snapshotPrices: Record<string, number>;
  liquidatedDebtUsdByProtocol: Record<string, number>;
  unliquidatedDebtUsd: number;
  receipts: null | { writeDownBySymbol: Record<string, number> };
}
// A private copy of the embedded dataset: the default database is shared with other test files.
const db = join(mkdtempSync(join(tmpdir(), 'contagion-derived-')), 'test.duckdb');
beforeAll(async () => {
  const imported = await contagion('import', 'data/ecosystem', '--db', db);
  expect(imported.code, imported.stderr).toBe(0);
}, 120_000);
const runJson = async (...args: string[]): Promise<RunJson> => {
  const out = await contagion('run', '--db', db, ...args, '--json');
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as RunJson;
};
const total = (byProtocol: Record<string, number>): number => Object.values(byProtocol).reduce((s, v) => s + v, 0);

describe('contagion run with derived pricing', () => {
  it('reads the steth-depeg scenario as an exchange-rate valuation, and --derived-pricing market overrides it', async () => {
    const fair = await runJson('--scenario', 'steth-depeg');
    const market = await runJson('--scenario', 'steth-depeg', '--derived-pricing', 'market');
    expect(fair.options.derivedPricing).toEqual({ valuation: 'exchange-rate', pegs: { wstETH: 0.94, cbETH: 0.97 } });
    expect(market.options.derivedPricing).toEqual({ valuation: 'market', pegs: { wstETH: 0.94, cbETH: 0.97 } });
    // ETH and WETH × 0.8, the LSTs follow ETH at their pegs: same targets under either valuation.
    for (const result of [fair, market]) {
      expect(result.shockedPrices.ETH).toBeCloseTo(result.snapshotPrices.ETH! * 0.8, 6);
      expect(result.shockedPrices.wstETH).toBeCloseTo(result.snapshotPrices.wstETH! * 0.8 * 0.94, 6);
      expect(result.shockedPrices.cbETH).toBeCloseTo(result.snapshotPrices.cbETH! * 0.8 * 0.97, 6);
    }
    // A market-reading oracle sees the depeg on every LST-collateralised loan; an exchange-rate one does not.
    expect(total(market.liquidatedDebtUsdByProtocol)).toBeGreaterThan(total(fair.liquidatedDebtUsdByProtocol));
  }, 120_000);

  it('applies --peg on top of a scenario that does not move the LSTs itself', async () => {
    const result = await runJson('--scenario', 'eth-drop-30', '--peg', 'wstETH=0.9', '--peg', 'cbETH=0.95');
    expect(result.options.derivedPricing).toEqual({ valuation: 'market', pegs: { wstETH: 0.9, cbETH: 0.95 } });
    // eth-drop-30 shocks WETH only: with derived pricing its alias group (ETH) and the LSTs follow.
    expect(result.shockedPrices.ETH).toBeCloseTo(result.snapshotPrices.ETH! * 0.7, 6);
    expect(result.shockedPrices.wstETH).toBeCloseTo(result.snapshotPrices.wstETH! * 0.7 * 0.9, 6);
  }, 60_000);

  it('refuses a peg on an asset that derives from nothing, and a malformed --peg, naming them', async () => {
    const root = await contagion('run', '--db', db, '--peg', 'USDC=0.9');
    expect(root.code).not.toBe(0);
    expect(root.stderr).toMatch(/pegs\.USDC/);
    const malformed = await contagion('run', '--db', db, '--peg', 'wstETH');
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toMatch(/--peg/);
    const valuation = await contagion('run', '--db', db, '--derived-pricing', 'oracle');
    expect(valuation.code).not.toBe(0);
    expect(valuation.stderr).toMatch(/--derived-pricing/);
  }, 60_000);

  it('reports receipt write-downs with --receipt-contagion (none: the embedded dataset has no receipt tokens)', async () => {
    const result = await runJson('--receipt-contagion', '--insurance');
    expect(result.options.receiptContagion).toBe(true);
    expect(result.options.derivedPricing).toEqual({ valuation: 'market', pegs: {} });
    expect(result.receipts).not.toBeNull();
    expect(result.receipts!.writeDownBySymbol).toEqual({});
  }, 60_000);
});

describe('contagion rank', () => {
  it('adds DebtRank and the clearing recovery rate per protocol, and the receipt-token network', async () => {
    const out = await contagion('rank', '--db', db, '--json');
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout) as {
      protocols: { protocol: string; debtRank: number; clearingRecoveryRate: number }[];
      network: { ids: string[]; exposures: unknown[]; paymentsUsd: number[]; obligationsUsd: number[]; defaults: string[] };
    };
    expect(json.network.ids.at(-1)).toBe('outside suppliers');
    expect(json.network.exposures).toEqual([]);
    for (const p of json.protocols) {
      expect(p.debtRank).toBe(0); // no protocol is exposed to another's receipt tokens
      expect(p.clearingRecoveryRate).toBeGreaterThan(0);
      expect(p.clearingRecoveryRate).toBeLessThanOrEqual(1);
    }
    json.network.paymentsUsd.forEach((paid, k) => expect(paid).toBeLessThanOrEqual(json.network.obligationsUsd[k]! * (1 + 1e-12)));
    const text = await contagion('rank', '--db', db);
    expect(text.stdout).toMatch(/DebtRank/);
    expect(text.stdout).toMatch(/no protocol holds another's receipt tokens/);
  }, 300_000);
});

describe('contagion twap-attack', () => {
  it('prints the cost of the push and the bad debt it unlocks, consistently, and names an asset without a pool', async () => {
    const out = await contagion('twap-attack', '--db', db, '--asset', 'UNI', '--move', '0.5', '--json');
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout) as { truePriceUsd: number; manipulatedPriceUsd: number; costUsd: number; unlockedBadDebtUsd: number; profitUsd: number; profitable: boolean; pool: { assetReserve: number; usdReserve: number } };
    expect(json.truePriceUsd).toBeCloseTo(json.pool.usdReserve / json.pool.assetReserve, 9);
    expect(json.manipulatedPriceUsd).toBeCloseTo(json.truePriceUsd * 1.5, 9);
    expect(json.profitUsd).toBeCloseTo(json.unlockedBadDebtUsd - json.costUsd, 3);
    expect(json.profitable).toBe(json.profitUsd > 0);
    const none = await contagion('twap-attack', '--db', db, '--asset', 'ETH');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/ETH has no DEX venue/);
  }, 60_000);
});
