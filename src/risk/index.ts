/** Risk engine: account health, and (issue 4) options Greeks and portfolio margin. Pure functions. */
export { accountHealth, type AccountHealth } from './account-health.js';
export { summarizeSnapshot, type SnapshotSummary, type ProtocolSummary } from './snapshot-summary.js';
export { collateralConcentration, type MarketConcentration } from './collateral-concentration.js';
export { protocolTotals, type ProtocolTotals } from './protocol-totals.js';
export * as pricing from './pricing/index.js';
export * as margin from './margin/index.js';
export * as volatility from './volatility/index.js';
export * as optionsAccounts from './options-accounts/index.js';
export * as volSurface from './vol-surface/index.js';
export * as optionsVenue from './options-venue/index.js';
export * from './quote/index.js';
