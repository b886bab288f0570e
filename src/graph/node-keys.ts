/**
 * Node and edge keys of the exposure graph. Keys are namespaced by node type and built only from
 * names in the snapshot (never from row indices), so the same entity has the same key in every
 * snapshot and graphs of two snapshots can be compared key by key.
 */

const HEX_ADDRESS = /^0x[0-9a-f]+$/i;

/**
 * EVM addresses are case-insensitive but arrive both checksummed and lower-cased (subgraphs,
 * Etherscan exports); lower-casing them keeps one address one node. Other names are left as given.
 */
export function normalizeAddress(address: string): string {
  return HEX_ADDRESS.test(address) ? address.toLowerCase() : address;
}

export const protocolKey = (protocol: string): string => `protocol:${protocol}`;
/** Pooled markets are named after their asset, so Aave's WETH reserve is `market:aave-v3:WETH`. */
export const marketKey = (protocol: string, market: string): string => `market:${protocol}:${market}`;
export const assetKey = (symbol: string): string => `asset:${symbol}`;
export const accountKey = (address: string): string => `account:${normalizeAddress(address)}`;
export const liquidatorKey = (address: string): string => `liquidator:${normalizeAddress(address)}`;
export const venueKey = (venue: string): string => `venue:${venue}`;

/**
 * `type:source->target`, with a discriminator where one pair of nodes can carry several edges of a
 * type (an account supplying WETH and WBTC to one Compound v3 deployment).
 */
export function edgeKey(type: string, source: string, target: string, discriminator?: string): string {
  const base = `${type}:${source}->${target}`;
  return discriminator === undefined ? base : `${base}#${discriminator}`;
}
