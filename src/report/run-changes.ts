import { escapeMarkdown } from './escape.js';
import type { FiredAlert } from './evaluate-alerts.js';
import { runHistoryTable } from './history-tables.js';
import { markdownTable } from './report-markdown.js';

/** One earlier (or the current) scheduled run, as the trend table lists it. */
export interface RunHistoryRow {
  runId: number;
  startedAt: string;
  status: string;
  snapshotId: number | null;
  scenario: string | null;
  totalBadDebtUsd: number | null;
  liquidatedDebtUsd: number | null;
  alertCount: number;
}

/**
 * `changes.md`, written beside a scheduled run's report: the trend over the recorded runs (the
 * current one last), what changed since the previous run (`runDiff`) and the alerts that fired.
 */
export function changesMarkdown(history: readonly RunHistoryRow[], changes: readonly string[], alerts: readonly FiredAlert[]): string {
  const lines = [
    '# Changes since the last scheduled run',
    '',
    ...(changes.length > 0 ? changes.map((c) => `- ${escapeMarkdown(c)}`) : ['No earlier run to compare with.']),
    '',
    '## Alerts',
    '',
    ...(alerts.length > 0 ? alerts.map((a) => `- **${a.rule}:** ${escapeMarkdown(a.message)}`) : ['No alert fired.']),
    '',
    '## Trend',
    '',
    markdownTable(runHistoryTable(history)),
  ];
  return `${lines.join('\n')}\n`;
}
