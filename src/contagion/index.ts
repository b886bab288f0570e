/** Contagion solvers: pure functions over columnar snapshots. */
export { referenceCascade, runReferenceCascade, DEFAULTS as REFERENCE_CASCADE_DEFAULTS, ASSUMPTIONS as REFERENCE_CASCADE_ASSUMPTIONS } from './reference-cascade.js';
export { prepareCascade, type PreparedCascade } from './prepare-cascade.js';
export { arbitrageToPrice, sellIntoPool, poolPrice, type PoolReserves } from './constant-product-pool.js';
export { CascadeError } from './errors.js';
export type * from './cascade-types.js';
export { optionsParticipant, type OptionsParticipant, type OptionsVenueOutcome } from './options-participant.js';
