/** The pipeline's edges shared by the CLI and the notebooks: open a snapshot, run scenarios. */
export { openSnapshot, ensureEmbeddedSnapshot, scenariosDir, type OpenSnapshotOptions, type OpenedSnapshot } from './open-snapshot.js';
export { runScenarios, loadScenarios, cascadeOptions, modelOptions, type ScenarioRun } from './run-scenarios.js';
