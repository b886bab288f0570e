import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, readImportDirectory } from '../../src/store/index.js';

// The derived-asset columns of assets.csv (docs/import-format.md): exchange_rate, issuer,
// lp_components, lp_model. The hand-written fixture's protocols are lender-a and lender-b.
const HEADER = 'symbol,decimals,kind,price_usd,underlying,exchange_rate,issuer,lp_components,lp_model';
const ROWS = {
  WETH: 'WETH,18,native,2000,,,,,',
  USDC: 'USDC,6,stable,1,,,,,',
  aWETH: 'aWETH,18,receipt,2000,WETH,1,lender-a,,',
  wstETH: 'wstETH,18,lst,2300,WETH,1.15,,,',
  LP: 'LP,18,lp,100,,,,WETH:0.025 USDC:50,',
};

/** The hand-written fixture with assets.csv replaced by ROWS, `edit` applied to the row of `symbol`. */
function withAssets(symbol?: keyof typeof ROWS, row?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'contagion-derived-'));
  cpSync('test/fixtures/hand-written', dir, { recursive: true });
  const rows = { ...ROWS, ...(symbol === undefined ? {} : { [symbol]: row }) };
  writeFileSync(join(dir, 'assets.csv'), `${[HEADER, ...Object.values(rows)].join('\n')}\n`);
  return dir;
}

function importError(dir: string): ImportError {
  try {
    readImportDirectory(dir);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('assets.csv derived-asset columns', () => {
  it('reads exchange rates, issuers and LP components, defaulting a two-component model to constant-product', () => {
    const rows = readImportDirectory(withAssets());
    const by = new Map(rows.assets.map((a) => [a.symbol, a]));
    expect(by.get('wstETH')).toMatchObject({ exchangeRate: 1.15, issuer: null, lpComponents: null });
    expect(by.get('aWETH')).toMatchObject({ exchangeRate: 1, issuer: 'lender-a', lpComponents: null });
    expect(by.get('LP')).toMatchObject({ exchangeRate: null, issuer: null, lpComponents: { symbol: ['WETH', 'USDC'], units: [0.025, 50], model: 'constant-product' } });
    expect(by.get('WETH')).toMatchObject({ exchangeRate: null, issuer: null, lpComponents: null, extra: null });
  });

  it('defaults any other number of components to a basket', () => {
    const rows = readImportDirectory(withAssets('LP', 'LP,18,lp,100,,,,WETH:0.01 USDC:20 wstETH:0.01,'));
    expect(rows.assets.find((a) => a.symbol === 'LP')!.lpComponents).toEqual({ symbol: ['WETH', 'USDC', 'wstETH'], units: [0.01, 20, 0.01], model: 'basket' });
  });

  const bad: [string, keyof typeof ROWS, string, string, RegExp][] = [
    ['a zero exchange rate', 'wstETH', 'wstETH,18,lst,2300,WETH,0,,,', 'exchange_rate', /0 must be greater than 0/],
    ['a negative exchange rate', 'wstETH', 'wstETH,18,lst,2300,WETH,-1.15,,,', 'exchange_rate', /-1\.15 must be greater than 0/],
    ['an exchange rate in words', 'wstETH', 'wstETH,18,lst,2300,WETH,high,,,', 'exchange_rate', /"high" is not a number/],
    ['an exchange rate without an underlying', 'wstETH', 'wstETH,18,lst,2300,,1.15,,,', 'exchange_rate', /needs an underlying/],
    ['an unknown issuer', 'aWETH', 'aWETH,18,receipt,2000,WETH,1,aave-v9,,', 'issuer', /"aave-v9" is not a protocol in protocols\.csv/],
    ['an issuer without an underlying', 'aWETH', 'aWETH,18,receipt,2000,,,lender-a,,', 'issuer', /needs an underlying/],
    ['an LP component that is not an asset', 'LP', 'LP,18,lp,100,,,,WETH:0.025 DAI:50,', 'lp_components', /component "DAI" is not an asset in assets\.csv/],
    ['zero units', 'LP', 'LP,18,lp,100,,,,WETH:0 USDC:50,', 'lp_components', /component WETH has units "0"; units must be a number > 0/],
    ['negative units', 'LP', 'LP,18,lp,100,,,,WETH:0.025 USDC:-50,', 'lp_components', /component USDC has units "-50"; units must be a number > 0/],
    ['units in words', 'LP', 'LP,18,lp,100,,,,WETH:half USDC:50,', 'lp_components', /component WETH has units "half"/],
    ['a pair without a colon', 'LP', 'LP,18,lp,100,,,,WETH0.025 USDC:50,', 'lp_components', /"WETH0\.025" is not SYMBOL:UNITS/],
    ['a component listed twice', 'LP', 'LP,18,lp,100,,,,WETH:0.025 WETH:0.01,', 'lp_components', /lists WETH twice/],
    ['the token as its own component', 'LP', 'LP,18,lp,100,,,,LP:1 USDC:50,', 'lp_components', /lists the token itself/],
    ['constant-product with three components', 'LP', 'LP,18,lp,100,,,,WETH:0.01 USDC:20 wstETH:0.01,constant-product', 'lp_model', /constant-product needs exactly 2 components; lp_components lists 3/],
    ['an unknown LP model', 'LP', 'LP,18,lp,100,,,,WETH:0.025 USDC:50,curve', 'lp_model', /"curve" is not one of constant-product, basket/],
    ['an LP model without components', 'USDC', 'USDC,6,stable,1,,,,,basket', 'lp_model', /is given without lp_components/],
  ];

  it.each(bad)('rejects %s, naming the file, line, asset and field', (_what, symbol, row, field, problem) => {
    const error = importError(withAssets(symbol, row));
    const line = Object.keys(ROWS).indexOf(symbol) + 2;
    expect(error.message).toContain(`assets.csv line ${line} (asset ${symbol}) field "${field}": `);
    expect(error.message).toMatch(problem);
    expect(error).toMatchObject({ file: 'assets.csv', line, field, record: `asset ${symbol}` });
  });
});
