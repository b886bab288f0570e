import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EcosystemSnapshot } from '../../src/model/ecosystem.js';
import { runScenarios } from '../../src/pipeline/index.js';
import type { Scenario } from '../../src/scenarios/index.js';
import { importDirectory, loadSnapshot, openDatabase, type Database } from '../../src/store/index.js';

// test/fixtures/options-venue: a lender (100 WETH against 118,000 USDC, HF 1.44 at $2,000) and an
// options venue where 0xseller is short 800 ETH straddles (strike 2,000, 31 days, vol 50%) on 300
// WETH of margin (margin ratio 1.33 at the snapshot), facing a market maker long the same; one
// WETH pool of 2,000 WETH / $4M shared by both.
const open: Database[] = [];
afterAll(() => open.splice(0).forEach((db) => db.close()));

async function snapshotOf(dir: string): Promise<EcosystemSnapshot> {
  const db = await openDatabase(':memory:');
  open.push(db);
  await importDirectory(db, dir);
  return loadSnapshot(db.connection, 1);
}
const scenario = (spot: number, vol: number): Scenario => ({ name: `eth×${spot} vol×${vol}`, description: '', shocks: { ETH: spot, WETH: spot }, volShocks: { ETH: vol }, pegs: {}, model: {} });
const run = (snapshot: EcosystemSnapshot, spot: number, vol: number) => runScenarios(snapshot, [scenario(spot, vol)])[0]!.result;

describe('options venues inside the cascade', () => {
  it('liquidates nothing at snapshot prices and vols', async () => {
    const result = run(await snapshotOf('test/fixtures/options-venue'), 1, 1);
    expect(result.liquidations).toBe(0);
    expect(result.optionsVenues![0]!.liquidations).toBe(0);
  });

  it('closes out the short-straddle seller, whose WETH sale then liquidates the lender', async () => {
    const result = run(await snapshotOf('test/fixtures/options-venue'), 0.8, 1.5);
    const venue = result.optionsVenues![0]!;
    expect(venue.liquidatedAccounts).toEqual(['0xseller']);
    // Round 1: only the seller (the lender's HF at $1,600 is 160,000 × 0.85 / 118,000 = 1.153).
    expect(result.trace[0]!.liquidations).toBe(1);
    expect(result.trace[0]!.soldUnits.WETH).toBeGreaterThan(0);
    // Round 2: the seller's WETH sold into the shared pool pushed the lender under water.
    expect(result.events.map((e) => [e.round, e.account])).toEqual([[2, '0xlend']]);
    // The lender is under water below 118,000 / (100 × 0.85) = $1,388.24.
    expect(result.trace[1]!.prices.WETH).toBeLessThan(118_000 / 85);
    expect(result.trace[0]!.prices.WETH).toBeGreaterThan(118_000 / 85);
    expect(result.liquidatedDebtUsdByProtocol.venue).toBeCloseTo(venue.closedOptionsUsd, 6);
    expect(result.seizedCollateralUsdByProtocol.venue).toBeCloseTo(venue.collateralSoldUsd, 6);
  });

  it('leaves the lender alone when the seller posts stablecoins instead (no forced WETH sale)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contagion-options-'));
    cpSync('test/fixtures/options-venue', dir, { recursive: true });
    const positions = readFileSync(join(dir, 'positions.csv'), 'utf8').replace('venue,0xseller,WETH,collateral,300', 'venue,0xseller,USDC,collateral,582000');
    writeFileSync(join(dir, 'positions.csv'), positions);
    const result = run(await snapshotOf(dir), 0.8, 1.5);
    expect(result.optionsVenues![0]!.liquidatedAccounts).toEqual(['0xseller']);
    expect(result.trace[0]!.soldUnits.WETH).toBe(0);
    expect(result.events).toEqual([]);
    expect(result.finalPrices.WETH).toBeCloseTo(1600, 9);
  });

  it('closes more option value when vols are shocked harder', async () => {
    const snapshot = await snapshotOf('test/fixtures/options-venue');
    const closed = [1, 1.3, 1.6].map((vol) => run(snapshot, 0.9, vol).optionsVenues![0]!.closedOptionsUsd);
    expect(closed[0]).toBeGreaterThan(0);
    expect(closed[1]).toBeGreaterThan(closed[0]!);
    expect(closed[2]).toBeGreaterThan(closed[1]!);
  });

  it('covers a shortfall from the insurance fund first, then socialises it, to the cent', async () => {
    const result = run(await snapshotOf('test/fixtures/options-venue'), 0.5, 2);
    const venue = result.optionsVenues![0]!;
    expect(venue.shortfallUsd).toBeGreaterThan(1000);
    expect(venue.insuranceAbsorbedUsd).toBe(1000); // the fixture's whole fund
    const cents = (usd: number) => Math.round(usd * 100);
    expect(cents(venue.insuranceAbsorbedUsd) + cents(venue.socialisedUsd) + cents(venue.badDebtUsd)).toBe(cents(venue.shortfallUsd));
    expect(venue.socialisedUsd).toBeGreaterThan(0); // the market maker's equity bears the rest
    expect(result.badDebtByProtocol.venue).toBeCloseTo(venue.shortfallUsd, 2);
  });
});
