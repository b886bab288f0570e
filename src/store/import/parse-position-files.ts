import { POSITION_SIDES } from '../../model/ecosystem.js';
import type { AssetRow, MarketRow, PositionRow, ProtocolRow } from '../snapshot-rows.js';
import type { CsvFile } from './csv-file.js';
import { uniqueKey } from './parse-reference-files.js';

export const POSITION_COLUMNS = ['protocol', 'account', 'asset', 'side', 'amount'] as const;
const POSITION_KNOWN = [...POSITION_COLUMNS, 'market'];

/**
 * positions.csv: every row must point at a listed protocol, asset and market. A collateral row
 * needs market parameters for its own asset (a liquidation threshold to count it by); a debt row
 * only needs its market to exist in the protocol.
 */
export function parsePositions(
  file: CsvFile,
  protocols: Map<string, ProtocolRow>,
  assets: Map<string, AssetRow>,
  markets: readonly MarketRow[],
): PositionRow[] {
  const marketAssets = new Set(markets.map((m) => `${m.protocol}/${m.market}/${m.asset}`));
  const marketNames = new Set(markets.map((m) => `${m.protocol}/${m.market}`));
  const seen = new Map<string, number>();
  return file.rows.map((row): PositionRow => {
    const protocol = row.text('protocol');
    const owner = protocols.get(protocol) ?? row.fail('protocol', `${JSON.stringify(protocol)} is not a protocol in protocols.csv`);
    const account = row.text('account');
    const asset = row.text('asset');
    const token = assets.get(asset) ?? row.fail('asset', `${JSON.stringify(asset)} is not an asset in assets.csv`);
    const side = row.oneOf('side', POSITION_SIDES);
    const market =
      row.optionalText('market') ??
      (owner.isolation === 'market' ? row.fail('market', `protocol ${protocol} has isolated markets, so every position needs a market`) : asset);
    if (side !== 'debt' && !marketAssets.has(`${protocol}/${market}/${asset}`)) {
      row.fail('asset', `no markets.csv row gives ${protocol} market ${market} parameters for ${side} ${asset}`);
    }
    if (side === 'debt' && !marketNames.has(`${protocol}/${market}`)) {
      row.fail('market', `${protocol} has no market ${JSON.stringify(market)} in markets.csv`);
    }
    uniqueKey(seen, `${protocol}/${account}/${market}/${asset}/${side}`, row, 'account', 'position');
    return { protocol, account, market, asset, side, amount: row.decimalAmount('amount', token.decimals), extra: row.extras(POSITION_KNOWN) };
  });
}
