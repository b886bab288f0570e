import { describeModel } from '../contagion/index.js';
import type { SnapshotInfo } from '../model/ecosystem.js';
import type { ScenarioRun } from '../pipeline/run-scenarios.js';
import type { ReportInput } from './report-input.js';
import { escapeTerminal } from './escape.js';
import { formatCount, formatShock, formatUsd, formatUsdCompact } from './format.js';
import { scenarioTables } from './scenario-tables.js';
import { snapshotRef } from './scenario-facts.js';
import { textTable } from './text-table.js';

/** Price moves listed per scenario in the terminal summary; the reports list them all. */
export const SUMMARY_PRICE_MOVES = 5;

/**
 * The terminal summary printed by `contagion run` (without `--json`) and `contagion report`: per
 * scenario its shocks, rounds, total bad debt, a fixed-width table per protocol, the biggest price
 * moves and the warnings. Plain text without colours, so it pipes and diffs cleanly; data text is
 * passed through `escapeTerminal`.
 */
export function formatRunSummary(snapshot: SnapshotInfo, runs: readonly ScenarioRun[]): string {
  const head = `Contagion: ${snapshotRef(snapshot)}, source ${snapshot.source}${snapshot.label ? `: ${snapshot.label}` : ''}`;
  const blocks = runs.map((run, index) => scenarioText(snapshot, run, index));
  const model = `Model: ${runs[0]?.result.options === undefined ? 'reference cascade' : 'contagion solver'}; ${describeModel(runs[0]?.result.options)}.`;
  return `${escapeTerminal(head)}\n${model}\n\n${blocks.join('\n')}`;
}

/** `formatRunSummary` over a report input (a full `ReportInput` will do). */
export const summaryText = (input: Pick<ReportInput, 'snapshot' | 'runs'>): string => formatRunSummary(input.snapshot, input.runs);

function scenarioText(snapshot: SnapshotInfo, run: ScenarioRun, index: number): string {
  const { scenario, result, warnings } = run;
  const tables = scenarioTables(snapshot, run, index);
  const shocks = [
    ...Object.entries(scenario.shocks).map(([symbol, multiplier]) => `${escapeTerminal(symbol)} ${formatShock(multiplier)}`),
    ...Object.entries(scenario.pegs ?? {}).map(([symbol, multiplier]) => `${escapeTerminal(symbol)} market peg ${formatShock(multiplier)}`),
  ];
  const stop = result.roundLimitReached ? 'stopped at the round limit with accounts still under water' : 'stopped when a round liquidated nothing';
  const moves = tables.prices.rows.length;
  const [full, compact] = [formatUsd(result.totalBadDebtUsd), formatUsdCompact(result.totalBadDebtUsd)];
  const badDebt = full === compact ? full : `${full} (${compact})`;
  const lines = [
    escapeTerminal(`Scenario ${scenario.name}${scenario.description ? `: ${scenario.description}` : ''}`),
    `  Shocks:    ${shocks.length > 0 ? shocks.join(', ') : 'none'}`,
    `  Rounds:    ${result.rounds} (${stop}), ${formatCount(result.liquidations)} liquidations`,
    `  Bad debt:  ${badDebt}`,
    '',
    '  By protocol (USD):',
    textTable(tables.protocols, '    '),
    ...(tables.optionsVenues.rows.length > 0 ? ['  Options venues (USD):', textTable(tables.optionsVenues, '    ')] : []),
    `  Biggest price moves${moves > SUMMARY_PRICE_MOVES ? ` (${SUMMARY_PRICE_MOVES} of ${moves})` : ''}:`,
    textTable({ ...tables.prices, rows: tables.prices.rows.slice(0, SUMMARY_PRICE_MOVES) }, '    '),
    warnings.length > 0 ? `  Warnings (${warnings.length}):` : '  Warnings:  none',
    ...warnings.map((w) => `    - ${escapeTerminal(w)}`),
    '',
  ];
  return lines.join('\n');
}
