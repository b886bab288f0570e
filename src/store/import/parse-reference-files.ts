import { ImportError } from '../errors.js';
import { ASSET_KINDS, ISOLATION_MODES, PROTOCOL_KINDS } from '../../model/ecosystem.js';
import type { AssetRow, MarketRow, ProtocolRow } from '../snapshot-rows.js';
import type { CsvFile } from './csv-file.js';
import type { CsvRow } from './csv-row.js';
import { checkLpComponents, DERIVATION_COLUMNS, readAssetDerivation } from './parse-asset-derivation.js';

export const ASSET_COLUMNS = ['symbol', 'decimals', 'kind', 'price_usd'] as const;
const ASSET_KNOWN = [...ASSET_COLUMNS, 'underlying', 'price_source', 'address', 'chain', ...DERIVATION_COLUMNS];
export const PROTOCOL_COLUMNS = ['protocol', 'kind', 'close_factor', 'full_close_below_hf'] as const;
const PROTOCOL_KNOWN = [...PROTOCOL_COLUMNS, 'isolation', 'chain', 'insurance_fund_usd'];
export const MARKET_COLUMNS = ['protocol', 'asset', 'ltv', 'liquidation_threshold', 'liquidation_bonus'] as const;
const MARKET_KNOWN = [...MARKET_COLUMNS, 'market', 'close_factor', 'supply_cap', 'borrow_cap'];

/** Fails on the second row carrying an already-seen key, naming both lines. */
export function uniqueKey(seen: Map<string, number>, key: string, row: CsvRow, field: string, what: string): void {
  const first = seen.get(key);
  if (first !== undefined) row.fail(field, `duplicate ${what} ${JSON.stringify(key)} (first on line ${first})`);
  seen.set(key, row.line);
}

export function parseAssets(file: CsvFile): AssetRow[] {
  const seen = new Map<string, number>();
  const assets = file.rows.map((unnamed): AssetRow => {
    const symbol = unnamed.text('symbol');
    uniqueKey(seen, symbol, unnamed, 'symbol', 'asset');
    const row = unnamed.about(`asset ${symbol}`);
    const underlying = row.optionalText('underlying');
    return {
      symbol,
      decimals: row.integer('decimals', 0, 36),
      kind: row.oneOf('kind', ASSET_KINDS),
      priceUsd: row.number('price_usd', { above: 0 }),
      priceSource: row.optionalText('price_source') ?? 'import',
      underlying,
      address: row.optionalText('address'),
      chain: row.optionalText('chain'),
      extra: row.extras(ASSET_KNOWN),
      ...readAssetDerivation(row, symbol, underlying),
    };
  });
  file.rows.forEach((row, i) => {
    const { symbol, underlying } = assets[i]!;
    if (underlying !== null && !seen.has(underlying)) row.about(`asset ${symbol}`).fail('underlying', `${JSON.stringify(underlying)} is not an asset in assets.csv`);
  });
  checkLpComponents(file, assets);
  if (assets.length === 0) throw new ImportError(file.name, null, null, 'has no rows');
  return assets;
}

export function parseProtocols(file: CsvFile): ProtocolRow[] {
  const seen = new Map<string, number>();
  return file.rows.map((row): ProtocolRow => {
    const protocol = row.text('protocol');
    uniqueKey(seen, protocol, row, 'protocol', 'protocol');
    return {
      protocol,
      kind: row.oneOf('kind', PROTOCOL_KINDS),
      chain: row.optionalText('chain'),
      isolation: row.oneOf('isolation', ISOLATION_MODES, 'pooled'),
      closeFactor: row.number('close_factor', { above: 0, max: 1 }),
      fullCloseBelowHf: row.optionalNumber('full_close_below_hf', { above: 0, max: 1 }),
      insuranceFundUsd: row.optionalNumber('insurance_fund_usd', { min: 0 }),
      extra: row.extras(PROTOCOL_KNOWN),
    };
  });
}

export function parseMarkets(file: CsvFile, protocols: Map<string, ProtocolRow>, assets: Map<string, AssetRow>): MarketRow[] {
  const seen = new Map<string, number>();
  return file.rows.map((row): MarketRow => {
    const protocol = row.text('protocol');
    const owner = protocols.get(protocol) ?? row.fail('protocol', `${JSON.stringify(protocol)} is not a protocol in protocols.csv`);
    const asset = row.text('asset');
    if (!assets.has(asset)) row.fail('asset', `${JSON.stringify(asset)} is not an asset in assets.csv`);
    const market = row.optionalText('market') ?? (owner.isolation === 'market' ? row.fail('market', `protocol ${protocol} has isolated markets, so every row needs a market name`) : asset);
    uniqueKey(seen, `${protocol}/${market}/${asset}`, row, 'asset', 'market row');
    const liquidationThreshold = row.number('liquidation_threshold', { min: 0, max: 1 });
    const ltv = row.number('ltv', { min: 0, max: 1 });
    if (ltv > liquidationThreshold) row.fail('ltv', `${ltv} is above the liquidation threshold ${liquidationThreshold}`);
    return {
      protocol,
      market,
      asset,
      ltv,
      liquidationThreshold,
      liquidationBonus: row.number('liquidation_bonus', { min: 0, below: 1 }),
      closeFactor: row.optionalNumber('close_factor', { above: 0, max: 1 }),
      supplyCap: row.optionalNumber('supply_cap', { min: 0 }),
      borrowCap: row.optionalNumber('borrow_cap', { min: 0 }),
      extra: row.extras(MARKET_KNOWN),
    };
  });
}
