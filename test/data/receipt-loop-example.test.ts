import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../../src/model/ecosystem.js';
import { loadScenarios, runScenarios } from '../../src/pipeline/index.js';
import { accountHealth } from '../../src/risk/index.js';
import { importDirectory, loadSnapshot, openDatabase, type Database } from '../../src/store/index.js';

// data/examples/receipt-loop: imported into a temporary DuckDB file and read back, then the
// design its README describes checked against the data (no result numbers written down here).
const DIR = 'data/examples/receipt-loop';
const SCENARIO = `${DIR}/scenarios/receipt-run.json`;

let db: Database;
let snapshot: EcosystemSnapshot;
beforeAll(async () => {
  db = await openDatabase(join(mkdtempSync(join(tmpdir(), 'contagion-receipt-loop-')), 'example.duckdb'));
  const { snapshotId } = await importDirectory(db, DIR);
  snapshot = await loadSnapshot(db.connection, snapshotId);
});
afterAll(() => db.close());

const at = (symbol: string): number => snapshot.assets.symbol.indexOf(symbol);
const price = (symbol: string): number => snapshot.assets.priceUsd[at(symbol)]!;

/** Units of `asset` held as collateral in `protocol`, over all its accounts (or one). */
function collateral(protocol: string, asset: string, account?: string): number {
  const { accounts, positions, protocols } = snapshot;
  let units = 0;
  for (let i = 0; i < accounts.account.length; i++) {
    if (protocols.name[accounts.protocol[i]!] !== protocol || (account !== undefined && accounts.account[i] !== account)) continue;
    for (let p = accounts.positionStart[i]!; p < accounts.positionStart[i + 1]!; p++) {
      if (positions.side[p] === SIDE_COLLATERAL && positions.asset[p] === at(asset)) units += positions.amount[p]!;
    }
  }
  return units;
}

describe('receipt-loop example (data/examples/receipt-loop)', () => {
  it('loads back with its exchange rates, issuer and LP components intact', () => {
    const { assets } = snapshot;
    expect(assets.symbol).toEqual(['ETH', 'GOV', 'UNIV2-WETH-USDC', 'USDC', 'WETH', 'aWETH', 'wstETH']);
    expect(Array.from(assets.exchangeRate!, (r) => (Number.isNaN(r) ? null : r))).toEqual([null, null, null, null, null, 1, 1.15]);
    expect(assets.issuer).toEqual([null, null, null, null, null, 'lender-a', null]);
    expect(assets.lpComponents).toEqual([null, null, { symbol: ['WETH', 'USDC'], units: [0.02, 60], model: 'constant-product' }, null, null, null, null]);
    expect(assets.kind[at('aWETH')]).toBe('receipt');
    expect(assets.underlying[at('aWETH')]).toBe('WETH');
  });

  it('is consistent: prices match rates and components, aWETH in lender-b is WETH supplied to lender-a, nobody starts under water', () => {
    expect(price('wstETH')).toBeCloseTo(1.15 * price('ETH'), 9);
    expect(price('aWETH')).toBe(price('WETH'));
    expect(price('UNIV2-WETH-USDC')).toBeCloseTo(0.02 * price('WETH') + 60 * price('USDC'), 9);
    expect(collateral('lender-a', 'WETH', 'lender-b-pool')).toBe(collateral('lender-b', 'aWETH'));
    expect(collateral('lender-b', 'UNIV2-WETH-USDC')).toBeGreaterThan(0);
    expect(Math.min(...accountHealth(snapshot).healthFactor)).toBeGreaterThanOrEqual(1);
    expect(snapshot.accounts.account.length).toBeLessThan(50);
  });

  it('runs its scenario as the README describes: lender-a bad debt beyond its fund writes aWETH down, lender-b liquidates, ETH barely moves', () => {
    const [scenario] = loadScenarios([SCENARIO]);
    const [run] = runScenarios(snapshot, [scenario!]);
    const { result } = run!;
    const fund = snapshot.protocols.insuranceFundUsd[snapshot.protocols.name.indexOf('lender-a')]!;
    const badDebt = result.badDebtByProtocol['lender-a']!;
    expect(badDebt).toBeGreaterThan(fund);
    const uncovered = result.receipts!.uncoveredUsdByProtocol['lender-a']!;
    expect(uncovered).toBeCloseTo(badDebt - fund, 2);
    // The whole loss sits on the WETH reserve (GOV borrowers owe only WETH): haircut = uncovered / WETH supplied.
    const suppliedUsd = collateral('lender-a', 'WETH') * result.finalPrices.WETH!;
    expect(result.receipts!.writeDownBySymbol.aWETH).toBeCloseTo(uncovered / suppliedUsd, 6);
    expect(result.liquidatedDebtUsdByProtocol['lender-b']).toBeGreaterThan(0);
    expect(Math.abs(result.finalPrices.ETH! / price('ETH') - 1)).toBeLessThan(0.02);

    // Without the receipt channel the same shock leaves lender-b untouched.
    const [plain] = runScenarios(snapshot, [{ ...scenario!, model: { ...scenario!.model, receiptContagion: false } }]);
    expect(plain!.result.liquidatedDebtUsdByProtocol['lender-b']).toBe(0);
    expect(plain!.result.badDebtByProtocol['lender-a']).toBeCloseTo(badDebt, 2);
  });
});
