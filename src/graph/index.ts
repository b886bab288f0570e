/**
 * The exposure graph: a graphology MultiGraph (mixed) of protocols, markets, assets, accounts,
 * liquidators and venues built from one snapshot, and the queries a researcher asks of it first.
 * Pure functions; see build-exposure-graph.ts for the shape of the graph.
 */
export { buildExposureGraph, DEFAULTS as EXPOSURE_GRAPH_DEFAULTS, type BuildExposureGraphOptions } from './build-exposure-graph.js';
export { sharedCollateral, type SharedCollateral } from './shared-collateral.js';
export { sharedLiquidators, type SharedLiquidator } from './shared-liquidators.js';
export { crossProtocolAccounts, type CrossProtocolAccount } from './cross-protocol-accounts.js';
export { graphSummary, type GraphSummary } from './graph-summary.js';
export { accountKey, assetKey, liquidatorKey, marketKey, normalizeAddress, protocolKey, venueKey } from './node-keys.js';
export { GraphError } from './errors.js';
export * from './exposure-graph-types.js';
