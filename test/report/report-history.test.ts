import { describe, expect, it } from 'vitest';
import {
  accountOutcomes, renderCharts, reportCharts, reportHtml, reportJsonText, reportMarkdown, TOP_ACCOUNTS, type RunHistory,
} from '../../src/report/index.js';
import { toyReportInput, toyScheduledReportInput } from './report-fixture.js';

describe('a scheduled run\'s report', () => {
  const input = toyScheduledReportInput();

  it('opens with the changes, the alerts and the trend, escaping text from data, in HTML and Markdown', async () => {
    const charts = await renderCharts(reportCharts(input));
    expect(charts[0]!.name).toBe('run-trend');
    const html = reportHtml(input, charts);
    const section = /<section id="history">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(section).toContain('Run #2 compared with run #1');
    expect(section).toContain('DEX depth of &lt;img src=x onerror=alert(1)&gt; fell 40%');
    expect(section).not.toContain('<img');
    expect(section).toContain('depthDropAbove');
    expect(section.match(/<tr>/g)!.length).toBeGreaterThanOrEqual(1 + 1 + 1 + 2); // alert header + row, trend header + 2 runs
    expect(html.indexOf('id="history"')).toBeLessThan(html.indexOf('id="charts"'));
    const md = reportMarkdown(input, charts);
    expect(md).toContain('## Since the last run');
    expect(md).not.toContain('<img');
    expect(md).toMatch(/\| 2 \(this run\) \| 2026-11-25T12:00:00\.000Z \| alert \| #7 \| eth-drop-30 \| \$2,000 \| \$60,000 \| 1 \|/);
  });

  it('carries the history and each scenario\'s costliest accounts in report.json', () => {
    const parsed = JSON.parse(reportJsonText(input)) as { history: RunHistory; scenarios: { topAccounts: unknown[] }[] };
    expect(parsed.history.currentRunId).toBe(2);
    expect(parsed.history.trend).toHaveLength(2 * input.runs.length);
    input.runs.forEach((run, i) => expect(parsed.scenarios[i]!.topAccounts).toEqual(JSON.parse(JSON.stringify(accountOutcomes(run.result, TOP_ACCOUNTS)))));
    expect(parsed.scenarios[1]!.topAccounts).toHaveLength(TOP_ACCOUNTS);
    // A report run by hand has no history key.
    expect(Object.keys(JSON.parse(reportJsonText(toyReportInput())))).not.toContain('history');
  });
});
