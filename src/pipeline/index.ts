/** The pipeline's edges shared by the CLI and the notebooks: open a snapshot, run scenarios. */
export { openSnapshot, ensureEmbeddedSnapshot, scenariosDir, type OpenSnapshotOptions, type OpenedSnapshot } from './open-snapshot.js';
export { runScenarios, loadScenarios, cascadeOptions, modelOptions, usesCurves, type ScenarioRun, type RunInputs } from './run-scenarios.js';
export { loadLiquidityDetails } from './load-liquidity-details.js';
export { snapshotCurves } from './snapshot-curves.js';
