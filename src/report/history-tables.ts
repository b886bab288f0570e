import type { SnapshotInfo } from '../model/ecosystem.js';
import type { SnapshotSummary } from '../risk/index.js';
import { formatCount, formatUsd } from './format.js';
import { codeColumn, numberColumn, textColumn, type ReportTable } from './report-table.js';
import type { RunHistoryRow } from './run-changes.js';
import type { RunHistory } from './run-history.js';
import { snapshotRef } from './scenario-facts.js';

/** Markets listed in the concentration table: the most concentrated ones. */
export const CONCENTRATED_MARKETS = 10;

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
const usdOrNone = (value: number | null): string => (value === null ? 'n/a' : formatUsd(value));

/** Which run the report compares with, as a sentence. */
export const comparedRunsText = (history: RunHistory): string => (history.previousRunId === null
  ? `Run #${history.currentRunId} is the first recorded run that did not fail: nothing to compare with yet.`
  : `Run #${history.currentRunId} compared with run #${history.previousRunId}, the previous run that did not fail.`);

/** Every recorded scheduled run, oldest first (the current run last): the trend as a table. */
export function runHistoryTable(runs: readonly RunHistoryRow[], currentRunId: number | null = null): ReportTable {
  return {
    id: 'run-history',
    caption: 'Scheduled runs recorded in the database\'s runs table, oldest first; bad debt and liquidated debt of each run\'s headline (first) scenario (USD)',
    columns: [
      numberColumn('Run'), textColumn('Started (UTC)'), textColumn('Status'), numberColumn('Snapshot'), textColumn('Headline scenario'),
      numberColumn('Bad debt'), numberColumn('Liquidated debt'), numberColumn('Alerts'),
    ],
    rows: runs.map((r) => [
      `${r.runId}${r.runId === currentRunId ? ' (this run)' : ''}`, r.startedAt, r.status, r.snapshotId === null ? 'n/a' : `#${r.snapshotId}`,
      r.scenario ?? 'n/a', usdOrNone(r.totalBadDebtUsd), usdOrNone(r.liquidatedDebtUsd), formatCount(r.alertCount),
    ]),
    emptyText: 'No scheduled run recorded.',
  };
}

/** The alert rules that fired in this run. */
export function firedAlertTable(history: RunHistory): ReportTable {
  return {
    id: 'run-alerts',
    caption: `Alert rules that fired in run #${history.currentRunId} (rules from the config's schedule.alerts)`,
    columns: [textColumn('Rule'), textColumn('Subject'), numberColumn('Value'), numberColumn('Threshold'), textColumn('Message')],
    rows: history.alerts.map((a) => [a.rule, a.subject, String(Number(a.value.toPrecision(6))), String(a.threshold), a.message]),
    emptyText: 'No alert fired.',
  };
}

/** The markets whose collateral sits most in one account, at snapshot prices. */
export function concentrationTable(snapshot: SnapshotInfo, summary: SnapshotSummary): ReportTable {
  return {
    id: 'snapshot-concentration',
    caption: `The ${CONCENTRATED_MARKETS} markets whose largest account holds the largest share of their collateral, at snapshot prices (USD), `
      + `${snapshotRef(snapshot)}; HHI = Σ share² over the market's accounts`,
    columns: [
      textColumn('Protocol'), codeColumn('Market'), textColumn('Asset'), numberColumn('Collateral'), numberColumn('Accounts'), codeColumn('Largest account'),
      numberColumn('Top 1'), numberColumn('Top 5'), numberColumn('Top 10'), numberColumn('HHI'),
    ],
    rows: summary.concentration.slice(0, CONCENTRATED_MARKETS).map((m) => [
      m.protocol, m.market ?? '(pooled)', m.asset, formatUsd(m.collateralUsd), formatCount(m.accounts), m.largestAccount,
      percent(m.top1Share), percent(m.top5Share), percent(m.top10Share), m.hhi.toFixed(3),
    ]),
    emptyText: 'No collateral in the snapshot.',
  };
}
