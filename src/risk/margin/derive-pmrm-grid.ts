/**
 * Derive (formerly Lyra v2) portfolio-margin risk module (PMRM) scenario grid and parameters, as
 * deployed: derivexyz/v2-core `scripts/config-mainnet.sol` (`getDefaultScenarios`,
 * `getPMRMParams`, `getDefaultAuctionParam`), read at commit 037ee3ac59a37852e0144b4a934a6a33601a4f0d;
 * the vol-shock formula is `PMRMLib._addVolShocks` in `src/risk-managers/PMRMLib.sol` (commit
 * b02a82dcd76e5a9e75683bce7e3fccaecd21767b). Also summarised in shared/domain/margin-parameters.md.
 *
 * Not modelled here (PMRMLib has them, they need per-expiry data or feeds we do not carry): the
 * static discount on positive shocked expiry MtM (baseStaticDiscount 0.95 × e^{−T·(rate·1 + 0.12)}),
 * the basis (forward) contingency, the oracle-confidence contingency, the stablecoin depeg factor.
 */
import { makeScenarioGrid, type ScenarioGrid, type ScenarioSpec } from './scenario-grid.js';
import type { VolShockRule } from './vol-shock.js';

const DAY_YEARS = 1 / 365;

/** PMRM parameters from scripts/config-mainnet.sol (values as 1e18 fixed point there). */
export const DERIVE_PMRM = {
  /** VolShockParameters: volRangeUp 0.6e18, volRangeDown 0.3e18, shortTermPower 0.3e18, longTermPower 0.13e18, dteFloor 1 days. */
  volShock: {
    kind: 'term-structure',
    up: 0.6,
    down: 0.3,
    shortTermPower: 0.3,
    longTermPower: 0.13,
    pivotYears: 30 * DAY_YEARS, // PMRMLib: `30 days` in τ = 30 days / max(secToExpiry, dteFloor)
    dteFloorYears: DAY_YEARS,
  } satisfies VolShockRule,
  /** MarginParameters.imFactor 1.25e18 (IM = imFactor × the scenario part plus contingencies). */
  imFactor: 1.25,
  /** OtherContingencyParameters: optionPercent 0.02e18 per net short option per strike, × spot. */
  optionContingencyRate: 0.02,
  /** OtherContingencyParameters: perpPercent 0.03e18 and basePercent 0.03e18, × spot. */
  perpContingencyRate: 0.03,
  baseContingencyRate: 0.03,
} as const;

/** Spot shocks of getDefaultScenarios(), in its order; the last entry of each row says which vol shocks run. */
const SCENARIOS: readonly [number, readonly (1 | 0 | -1)[]][] = [
  [1.2, [1]],
  [1.15, [1, 0, -1]],
  [1.1, [1, 0, -1]],
  [1.05, [1, 0, -1]],
  [1.0, [1, 0, -1]],
  [0.95, [1, 0, -1]],
  [0.9, [1, 0, -1]],
  [0.85, [1, 0, -1]],
  [0.8, [1]],
];

/** The 23 PMRM scenarios: spot ×1.15…0.85 step 0.05 with vol up/none/down, plus ×1.20 and ×0.80 with vol up only. */
export function derivePmrmGrid(): ScenarioGrid {
  const specs: ScenarioSpec[] = [];
  for (const [spot, vols] of SCENARIOS) {
    for (const volMove of vols) specs.push({ spotMultiplier: spot, volMove, lossWeight: 1 });
  }
  return makeScenarioGrid(
    'derive-pmrm',
    'derivexyz/v2-core scripts/config-mainnet.sol getDefaultScenarios + getPMRMParams (vol shocks: src/risk-managers/PMRMLib.sol _addVolShocks)',
    specs,
    DERIVE_PMRM.volShock,
  );
}
