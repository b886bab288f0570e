import { contagionCascade, optionsParticipant, prepareCascade, CONTAGION_DEFAULTS, type CascadeResult, type ContagionOptions, type ContagionResult } from '../contagion/index.js';
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { checkScenarioAgainstAssets, loadScenario, type Scenario } from '../scenarios/index.js';
import { scenariosDir } from './open-snapshot.js';

/** One scenario's run of the contagion solver, with the warnings raised on the way. */
export interface ScenarioRun {
  scenario: Scenario;
  /** The cascade's result; the contagion solver's extras are there when it ran (always, from `runScenarios`). */
  result: CascadeResult & Partial<Pick<ContagionResult, 'losses' | 'unliquidatedDebtUsd' | 'latentBadDebtUsd' | 'options' | 'oracleLagLossUsd'>>;
  warnings: string[];
}

/** Loads scenarios by name or path (`data/scenarios/<name>.json`). */
export const loadScenarios = (names: readonly string[]): Scenario[] => names.map((name) => loadScenario(name, scenariosDir()));

/**
 * Runs each scenario on one snapshot (prepared once): the contagion solver with the scenario's own
 * model options, overridden by `overrides` (CLI flags); with none, the reference cascade's semantics.
 * Options venues take part in the same rounds, their sales hitting the same pools.
 */
export function runScenarios(
  snapshot: EcosystemSnapshot,
  scenarios: readonly Scenario[],
  overrides: Partial<ContagionOptions> = {},
): ScenarioRun[] {
  const prepared = prepareCascade(snapshot);
  return scenarios.map((scenario) => {
    const warnings = checkScenarioAgainstAssets(scenario, snapshot.assets);
    const options = optionsParticipant(snapshot, scenario.volShocks);
    const settings = modelOptions(scenario, overrides);
    const result = contagionCascade(prepared, scenario.shocks, settings, options === null ? [] : [options], undefined, snapshot);
    if (settings.oracle !== null) {
      // Loss due to oracle lag: the same run with oracles at pool prices, the difference in bad debt.
      const venue = optionsParticipant(snapshot, scenario.volShocks);
      const prompt = contagionCascade(prepared, scenario.shocks, { ...settings, oracle: null, recordEvents: false }, venue === null ? [] : [venue], undefined, snapshot);
      result.oracleLagLossUsd = result.totalBadDebtUsd - prompt.totalBadDebtUsd;
    }
    if (options !== null) result.optionsVenues = options.outcomes();
    const venueWarnings = (result.optionsVenues ?? []).flatMap((v) => v.warnings);
    return { scenario, result, warnings: [...warnings, ...result.warnings, ...new Set(venueWarnings)] };
  });
}

/** The solver's options for a scenario: defaults, then the scenario's `model`, then the overrides. */
export function modelOptions(scenario: Scenario, overrides: Partial<ContagionOptions> = {}): ContagionOptions {
  const fromScenario = Object.fromEntries(Object.entries(scenario.model).filter(([, v]) => v !== undefined)) as Partial<ContagionOptions>;
  return { ...CONTAGION_DEFAULTS, ...fromScenario, ...overrides };
}

export const cascadeOptions = (options: Partial<ContagionOptions>): ContagionOptions => ({ ...CONTAGION_DEFAULTS, ...options });
