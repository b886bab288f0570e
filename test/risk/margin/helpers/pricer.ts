/**
 * The pricer the margin tests and the benchmark use: the pricing engine's BSM through the margin
 * adapter (src/risk/margin/bsm-pricer.ts). reference-bsm.ts, the stand-in written before the
 * engine landed, now only cross-checks the adapter (bsm-pricer.test.ts).
 */
export { bsmPricer as testPricer } from '../../../../src/risk/margin/index.js';
