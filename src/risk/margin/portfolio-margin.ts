/**
 * Portfolio margin (SPAN / TIMS style, as Derive's PMRM does it): per account and per underlying,
 * the whole portfolio (options, and linear holdings of the underlying the venue margins with them)
 * is revalued jointly at every scenario of a grid, so offsets within an underlying come for free:
 *
 *   P&L_{a,u,s} = Σ_{p ∈ a, u(p) = u} size_p · (V_{o(p),s} − V_{o(p),0}) + Σ_{linear} q · spot_u · (m_s − 1)
 *   scenario margin m_{a,u} = max(0, max_s  w_s · (−P&L_{a,u,s}))
 *   contingency c_{a,u} = optionRate · spot_u · Σ_o max(0, −net size of o)  +  linearRate · spot_u · Σ |q|
 *   maintenance_a = aggregate_u(m_{a,u}) + Σ_u c_{a,u}        (cross-underlying.ts)
 *   initial_a = imFactor · maintenance_a
 *
 * Sources: derivexyz/v2-core `src/risk-managers/PMRMLib.sol` (worst scenario MtM less the static
 * contingency; `_getOptionContingency` counts naked shorts netted per strike within an expiry, here
 * netted per option contract; IM = imFactor × that) and CME SPAN (weighted scenario losses).
 * Maintenance is expressed as the equity an account must hold, with equity counting options at
 * their mark (options-accounts/account-equity.ts).
 *
 * Cost: every referenced option is priced once per scenario (scenario-repricing.ts), then each
 * position adds size × a row of the P&L table: O(options · S) prices + O(positions · S) adds.
 */
import { indexByAccount } from './account-index.js';
import { aggregateAcrossUnderlyings } from './cross-underlying.js';
import { WarningLog } from './errors.js';
import { checkMarginPortfolio, type MarginPortfolio } from './portfolio-columns.js';
import { bsmPricer } from './bsm-pricer.js';
import { checkScenarioGrid, type ScenarioGrid } from './scenario-grid.js';
import { repriceOnGrid } from './scenario-repricing.js';
import { MarginScratch } from './scratch.js';
import { accumulateAccount, type AccountLoopState } from './portfolio-margin-account.js';
import {
  checkSpotMoveScale, resolvePortfolioMarginSettings, type PortfolioMarginOptions, type PortfolioMarginSettings,
} from './portfolio-margin-settings.js';

export { PORTFOLIO_MARGIN_DEFAULTS, type PortfolioMarginOptions, type PortfolioMarginSettings } from './portfolio-margin-settings.js';

/** The settings a result was computed with, and its grid. */
export type PortfolioMarginParameters = PortfolioMarginSettings & {
  grid: { name: string; source: string; scenarios: number; horizonYears: number };
};

export interface PortfolioMarginResult {
  /** Equity an account must hold (USD). */
  maintenance: Float64Array;
  initial: Float64Array;
  /** Scenario part after cross-underlying aggregation. */
  scenarioMargin: Float64Array;
  contingency: Float64Array;
  /** Σ_u m_{a,u} − aggregated scenario margin (0 without a correlation rule). */
  diversificationCredit: Float64Array;
  /** Σ size × value now of the account's options (model value on the inputs). */
  optionsValue: Float64Array;
  /** Per (account, underlying held): CSR by account; `worstScenario` is the argmax of the weighted loss. */
  byUnderlying: {
    start: Int32Array;
    underlying: Int32Array;
    scenarioMargin: Float64Array;
    contingency: Float64Array;
    worstScenario: Int32Array;
  };
  parameters: PortfolioMarginParameters & { spotMoveScale: Float64Array | null };
  stats: { positions: number; pricedOptions: number; repricings: number };
  warnings: string[];
}

export function portfolioMargin(input: MarginPortfolio, grid: ScenarioGrid, options: PortfolioMarginOptions = {}): PortfolioMarginResult {
  const { pricer = bsmPricer, scratch = new MarginScratch(), spotMoveScale, ...rest } = options;
  const settings = resolvePortfolioMarginSettings(rest);
  checkScenarioGrid(grid);
  const referenced = checkMarginPortfolio(input);
  const warnings = new WarningLog();
  const moveScale = checkSpotMoveScale(spotMoveScale, input.spot.length);
  const repricing = repriceOnGrid(input.options, input.spot, grid, referenced, pricer, { ...settings, spotMoveScale: moveScale }, scratch, warnings);

  const A = input.accountCount;
  const S = grid.spotMultiplier.length;
  const linearRows = input.linear?.account.length ?? 0;
  const pairBound = input.positions.account.length + linearRows;
  const result: PortfolioMarginResult = {
    maintenance: new Float64Array(A),
    initial: new Float64Array(A),
    scenarioMargin: new Float64Array(A),
    contingency: new Float64Array(A),
    diversificationCredit: new Float64Array(A),
    optionsValue: new Float64Array(A),
    byUnderlying: {
      start: new Int32Array(A + 1),
      underlying: scratch.int32('pm.pairUnderlying', pairBound),
      scenarioMargin: scratch.float64('pm.pairMargin', pairBound),
      contingency: scratch.float64('pm.pairContingency', pairBound),
      worstScenario: scratch.int32('pm.pairWorst', pairBound),
    },
    parameters: {
      ...settings,
      spotMoveScale: moveScale,
      grid: { name: grid.name, source: grid.source, scenarios: S, horizonYears: grid.horizonYears },
    },
    stats: { positions: input.positions.account.length, pricedOptions: repricing.pricedOptions, repricings: repricing.repricings },
    warnings: [],
  };
  const U = input.spot.length;
  const state: AccountLoopState = {
    input,
    grid,
    repricing,
    settings,
    spotMoveScale: moveScale,
    positionsByAccount: indexByAccount(input.positions.account, A, scratch, 'pm.positions'),
    linearByAccount: input.linear === undefined ? null : indexByAccount(input.linear.account, A, scratch, 'pm.linear'),
    slotOfUnderlying: scratch.int32('pm.slot', U).fill(-1),
    touched: scratch.int32('pm.touched', U),
    pnl: scratch.float64('pm.pnl', Math.min(U, pairBound + 1) * S),
    slotMargin: scratch.float64('pm.slotMargin', U),
    slotContingency: scratch.float64('pm.slotContingency', U),
    slotWorst: scratch.int32('pm.slotWorst', U),
    netSize: scratch.float64('pm.netSize', referenced.length).fill(0),
    optionSeen: scratch.uint8('pm.optionSeen', referenced.length).fill(0),
    touchedOptions: scratch.int32('pm.touchedOptions', referenced.length),
    optionsValue: 0,
  };
  let pair = 0;
  for (let a = 0; a < A; a++) {
    const held = accumulateAccount(state, a);
    const { byUnderlying } = result;
    let contingency = 0;
    for (let k = 0; k < held; k++) {
      byUnderlying.underlying[pair] = state.touched[k]!;
      byUnderlying.scenarioMargin[pair] = state.slotMargin[k]!;
      byUnderlying.contingency[pair] = state.slotContingency[k]!;
      byUnderlying.worstScenario[pair] = state.slotWorst[k]!;
      contingency += state.slotContingency[k]!;
      pair++;
    }
    byUnderlying.start[a + 1] = pair;
    let plain = 0;
    for (let k = 0; k < held; k++) plain += state.slotMargin[k]!;
    const scenario = aggregateAcrossUnderlyings(state.slotMargin, held, settings.crossUnderlying);
    result.scenarioMargin[a] = scenario;
    result.diversificationCredit[a] = plain - scenario;
    result.contingency[a] = contingency;
    result.maintenance[a] = scenario + contingency;
    result.initial[a] = settings.imFactor * (scenario + contingency);
    result.optionsValue[a] = state.optionsValue;
  }
  const b = result.byUnderlying; // staged in scratch, copied out at their exact length
  result.byUnderlying = {
    start: b.start,
    underlying: b.underlying.slice(0, pair),
    scenarioMargin: b.scenarioMargin.slice(0, pair),
    contingency: b.contingency.slice(0, pair),
    worstScenario: b.worstScenario.slice(0, pair),
  };
  result.warnings = warnings.list();
  return result;
}
