/** Stress scenarios: the JSON format, loading by name or file, and checks against a snapshot. */
export { scenarioSchema, DEFAULT_SCENARIO, type Scenario } from './scenario.js';
export { loadScenario, listScenarios, parseScenario, ScenarioError } from './load-scenario.js';
export { checkScenarioAgainstAssets } from './check-scenario.js';
