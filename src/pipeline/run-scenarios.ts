import { optionsParticipant, prepareCascade, runReferenceCascade, REFERENCE_CASCADE_DEFAULTS, type CascadeResult, type ReferenceCascadeOptions } from '../contagion/index.js';
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { checkScenarioAgainstAssets, loadScenario, type Scenario } from '../scenarios/index.js';
import { scenariosDir } from './open-snapshot.js';

/** One scenario's run of the reference cascade, with the warnings raised on the way. */
export interface ScenarioRun {
  scenario: Scenario;
  result: CascadeResult;
  warnings: string[];
}

/** Loads scenarios by name or path (`data/scenarios/<name>.json`). */
export const loadScenarios = (names: readonly string[]): Scenario[] => names.map((name) => loadScenario(name, scenariosDir()));

/** Runs the reference cascade for each scenario on one snapshot, preparing the snapshot once. */
export function runScenarios(
  snapshot: EcosystemSnapshot,
  scenarios: readonly Scenario[],
  settings: Partial<ReferenceCascadeOptions> = {},
): ScenarioRun[] {
  const prepared = prepareCascade(snapshot);
  return scenarios.map((scenario) => {
    const warnings = checkScenarioAgainstAssets(scenario, snapshot.assets);
    // Options venues take part in the same rounds (their sales hit the same pools).
    const options = optionsParticipant(snapshot, scenario.volShocks);
    const result = runReferenceCascade(prepared, scenario.shocks, settings, options === null ? [] : [options]);
    if (options !== null) result.optionsVenues = options.outcomes();
    const venueWarnings = (result.optionsVenues ?? []).flatMap((v) => v.warnings);
    return { scenario, result, warnings: [...warnings, ...result.warnings, ...new Set(venueWarnings)] };
  });
}

export const cascadeOptions = (options: Partial<ReferenceCascadeOptions>): ReferenceCascadeOptions => ({ ...REFERENCE_CASCADE_DEFAULTS, ...options });
