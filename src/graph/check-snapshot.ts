import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { GraphError } from './errors.js';

type IndexColumn = ArrayLike<number>;

/**
 * Checks the cross-table indices the builder follows, once, up front: a snapshot built by hand or
 * by a loader with a bug would otherwise surface as `undefined` symbols deep in the graph.
 * O(rows), no allocation.
 */
export function checkSnapshot(snapshot: EcosystemSnapshot, priceUsd: Float64Array): void {
  const { assets, protocols, markets, accounts, positions, liquidity, liquidators, liquidationEvents: events } = snapshot;
  const nAssets = assets.symbol.length;
  const nProtocols = protocols.name.length;
  if (priceUsd.length !== nAssets) {
    throw new GraphError(`priceUsd has ${priceUsd.length} entries but assets has ${nAssets} rows`);
  }
  sameLength('assets', {
    symbol: assets.symbol, kind: assets.kind, underlying: assets.underlying, decimals: assets.decimals,
    ...(assets.exchangeRate === undefined ? {} : { exchangeRate: assets.exchangeRate }),
    ...(assets.issuer === undefined ? {} : { issuer: assets.issuer }),
    ...(assets.lpComponents === undefined ? {} : { lpComponents: assets.lpComponents }),
  });
  sameLength('markets', { protocol: markets.protocol, market: markets.market, asset: markets.asset, liquidationThreshold: markets.liquidationThreshold });
  sameLength('accounts', { protocol: accounts.protocol, account: accounts.account, market: accounts.market });
  sameLength('positions', { account: positions.account, asset: positions.asset, side: positions.side, amount: positions.amount, liquidationThreshold: positions.liquidationThreshold });
  sameLength('liquidity', { asset: liquidity.asset, venue: liquidity.venue, assetReserve: liquidity.assetReserve, usdReserve: liquidity.usdReserve });
  sameLength('liquidationEvents', { protocol: events.protocol, account: events.account, liquidator: events.liquidator, debtRepaidUsd: events.debtRepaidUsd });

  unique('assets', 'symbol', assets.symbol);
  unique('protocols', 'name', protocols.name);
  inRange('markets', 'protocol', markets.protocol, nProtocols);
  inRange('markets', 'asset', markets.asset, nAssets);
  inRange('accounts', 'protocol', accounts.protocol, nProtocols);
  inRange('positions', 'asset', positions.asset, nAssets);
  inRange('liquidity', 'asset', liquidity.asset, nAssets);
  inRange('liquidationEvents', 'protocol', events.protocol, nProtocols);
  inRange('liquidationEvents', 'liquidator', events.liquidator, liquidators.address.length);

  const { positionStart } = accounts;
  if (positionStart.length !== accounts.account.length + 1) {
    throw new GraphError(`accounts.positionStart has ${positionStart.length} entries, expected accounts + 1 = ${accounts.account.length + 1}`);
  }
  if (positionStart[0] !== 0 || positionStart[positionStart.length - 1] !== positions.asset.length) {
    throw new GraphError(`accounts.positionStart must run from 0 to the ${positions.asset.length} positions`);
  }
  for (let i = 0; i + 1 < positionStart.length; i++) {
    if (positionStart[i + 1]! < positionStart[i]!) throw new GraphError(`accounts row ${i}: positionStart decreases`);
  }
}

function sameLength(table: string, columns: Record<string, ArrayLike<unknown>>): void {
  const entries = Object.entries(columns);
  const [firstName, first] = entries[0]!;
  for (const [name, column] of entries) {
    if (column.length !== first.length) {
      throw new GraphError(`${table}.${name} has ${column.length} rows but ${table}.${firstName} has ${first.length}`);
    }
  }
}

/** Names become node keys: two rows with one name would be one node with two sets of attributes. */
function unique(table: string, field: string, column: string[]): void {
  const seen = new Set<string>();
  column.forEach((name, row) => {
    if (seen.has(name)) throw new GraphError(`${table} row ${row}, field "${field}": ${JSON.stringify(name)} appears twice`);
    seen.add(name);
  });
}

function inRange(table: string, field: string, column: IndexColumn, size: number): void {
  for (let row = 0; row < column.length; row++) {
    const index = column[row]!;
    if (!(index >= 0 && index < size && Number.isInteger(index))) {
      throw new GraphError(`${table} row ${row}, field "${field}": index ${index} is outside its table (${size} rows)`);
    }
  }
}
