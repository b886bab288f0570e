import { LP_MODELS, type LpComponentSpec } from '../../model/ecosystem.js';
import type { AssetRow, ProtocolRow } from '../snapshot-rows.js';
import type { CsvFile } from './csv-file.js';
import type { CsvRow } from './csv-row.js';

/**
 * The derived-asset columns of `assets.csv` (docs/import-format.md), all optional:
 *
 *     exchange_rate   units of `underlying` one token redeems for, > 0 (wstETH: 1.15)
 *     issuer          the protocol in protocols.csv whose receipt token this is (aWETH: lender-a)
 *     lp_components   an LP or vault token's holdings per token: `WETH:0.5 USDC:900`
 *     lp_model        `constant-product` (the default with two components) or `basket`
 *
 * `readAssetDerivation` checks one row on its own; the names it holds are checked against the
 * other assets by `checkLpComponents` and, once protocols.csv is parsed, by `checkIssuers`.
 */
export const DERIVATION_COLUMNS = ['exchange_rate', 'issuer', 'lp_components', 'lp_model'] as const;

type Derivation = Required<Pick<AssetRow, 'exchangeRate' | 'issuer' | 'lpComponents'>>;

export function readAssetDerivation(row: CsvRow, symbol: string, underlying: string | null): Derivation {
  const exchangeRate = row.optionalNumber('exchange_rate', { above: 0 });
  if (exchangeRate !== null && underlying === null) row.fail('exchange_rate', 'needs an underlying: the rate counts units of it');
  const issuer = row.optionalText('issuer');
  if (issuer !== null && underlying === null) row.fail('issuer', 'needs an underlying: the reserve whose uncovered loss writes the token down');
  return { exchangeRate, issuer, lpComponents: readLpComponents(row, symbol) };
}

/** `lp_components` as `SYMBOL:UNITS` pairs separated by spaces, and its `lp_model`. */
function readLpComponents(row: CsvRow, own: string): LpComponentSpec | null {
  const text = row.optionalText('lp_components');
  if (text === null) {
    if (row.optionalText('lp_model') !== null) row.fail('lp_model', 'is given without lp_components');
    return null;
  }
  const symbol: string[] = [];
  const units: number[] = [];
  for (const pair of text.split(/\s+/)) {
    const colon = pair.lastIndexOf(':');
    const name = pair.slice(0, Math.max(colon, 0));
    const amount = pair.slice(colon + 1);
    if (colon <= 0 || amount === '') row.fail('lp_components', `${JSON.stringify(pair)} is not SYMBOL:UNITS (write "WETH:0.5 USDC:900")`);
    if (!/^\d+(\.\d+)?([eE][-+]?\d+)?$/.test(amount) || !(Number(amount) > 0) || !Number.isFinite(Number(amount))) {
      row.fail('lp_components', `component ${name} has units ${JSON.stringify(amount)}; units must be a number > 0`);
    }
    if (name === own) row.fail('lp_components', `lists the token itself (${name}) as a component`);
    if (symbol.includes(name)) row.fail('lp_components', `lists ${name} twice`);
    symbol.push(name);
    units.push(Number(amount));
  }
  const model = row.oneOf('lp_model', LP_MODELS, symbol.length === 2 ? 'constant-product' : 'basket');
  if (model === 'constant-product' && symbol.length !== 2) {
    row.fail('lp_model', `constant-product needs exactly 2 components; lp_components lists ${symbol.length} (${symbol.join(', ')}): use basket`);
  }
  return { symbol, units, model };
}

/** Every LP component names an asset of the same file. */
export function checkLpComponents(file: CsvFile, assets: readonly AssetRow[]): void {
  const symbols = new Set(assets.map((a) => a.symbol));
  assets.forEach((asset, i) => {
    for (const component of asset.lpComponents?.symbol ?? []) {
      if (!symbols.has(component)) labelled(file, i, asset).fail('lp_components', `component ${JSON.stringify(component)} is not an asset in assets.csv`);
    }
  });
}

/** Every issuer names a protocol of protocols.csv (checked once both files are parsed). */
export function checkIssuers(file: CsvFile, assets: readonly AssetRow[], protocols: ReadonlyMap<string, ProtocolRow>): void {
  assets.forEach((asset, i) => {
    const issuer = asset.issuer ?? null;
    if (issuer !== null && !protocols.has(issuer)) labelled(file, i, asset).fail('issuer', `${JSON.stringify(issuer)} is not a protocol in protocols.csv`);
  });
}

const labelled = (file: CsvFile, i: number, asset: AssetRow): CsvRow => file.rows[i]!.about(`asset ${asset.symbol}`);
