import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_BAD_DEBT_SERIES, accountOutcomes, healthFactorLabel, atRiskAccountsChart, renderChart, REPAID_SERIES, runTrendChart, TOP_AT_RISK_ACCOUNTS, TOP_MARKETS,
  trendPoints, TREND_BAD_DEBT, TREND_LIQUIDATED, whaleConcentrationChart, WHALE_SEGMENTS, type RunHistory,
} from '../../src/report/index.js';
import { HOSTILE_PROTOCOL, SCENARIOS, toyReportInput } from './report-fixture.js';

type Row = Record<string, unknown>;
const rows = (spec: unknown): Row[] => (spec as { data: { values: Row[] } }).data.values;
const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('top at-risk accounts', () => {
  const input = toyReportInput();

  it('sums each account\'s liquidations, and the shown accounts are the costliest of all', () => {
    for (const run of input.runs) {
      const all = accountOutcomes(run.result, Infinity);
      // Conservation: the per-account sums add back to the run's totals.
      const repaid = all.reduce((s, a) => s + a.repaidUsd, 0);
      expect(repaid).toBeCloseTo(run.result.events.reduce((s, e) => s + e.repaidUsd, 0), 6);
      expect(all.reduce((s, a) => s + a.badDebtUsd, 0)).toBeCloseTo(run.result.events.reduce((s, e) => s + e.badDebtUsd, 0), 6);
      expect(all.reduce((s, a) => s + a.liquidations, 0)).toBe(run.result.events.length);
      const cost = all.map((a) => a.repaidUsd + a.badDebtUsd);
      expect(cost).toEqual([...cost].sort((x, y) => y - x));
      const top = accountOutcomes(run.result, TOP_AT_RISK_ACCOUNTS);
      expect(top).toEqual(all.slice(0, TOP_AT_RISK_ACCOUNTS));
      // Brute force: no account left out costs more than the cheapest one shown.
      if (all.length > TOP_AT_RISK_ACCOUNTS) expect(Math.max(...cost.slice(TOP_AT_RISK_ACCOUNTS))).toBeLessThanOrEqual(cost[TOP_AT_RISK_ACCOUNTS - 1]!);
    }
  });

  it('charts two bars per account shown, the first round and health factor from the first liquidation', async () => {
    const chart = atRiskAccountsChart(input);
    const data = rows(chart.spec);
    const crash = input.runs[1]!;
    const top = accountOutcomes(crash.result, TOP_AT_RISK_ACCOUNTS);
    expect(top.length).toBe(TOP_AT_RISK_ACCOUNTS);
    for (const a of top) {
      const first = crash.result.events.find((e) => e.account === a.account && e.protocol === a.protocol)!;
      const label = data.find((r) => r.scenario === crash.scenario.name && r.series === REPAID_SERIES && r.usd === a.repaidUsd)!.account as string;
      expect(label).toContain(`HF ${healthFactorLabel(first.healthFactor)} · r${first.round}`);
      expect(Number(healthFactorLabel(first.healthFactor))).toBeLessThan(1);
      expect(data.find((r) => r.account === label && r.series === ACCOUNT_BAD_DEBT_SERIES)?.usd).toBe(a.badDebtUsd);
    }
    // The baseline liquidates nobody: no rows for it.
    expect(data.some((r) => r.scenario === 'baseline')).toBe(false);
    const svg = await renderChart(chart.spec);
    expect(count(svg, 'aria-roledescription="bar"')).toBe(data.length);
    expect(svg).not.toContain('<i>');
    expect(chart.caption).toMatch(/the top 10 hold eth-drop-30: \d+\.\d% of \d+ accounts' total/);
    expect(chart.caption).toContain('blocks toy 19000000');
  });

  it('says so when nobody was liquidated', () => {
    expect(rows(atRiskAccountsChart(toyReportInput([SCENARIOS[2]!])).spec)).toEqual([{ message: 'No account was liquidated in any scenario.' }]);
  });
});

describe('whale concentration', () => {
  const input = toyReportInput();

  it('splits each market into segments summing to 1, the largest markets first, each from the summary', async () => {
    const chart = whaleConcentrationChart(input);
    const data = rows(chart.spec);
    const markets = [...new Set(data.map((r) => r.market as string))];
    expect(markets.length).toBe(Math.min(TOP_MARKETS, input.summary.concentration.length));
    for (const market of markets) {
      const parts = data.filter((r) => r.market === market);
      expect(parts.map((r) => r.segment)).toEqual([...WHALE_SEGMENTS]);
      expect(parts.reduce((s, r) => s + (r.share as number), 0)).toBeCloseTo(1, 12);
      for (const r of parts) expect(r.share as number).toBeGreaterThanOrEqual(0);
    }
    for (const m of input.summary.concentration.filter((c) => c.protocol === HOSTILE_PROTOCOL)) {
      const row = data.find((r) => r.market === `${HOSTILE_PROTOCOL} · ${m.asset}` && r.segment === WHALE_SEGMENTS[0])!;
      expect(row.share).toBeCloseTo(m.top1Share, 12);
    }
    const svg = await renderChart(chart.spec);
    expect(svg).toContain('morpho &lt;i&gt;blue&lt;/i&gt; &amp; co');
    expect(svg).not.toContain('<img');
  });
});

describe('run trend', () => {
  const input = toyReportInput();
  const history: RunHistory = {
    currentRunId: 3, previousRunId: 1, changes: [], alerts: [],
    runs: [
      { runId: 1, startedAt: '2026-11-25T00:00:00.000Z', status: 'ok', snapshotId: 7, scenario: 'a', totalBadDebtUsd: 10, liquidatedDebtUsd: 100, alertCount: 0 },
      { runId: 2, startedAt: '2026-11-25T06:00:00.000Z', status: 'failed', snapshotId: null, scenario: null, totalBadDebtUsd: null, liquidatedDebtUsd: null, alertCount: 0 },
      { runId: 3, startedAt: '2026-11-25T12:00:00.000Z', status: 'alert', snapshotId: 7, scenario: 'a', totalBadDebtUsd: 30, liquidatedDebtUsd: 300, alertCount: 1 },
    ],
    trend: trendPoints([
      { runId: 1, startedAt: '2026-11-25T00:00:00.000Z', status: 'ok', snapshotId: 7, scenario: 'a', totalBadDebtUsd: 10, liquidatedDebtUsd: 100, alertCount: 0,
        scenarios: [{ name: 'a', totalBadDebtUsd: 10, liquidatedDebtUsd: 100 }, { name: 'b', totalBadDebtUsd: 1, liquidatedDebtUsd: 5 }] },
      { runId: 2, startedAt: '2026-11-25T06:00:00.000Z', status: 'failed', snapshotId: null, scenario: null, totalBadDebtUsd: null, liquidatedDebtUsd: null, alertCount: 0, scenarios: [] },
      { runId: 3, startedAt: '2026-11-25T12:00:00.000Z', status: 'alert', snapshotId: 7, scenario: 'a', totalBadDebtUsd: 30, liquidatedDebtUsd: 300, alertCount: 1,
        scenarios: [{ name: 'a', totalBadDebtUsd: 30, liquidatedDebtUsd: 300 }, { name: 'b', totalBadDebtUsd: 'corrupt' }] },
    ]),
  };

  it('takes one point per scenario and run, skipping failed runs and malformed records', () => {
    expect(history.trend.map((p) => [p.runId, p.scenario, p.totalBadDebtUsd])).toEqual([[1, 'a', 10], [1, 'b', 1], [3, 'a', 30]]);
  });

  it('plots bad debt and liquidated debt per run in run order, naming the compared runs', async () => {
    const chart = runTrendChart(input, history);
    const data = rows(chart.spec);
    expect(data).toHaveLength(6);
    expect(data.filter((r) => r.measure === TREND_BAD_DEBT && r.scenario === 'a').map((r) => r.usd)).toEqual([10, 30]);
    expect(data.filter((r) => r.measure === TREND_LIQUIDATED && r.scenario === 'a').map((r) => r.usd)).toEqual([100, 300]);
    expect(chart.caption).toContain('run #3 is this report, compared with run #1');
    const svg = await renderChart(chart.spec);
    expect(svg).toContain('#1 2026-11-25 00:00');
    expect(svg).toContain('#3 2026-11-25 12:00');
    expect(svg).not.toContain('#2 2026');
  });
});

describe('healthFactorLabel', () => {
  it('rounds down, so that an account liquidated just below 1 never reads 1.00', () => {
    expect([0.9999, 0.995, 1, 1.2345, 0.41].map(healthFactorLabel)).toEqual(['0.99', '0.99', '1.00', '1.23', '0.41']);
  });
});
