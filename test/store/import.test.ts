import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  ImportError,
  importDirectory,
  latestSnapshotId,
  loadSnapshot,
  openDatabase,
  readImportDirectory,
  writeSnapshot,
  type Database,
} from '../../src/store/index.js';

const FIXTURE = 'test/fixtures/hand-written';
const TABLES = ['snapshots', 'snapshot_blocks', 'protocols', 'assets', 'prices', 'markets', 'accounts', 'positions', 'liquidity', 'liquidators', 'liquidation_events'];
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function database(path = ':memory:'): Promise<Database> {
  const db = await openDatabase(path);
  open.push(db);
  return db;
}

/** A copy of the hand-written fixture in a temp dir, with one file replaced or edited. */
function fixtureWith(edits: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'contagion-import-'));
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
  }
  return dir;
}

/** Every row of every table, in a canonical order: equal fingerprints mean identical databases. */
async function fingerprint(connection: DuckDBConnection): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const reader = await connection.runAndReadAll(`SELECT * EXCLUDE (${table === 'snapshots' ? 'imported_at' : 'snapshot_id'}) FROM ${table} ORDER BY ALL`);
    parts.push(`${table}:${JSON.stringify(reader.getRowsJson())}`);
  }
  return parts.join('\n');
}

describe('contagion import', () => {
  it('imports the documented layout as written and reads it back', async () => {
    const db = await database();
    const result = await importDirectory(db, FIXTURE);
    expect(result).toMatchObject({ snapshotId: 1, created: true, counts: { assets: 2, protocols: 2, markets: 4, positions: 5, liquidity: 1 } });
    const snapshot = await loadSnapshot(db.connection, 1);
    expect(snapshot.assets.symbol).toEqual(['USDC', 'WETH']);
    expect(Array.from(snapshot.assets.priceUsd)).toEqual([1, 2000]);
    // 0xaaa uses both protocols: two risk accounts; 0xbbb one. Amounts are exact.
    expect(snapshot.accounts.account).toEqual(['0xaaa', '0xaaa', '0xbbb']);
    const positions = Array.from(snapshot.positions.amount);
    expect(positions).toContain(9000.25);
    expect(positions).toContain(5.5);
    expect(Array.from(snapshot.protocols.fullCloseBelowHf).map((v) => (Number.isNaN(v) ? null : v))).toEqual([0.95, null]);
  });

  it('is idempotent: importing the same directory again writes nothing', async () => {
    const db = await database();
    await importDirectory(db, FIXTURE);
    const before = await fingerprint(db.connection);
    const again = await importDirectory(db, FIXTURE);
    expect(again).toMatchObject({ snapshotId: 1, created: false });
    expect(await fingerprint(db.connection)).toBe(before);
  });

  it('keeps several snapshots side by side', async () => {
    const db = await database();
    await importDirectory(db, FIXTURE);
    const changed = fixtureWith({ 'assets.csv': (t) => t.replace('WETH,18,native,2000', 'WETH,18,native,1500') });
    expect((await importDirectory(db, changed)).snapshotId).toBe(2);
    expect(await latestSnapshotId(db.connection)).toBe(2);
    expect(Array.from((await loadSnapshot(db.connection, 1)).assets.priceUsd)).toEqual([1, 2000]);
    expect(Array.from((await loadSnapshot(db.connection, 2)).assets.priceUsd)).toEqual([1, 1500]);
  });

  it('keeps extra columns in the extra JSON column', async () => {
    const db = await database();
    const dir = fixtureWith({ 'positions.csv': (t) => t.replace('amount\n', 'amount,note\n').replace('lender-a,0xaaa,WETH,collateral,10\n', 'lender-a,0xaaa,WETH,collateral,10,whale\n') });
    await importDirectory(db, dir);
    const reader = await db.connection.runAndReadAll("SELECT extra->>'note' AS note FROM positions WHERE account = '0xaaa' AND asset = 'WETH' AND protocol = 'lender-a'");
    expect(reader.getRowObjectsJS()).toEqual([{ note: 'whale' }]);
  });

  const badRows: [string, Record<string, (t: string) => string>, RegExp][] = [
    ['a non-numeric amount', { 'positions.csv': (t) => t.replace('9000.25', '"9,000.25"') }, /positions\.csv line 5 field "amount": .* is not a decimal number/],
    ['too many decimals for the token', { 'positions.csv': (t) => t.replace('9000.25', '9000.1234567') }, /positions\.csv line 5 field "amount": 9000\.1234567 has 7 decimal places; the token allows 6/],
    ['an unknown asset', { 'positions.csv': (t) => t.replace('lender-b,0xbbb,WETH', 'lender-b,0xbbb,WBTC') }, /positions\.csv line 4 field "asset": "WBTC" is not an asset in assets\.csv/],
    ['an unknown side', { 'positions.csv': (t) => t.replace('0xbbb,USDC,debt', '0xbbb,USDC,borrow') }, /positions\.csv line 5 field "side": "borrow" is not one of collateral, debt/],
    ['a duplicate position', { 'positions.csv': (t) => `${t}lender-a,0xaaa,WETH,collateral,1\n` }, /positions\.csv line 7 field "account": duplicate position .* \(first on line 2\)/],
    ['a missing required column', { 'markets.csv': (t) => t.replace(',liquidation_bonus', ',bonus') }, /markets\.csv line 1 field "liquidation_bonus": required column is missing/],
    ['a threshold above 1', { 'markets.csv': (t) => t.replace('lender-b,WETH,0.8,0.85', 'lender-b,WETH,0.8,85') }, /markets\.csv line 4 field "liquidation_threshold": 85 is above the maximum 1/],
    ['an LTV above the threshold', { 'markets.csv': (t) => t.replace('lender-a,WETH,0.8,0.83', 'lender-a,WETH,0.9,0.83') }, /markets\.csv line 2 field "ltv": 0\.9 is above the liquidation threshold 0\.83/],
    ['an unknown asset kind', { 'assets.csv': (t) => t.replace('USDC,6,stable', 'USDC,6,stablecoin') }, /assets\.csv line 3 \(asset USDC\) field "kind": "stablecoin" is not one of native/],
    ['a zero price', { 'assets.csv': (t) => t.replace('USDC,6,stable,1', 'USDC,6,stable,0') }, /assets\.csv line 3 \(asset USDC\) field "price_usd": 0 must be greater than 0/],
    ['a close factor of 0', { 'protocols.csv': (t) => t.replace('lender-a,lending,0.5', 'lender-a,lending,0') }, /protocols\.csv line 2 field "close_factor": 0 must be greater than 0/],
    ['collateral without market parameters', { 'markets.csv': (t) => t.replace('lender-b,WETH,0.8,0.85,0.05\n', '') }, /positions\.csv line 4 field "asset": no markets\.csv row gives lender-b market WETH parameters for collateral WETH/],
    ['a short record', { 'liquidity.csv': (t) => `${t}WETH,curve,cpmm,10\n` }, /liquidity\.csv line 3 field "usd_reserve": is empty/],
    ['a long record', { 'liquidity.csv': (t) => `${t}WETH,curve,cpmm,10,20,30\n` }, /liquidity\.csv line 3: not valid CSV: Invalid Record Length/],
    ['an unknown pool model', { 'liquidity.csv': (t) => t.replace(',cpmm,', ',uniswap-v3,') }, /liquidity\.csv line 2 field "model": "uniswap-v3" is not one of cpmm/],
  ];

  it.each(badRows)('rejects %s, naming file, line and field, and leaves the database exactly as before', async (_what, edits, message) => {
    const path = join(mkdtempSync(join(tmpdir(), 'contagion-db-')), 'c.duckdb');
    const db = await database(path);
    await importDirectory(db, FIXTURE);
    const before = await fingerprint(db.connection);
    const bad = fixtureWith(edits);
    const error = await importDirectory(db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
    expect(await fingerprint(db.connection)).toBe(before);
  });

  it('requires a market for positions of an isolated-market protocol', () => {
    const dir = fixtureWith({ 'protocols.csv': (t) => t.replace('lender-b,lending,1,', 'lender-b,lending,1,,market').replace('full_close_below_hf', 'full_close_below_hf,isolation') });
    expect(() => readImportDirectory(dir)).toThrow(/markets\.csv line 4 field "market": protocol lender-b has isolated markets/);
  });

  it('rolls the whole snapshot back when the database rejects a row mid-write', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'contagion-db-')), 'c.duckdb');
    const db = await database(path);
    await importDirectory(db, FIXTURE);
    const before = await fingerprint(db.connection);
    // Bypass validation: a duplicated position violates the primary key after the snapshot,
    // protocols, assets, prices and markets rows were already appended in the transaction.
    const rows = readImportDirectory(fixtureWith({ 'assets.csv': (t) => t.replace('2000', '2100') }));
    rows.positions.push({ ...rows.positions[0]! });
    await expect(writeSnapshot(db.connection, rows)).rejects.toThrow(/writing table positions failed .*duplicate key "2, lender-a, 0xaaa, WETH, WETH, collateral"/);
    expect(await fingerprint(db.connection)).toBe(before);
    // And the file reopens cleanly with the previous snapshot intact.
    db.close();
    open.pop();
    const reopened = await database(path);
    expect(await fingerprint(reopened.connection)).toBe(before);
  });
});

describe('risk accounts of isolated-market protocols', () => {
  it('gives an account one risk account per market', async () => {
    const dir = fixtureWith({
      'protocols.csv': (t) => t.replace('full_close_below_hf', 'full_close_below_hf,isolation').replace('lender-a,lending,0.5,0.95', 'lender-a,lending,0.5,0.95,pooled').replace('lender-b,lending,1,', 'lender-b,lending,1,,market'),
      'markets.csv': (t) => `${t.replace('liquidation_bonus', 'liquidation_bonus,market').replace(/^(lender-b,WETH,.*)$/m, '$1,weth-usdc').replace(/^(lender-b,USDC,.*)$/m, '$1,weth-usdc').replace(/^(lender-a,.*)$/gm, '$1,')}lender-b,WETH,0.9,0.945,0.0168,weth-usdc-high\nlender-b,USDC,0,0,0,weth-usdc-high\n`,
      'positions.csv': (t) => `${t.replace('amount\n', 'amount,market\n').replace(/^(lender-a,.*)$/gm, '$1,').replace(/^(lender-b,.*)$/gm, '$1,weth-usdc')}lender-b,0xbbb,WETH,collateral,1,weth-usdc-high\nlender-b,0xbbb,USDC,debt,1000,weth-usdc-high\n`,
    });
    const db = await database();
    await importDirectory(db, dir);
    const snapshot = await loadSnapshot(db.connection, 1);
    expect(snapshot.accounts.account).toEqual(['0xaaa', '0xaaa', '0xbbb', '0xbbb']);
    expect(snapshot.accounts.market).toEqual([null, 'weth-usdc', 'weth-usdc', 'weth-usdc-high']);
    const start = snapshot.accounts.positionStart;
    // The high-LLTV market's collateral carries its own threshold.
    const high = Array.from({ length: start[4]! - start[3]! }, (_, k) => snapshot.positions.liquidationThreshold[start[3]! + k]);
    expect(high).toContain(0.945);
  });
});
