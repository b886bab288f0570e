import { describeModel } from '../contagion/index.js';
import type { SnapshotInfo } from '../model/ecosystem.js';
import type { ScenarioRun } from '../pipeline/run-scenarios.js';
import type { ReportInput } from './report-input.js';
import { formatCount, formatUsdCompact } from './format.js';
import { sum } from './report-table.js';
import { protocolOutcomes } from './scenario-facts.js';

/**
 * The label → value facts that open the report and each scenario, as plain text: the HTML page
 * shows them as a definition list, the Markdown file as a list, the terminal summary as lines.
 */

/** Block height per chain; hand-written imports have none. */
export function snapshotBlocksText(snapshot: SnapshotInfo): string {
  const entries = Object.entries(snapshot.blocks);
  if (entries.length === 0) return 'none recorded';
  return entries.map(([chain, block]) => `${chain} ${block}`).join(', ');
}

/** Model and its options as one line: "contagion-cascade (maxRounds 100, arbitrageInflow 0, …)". */
export function modelText(model: ReportInput['model']): string {
  const options = Object.entries(model.options).map(([key, value]) => `${key} ${value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return options.length > 0 ? `${model.solver} (${options.join(', ')})` : model.solver;
}

/** What the report is about: which snapshot, which model, when. */
export function reportHeaderFacts(input: ReportInput): [string, string][] {
  const { snapshot, summary } = input;
  return [
    ['Snapshot', `#${snapshot.id}`],
    ['Taken at', snapshot.takenAt],
    ['Source', snapshot.source],
    ['Label', snapshot.label ?? '(none)'],
    ['Blocks', snapshotBlocksText(snapshot)],
    ['Positions', `${formatCount(summary.riskAccounts)} risk accounts, ${formatCount(summary.positions)} positions; `
      + `${formatUsdCompact(summary.collateralUsd)} collateral and ${formatUsdCompact(summary.debtUsd)} debt at snapshot prices`],
    ['Model', modelText(input.model)],
    ['Assumptions', describeModel(input.model.options)],
    ['Scenarios', input.runs.map((run) => run.scenario.name).join(', ') || '(none)'],
    ['Generated at', input.generatedAt],
  ];
}

/** A scenario's headline figures, compact: the numbers a reader looks for first. */
export function scenarioHeadlines(run: ScenarioRun): [string, string][] {
  const { result } = run;
  return [
    ['Rounds', `${result.rounds}${result.roundLimitReached ? ' (round limit reached)' : ''}`],
    ['Liquidations', formatCount(result.liquidations)],
    ['Debt repaid', formatUsdCompact(sum(protocolOutcomes(result).map((o) => o.liquidatedDebtUsd)))],
    ['Collateral seized', formatUsdCompact(result.seizedCollateralUsd)],
    ['Bad debt', formatUsdCompact(result.totalBadDebtUsd)],
  ];
}
