/**
 * Network contagion on a liabilities network: the Eisenberg–Noe (2001) clearing vector, by the
 * fictitious default algorithm or by fixed-point iteration, and DebtRank (Battiston et al. 2012;
 * linear variant, Bardoscia et al. 2015). Pure solvers over a sparse, columnar `LiabilityNetwork`;
 * `parseNetwork` reads the JSON file format at the edge.
 */
export { liabilityNetwork, denseEdges, type LiabilityNetwork, type LiabilityNetworkInput, type LiabilityEdges } from './liability-network.js';
export { parseNetwork, type NetworkFile } from './network-format.js';
export { clearing, DEFAULTS as CLEARING_DEFAULTS } from './clearing.js';
export type { ClearingMethod, ClearingOptions, ClearingResult, LinearSolver } from './clearing-types.js';
export { debtRank, debtRankOfSet, distressRun, DEFAULTS as DEBT_RANK_DEFAULTS } from './debt-rank.js';
export type { DebtRankOptions, DebtRankResult, DebtRankVariant, DistressRun, DistressShock } from './debt-rank.js';
export { impactMatrix, type ImpactMatrix, type ImpactOptions } from './impact-matrix.js';
export { NetworkError } from './errors.js';
