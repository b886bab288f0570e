import { contagionCascade, optionsParticipant, prepareCascade, CONTAGION_DEFAULTS, type CascadeResult, type ContagionOptions, type ContagionResult } from '../contagion/index.js';
import { CurveImpact, type DetailSource, type LiquidityCurves } from '../contagion/liquidity/index.js';
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { checkScenarioAgainstAssets, loadScenario, type Scenario } from '../scenarios/index.js';
import { scenariosDir } from './open-snapshot.js';
import { snapshotCurves } from './snapshot-curves.js';

/** One scenario's run of the contagion solver, with the warnings raised on the way. */
export interface ScenarioRun {
  scenario: Scenario;
  /** The cascade's result; the contagion solver's extras are there when it ran (always, from `runScenarios`). */
  result: CascadeResult & Partial<Pick<ContagionResult, 'losses' | 'unliquidatedDebtUsd' | 'latentBadDebtUsd' | 'options' | 'oracleLagLossUsd' | 'receipts'>>;
  warnings: string[];
}

/** What a run may need beyond the snapshot. */
export interface RunInputs {
  /**
   * Per liquidity row of the snapshot, its extra columns and ticks (`loadLiquidityDetails`, or
   * `openSnapshot` with `liquidityDetails`), for scenarios run with `liquidity: 'curves'`. Without
   * them every row is read from its constant-product-equivalent reserves, with a warning.
   */
  liquidityDetails?: readonly DetailSource[];
}

/** Loads scenarios by name or path (`data/scenarios/<name>.json`). */
export const loadScenarios = (names: readonly string[]): Scenario[] => names.map((name) => loadScenario(name, scenariosDir()));

/**
 * Runs each scenario on one snapshot (prepared once): the contagion solver with the scenario's own
 * model options, overridden by `overrides` (CLI flags); with none, the reference cascade's semantics.
 * Options venues take part in the same rounds, their sales hitting the same pools. With
 * `liquidity: 'curves'` the sales are routed across depth curves (snapshot-curves.ts), built once
 * for all scenarios; their fallback warnings, and the curves' own (units no venue could take), join
 * each such run's warnings.
 */
export function runScenarios(
  snapshot: EcosystemSnapshot,
  scenarios: readonly Scenario[],
  overrides: Partial<ContagionOptions> = {},
  inputs: RunInputs = {},
): ScenarioRun[] {
  const prepared = prepareCascade(snapshot);
  let curves: LiquidityCurves | null = null;
  return scenarios.map((scenario) => {
    const settings = modelOptions(scenario, overrides);
    const warnings = checkScenarioAgainstAssets(scenario, snapshot.assets, settings.derivedPricing !== null);
    const options = optionsParticipant(snapshot, scenario.volShocks);
    if (settings.liquidity === 'curves') curves ??= snapshotCurves(snapshot, inputs.liquidityDetails);
    // A fresh factory per cascade, keeping what it built: the curve impact's warnings are the run's.
    const built: CurveImpact[] = [];
    const impact =
      settings.liquidity === 'curves'
        ? (shockedPrice: Float64Array): CurveImpact => {
            const made = new CurveImpact({ symbols: snapshot.assets.symbol, curves: curves!.curves, shockedPrice });
            built.push(made);
            return made;
          }
        : undefined;
    const result = contagionCascade(prepared, scenario.shocks, settings, options === null ? [] : [options], impact, snapshot);
    const liquidityWarnings = settings.liquidity === 'curves' ? [...curves!.warnings, ...built.flatMap((b) => b.warnings())] : [];
    if (settings.oracle !== null) {
      // Loss due to oracle lag: the same run (same liquidity model) with oracles at pool prices, the difference in bad debt.
      const venue = optionsParticipant(snapshot, scenario.volShocks);
      const prompt = contagionCascade(prepared, scenario.shocks, { ...settings, oracle: null, recordEvents: false }, venue === null ? [] : [venue], impact, snapshot);
      result.oracleLagLossUsd = result.totalBadDebtUsd - prompt.totalBadDebtUsd;
    }
    if (options !== null) result.optionsVenues = options.outcomes();
    const venueWarnings = (result.optionsVenues ?? []).flatMap((v) => v.warnings);
    return { scenario, result, warnings: [...warnings, ...result.warnings, ...liquidityWarnings, ...new Set(venueWarnings)] };
  });
}

/** Whether any of the scenarios, with the overrides, runs on depth curves (and so needs the rows' liquidity details). */
export const usesCurves = (scenarios: readonly Scenario[], overrides: Partial<ContagionOptions> = {}): boolean =>
  scenarios.some((scenario) => modelOptions(scenario, overrides).liquidity === 'curves');

/** The solver's options for a scenario: defaults, then the scenario's `model`, then the overrides. */
export function modelOptions(scenario: Scenario, overrides: Partial<ContagionOptions> = {}): ContagionOptions {
  const { derivedPricing: scenarioPricing, ...rest } = scenario.model;
  const fromScenario = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<ContagionOptions>;
  const merged: ContagionOptions = { ...CONTAGION_DEFAULTS, ...fromScenario, ...overrides };
  // Derived pricing: the flags' valuation, else the scenario's; pegs from the scenario, then the flags'.
  // A scenario with pegs turns it on (market valuation), as does receipt contagion.
  const valuation = overrides.derivedPricing?.valuation ?? scenarioPricing?.valuation;
  const pegs = { ...scenario.pegs, ...overrides.derivedPricing?.pegs };
  const on = valuation !== undefined || Object.keys(pegs).length > 0 || merged.receiptContagion;
  merged.derivedPricing = on ? { valuation: valuation ?? 'market', pegs } : null;
  return merged;
}

export const cascadeOptions = (options: Partial<ContagionOptions>): ContagionOptions => ({ ...CONTAGION_DEFAULTS, ...options });
