/** Contagion solvers: pure functions over columnar snapshots. */
export { referenceCascade, runReferenceCascade, DEFAULTS as REFERENCE_CASCADE_DEFAULTS, ASSUMPTIONS as REFERENCE_CASCADE_ASSUMPTIONS } from './reference-cascade.js';
export { prepareCascade, type PreparedCascade } from './prepare-cascade.js';
export { arbitrageToPrice, sellIntoPool, poolPrice, type PoolReserves } from './constant-product-pool.js';
export { CascadeError } from './errors.js';
export type * from './cascade-types.js';
export { optionsParticipant, type OptionsParticipant, type OptionsVenueOutcome } from './options-participant.js';
export { contagionCascade, DEFAULTS as CONTAGION_DEFAULTS, type ContagionOptions, type ContagionResult, type ProtocolLossSplit, type ReceiptContagion } from './contagion-cascade.js';
export { ConstantProductImpact, type PriceImpact } from './price-impact.js';
export { liquidatorCapital, type LiquidatorCapital } from './liquidator-capital.js';
export { describeModel } from './describe-model.js';
export { attributeLosses, type LossAttribution } from './attribute-losses.js';
export { derivedAssets, derivedTargets, marketPrices, fairPrices, lpValue, lpRedemption, routeSales, type DerivedAssets, type DerivedAssetsInput, type LpComponents } from './derived-assets.js';
export { reserveWriteDowns, receiptWriteDowns, type ReserveLosses, type ReserveWriteDowns } from './receipt-write-down.js';
export { protocolClearing, OUTSIDE_SUPPLIERS, type ProtocolClearing, type ProtocolClearingInput, type ProtocolExposure } from './protocol-clearing.js';
export * from './network/index.js';
