import type { AssetRow, OptionPositionRow, OptionRow, PriceHistoryRow, ProtocolRow } from '../snapshot-rows.js';
import type { CsvFile } from './csv-file.js';
import { uniqueKey } from './parse-reference-files.js';

export const OPTION_COLUMNS = ['protocol', 'option_id', 'underlying', 'option_type', 'strike_usd', 'expiry'] as const;
const OPTION_KNOWN = [...OPTION_COLUMNS, 'collateral_asset', 'mark_usd', 'implied_vol'];
export const OPTION_POSITION_COLUMNS = ['protocol', 'account', 'option_id', 'side', 'size'] as const;
export const PRICE_HISTORY_COLUMNS = ['asset', 'timestamp', 'price_usd'] as const;

/** options.csv: contracts of an options venue (a protocol of kind `options`). */
export function parseOptions(file: CsvFile | null, protocols: Map<string, ProtocolRow>, assets: Map<string, AssetRow>): OptionRow[] {
  if (file === null) return [];
  const seen = new Map<string, number>();
  return file.rows.map((row): OptionRow => {
    const protocol = row.text('protocol');
    const venue = protocols.get(protocol) ?? row.fail('protocol', `${JSON.stringify(protocol)} is not a protocol in protocols.csv`);
    if (venue.kind !== 'options') row.fail('protocol', `${protocol} is a ${venue.kind} protocol; options belong to a protocol of kind options`);
    const optionId = row.text('option_id');
    uniqueKey(seen, `${protocol}/${optionId}`, row, 'option_id', 'option');
    const underlying = row.text('underlying');
    if (!assets.has(underlying)) row.fail('underlying', `${JSON.stringify(underlying)} is not an asset in assets.csv`);
    const expiry = row.text('expiry');
    if (Number.isNaN(Date.parse(expiry))) row.fail('expiry', `${JSON.stringify(expiry)} is not an ISO 8601 time`);
    const collateral = row.optionalText('collateral_asset');
    if (collateral !== null && !assets.has(collateral)) row.fail('collateral_asset', `${JSON.stringify(collateral)} is not an asset in assets.csv`);
    return {
      protocol,
      optionId,
      underlying,
      optionType: row.oneOf('option_type', ['call', 'put'] as const),
      strikeUsd: row.number('strike_usd', { above: 0 }),
      expiry: new Date(expiry).toISOString(),
      collateralAsset: collateral,
      markUsd: row.optionalNumber('mark_usd', { min: 0 }),
      impliedVol: row.optionalNumber('implied_vol', { above: 0, max: 20 }),
      extra: row.extras(OPTION_KNOWN),
    };
  });
}

/** option_positions.csv: long or short holdings, in units of the underlying. */
export function parseOptionPositions(file: CsvFile | null, options: readonly OptionRow[]): OptionPositionRow[] {
  if (file === null) return [];
  const known = new Set(options.map((o) => `${o.protocol}/${o.optionId}`));
  const seen = new Map<string, number>();
  return file.rows.map((row): OptionPositionRow => {
    const protocol = row.text('protocol');
    const optionId = row.text('option_id');
    if (!known.has(`${protocol}/${optionId}`)) row.fail('option_id', `${protocol} has no option ${JSON.stringify(optionId)} in options.csv`);
    const account = row.text('account');
    const side = row.oneOf('side', ['long', 'short'] as const);
    uniqueKey(seen, `${protocol}/${account}/${optionId}/${side}`, row, 'account', 'option position');
    return { protocol, account, optionId, side, size: row.decimalAmount('size', 18), extra: row.extras(OPTION_POSITION_COLUMNS) };
  });
}

/** price_history.csv: past USD prices of assets (what dynamic margin fits its volatility models to). */
export function parsePriceHistory(file: CsvFile | null, assets: Map<string, AssetRow>): PriceHistoryRow[] {
  if (file === null) return [];
  const seen = new Map<string, number>();
  return file.rows.map((row): PriceHistoryRow => {
    const asset = row.text('asset');
    if (!assets.has(asset)) row.fail('asset', `${JSON.stringify(asset)} is not an asset in assets.csv`);
    const timestamp = row.text('timestamp');
    if (Number.isNaN(Date.parse(timestamp))) row.fail('timestamp', `${JSON.stringify(timestamp)} is not an ISO 8601 time`);
    const iso = new Date(timestamp).toISOString();
    uniqueKey(seen, `${asset}/${iso}`, row, 'timestamp', 'price for this asset and time');
    return { asset, timestamp: iso, priceUsd: row.number('price_usd', { above: 0 }), source: row.optionalText('source') ?? 'import' };
  });
}
