import type { AssetRow, LiquidationEventRow, LiquidatorRow, LiquidityRow, ProtocolRow } from '../snapshot-rows.js';
import type { CsvFile } from './csv-file.js';
import { uniqueKey } from './parse-reference-files.js';

export const LIQUIDITY_COLUMNS = ['asset', 'venue', 'model', 'asset_reserve', 'usd_reserve'] as const;
export const LIQUIDATOR_COLUMNS = ['liquidator'] as const;
export const EVENT_COLUMNS = ['protocol', 'tx_hash', 'log_index', 'liquidator', 'account', 'collateral_asset', 'debt_asset'] as const;
const EVENT_KNOWN = [...EVENT_COLUMNS, 'block_number', 'timestamp', 'collateral_amount', 'debt_amount', 'debt_repaid_usd'];

export function parseLiquidity(file: CsvFile | null, assets: Map<string, AssetRow>): LiquidityRow[] {
  if (file === null) return [];
  const seen = new Map<string, number>();
  return file.rows.map((row): LiquidityRow => {
    const asset = row.text('asset');
    if (!assets.has(asset)) row.fail('asset', `${JSON.stringify(asset)} is not an asset in assets.csv`);
    const venue = row.text('venue');
    uniqueKey(seen, `${asset}/${venue}`, row, 'venue', 'venue for this asset');
    return {
      asset,
      venue,
      model: row.oneOf('model', ['cpmm'] as const),
      assetReserve: row.number('asset_reserve', { above: 0 }),
      usdReserve: row.number('usd_reserve', { above: 0 }),
      extra: row.extras(LIQUIDITY_COLUMNS),
    };
  });
}

export function parseLiquidators(file: CsvFile | null): LiquidatorRow[] {
  if (file === null) return [];
  const seen = new Map<string, number>();
  return file.rows.map((row): LiquidatorRow => {
    const liquidator = row.text('liquidator');
    uniqueKey(seen, liquidator, row, 'liquidator', 'liquidator');
    return { liquidator, label: row.optionalText('label'), extra: row.extras(['liquidator', 'label']) };
  });
}

export function parseLiquidationEvents(
  file: CsvFile | null,
  protocols: Map<string, ProtocolRow>,
  assets: Map<string, AssetRow>,
): LiquidationEventRow[] {
  if (file === null) return [];
  const seen = new Map<string, number>();
  return file.rows.map((row): LiquidationEventRow => {
    const protocol = row.text('protocol');
    if (!protocols.has(protocol)) row.fail('protocol', `${JSON.stringify(protocol)} is not a protocol in protocols.csv`);
    const assetOf = (field: string): AssetRow => {
      const symbol = row.text(field);
      return assets.get(symbol) ?? row.fail(field, `${JSON.stringify(symbol)} is not an asset in assets.csv`);
    };
    const collateral = assetOf('collateral_asset');
    const debt = assetOf('debt_asset');
    const txHash = row.text('tx_hash');
    const logIndex = row.integer('log_index', 0, 2 ** 31 - 1);
    uniqueKey(seen, `${protocol}/${txHash}/${logIndex}`, row, 'log_index', 'event');
    const timestamp = row.optionalText('timestamp');
    if (timestamp !== null && Number.isNaN(Date.parse(timestamp))) row.fail('timestamp', `${JSON.stringify(timestamp)} is not an ISO 8601 time`);
    const blockNumber = row.optionalNumber('block_number', { min: 0 });
    if (blockNumber !== null && !Number.isInteger(blockNumber)) row.fail('block_number', `${blockNumber} is not a whole number`);
    return {
      protocol,
      txHash,
      logIndex,
      blockNumber,
      timestamp: timestamp === null ? null : new Date(timestamp).toISOString(),
      liquidator: row.text('liquidator'),
      account: row.text('account'),
      collateralAsset: collateral.symbol,
      debtAsset: debt.symbol,
      collateralAmount: row.optionalText('collateral_amount') === null ? null : row.decimalAmount('collateral_amount', collateral.decimals),
      debtAmount: row.optionalText('debt_amount') === null ? null : row.decimalAmount('debt_amount', debt.decimals),
      debtRepaidUsd: row.optionalNumber('debt_repaid_usd', { min: 0 }),
      extra: row.extras(EVENT_KNOWN),
    };
  });
}
