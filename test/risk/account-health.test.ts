import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountHealth, summarizeSnapshot } from '../../src/risk/index.js';
import { importDirectory, loadSnapshot, openDatabase, type Database } from '../../src/store/index.js';
import type { EcosystemSnapshot } from '../../src/model/ecosystem.js';

let db: Database;
let snapshot: EcosystemSnapshot;
beforeAll(async () => {
  db = await openDatabase(':memory:');
  await importDirectory(db, 'test/fixtures/hand-written');
  snapshot = await loadSnapshot(db.connection, 1);
});
afterAll(() => db.close());

describe('account health on the hand-written fixture', () => {
  it('computes Aave-style health factors per risk account', () => {
    // Risk accounts in load order: lender-a/0xaaa, lender-b/0xaaa, lender-b/0xbbb.
    const health = accountHealth(snapshot);
    expect(health.healthFactor[0]).toBeCloseTo((10 * 2000 * 0.83) / 15_000, 12); // 1.10667
    expect(health.healthFactor[1]).toBe(Infinity); // collateral only
    expect(health.healthFactor[2]).toBeCloseTo((5.5 * 2000 * 0.85) / 9000.25, 12); // 1.03886
    expect(Array.from(health.collateralUsd)).toEqual([20_000, 2_000, 11_000]);
  });

  it('re-prices at other prices', () => {
    const prices = Float64Array.from(snapshot.assets.priceUsd);
    prices[snapshot.assets.symbol.indexOf('WETH')] = 1000;
    expect(accountHealth(snapshot, prices).healthFactor[0]).toBeCloseTo((10 * 1000 * 0.83) / 15_000, 12);
  });

  it('summarises per protocol and asset', () => {
    const summary = summarizeSnapshot(snapshot);
    const [a, b] = summary.protocols;
    expect(a).toMatchObject({ protocol: 'lender-a', riskAccounts: 1, borrowers: 1, collateralUsd: 20_000, debtUsd: 15_000, borrowersBelowHf1_1: 0 });
    expect(b).toMatchObject({ protocol: 'lender-b', riskAccounts: 2, borrowers: 1, collateralUsd: 13_000, debtUsd: 9000.25, borrowersBelowHf1_1: 1, debtBelowHf1_1Usd: 9000.25 });
    expect(b!.minHealthFactor).toBeCloseTo(1.03886, 5);
    const weth = summary.assets.find((r) => r.symbol === 'WETH')!;
    expect(weth).toMatchObject({ collateralUsd: 33_000, debtUsd: 0, poolDepthUsd: 2_000_000 });
    expect(summary.debtUsd).toBe(24_000.25);
  });
});
