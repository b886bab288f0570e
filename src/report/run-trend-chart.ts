import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, usdAxis } from './chart-config.js';
import { figureContext, figureSubtitle, messageSpec, VEGA_LITE_SCHEMA, type ChartInput, type ReportChart } from './chart-frame.js';
import type { RunHistory } from './run-history.js';

export const TREND_BAD_DEBT = 'Bad debt';
export const TREND_LIQUIDATED = 'Debt liquidated';

/**
 * Scheduled runs only: each scenario's bad debt and liquidated debt in every recorded run, this
 * one last, one panel per measure, one line per scenario. Runs sit on an ordinal axis by run id
 * (labelled with their start time), so that irregular gaps between runs (a skipped tick, a manual
 * `--once`) do not stretch the lines.
 */
export function runTrendChart(input: ChartInput, history: RunHistory): ReportChart {
  const title = 'Trend over scheduled runs';
  const runs = [...new Set(history.trend.map((p) => p.runId))].sort((a, b) => a - b);
  const caption = `Bad debt and debt liquidated per scenario in each recorded scheduled run (USD; run #${history.currentRunId} is this report`
    + `${history.previousRunId === null ? ', the first recorded run' : `, compared with run #${history.previousRunId}`}; failed runs have no point), ${figureContext(input)}`;
  if (runs.length === 0) return { name: 'run-trend', title, caption, spec: messageSpec(title, figureSubtitle(input), 'No recorded run to plot.') };
  const values = history.trend.flatMap((p) => {
    const run = `#${p.runId} ${p.startedAt.slice(0, 16).replace('T', ' ')}`;
    return [
      { run, runId: p.runId, scenario: p.scenario, measure: TREND_BAD_DEBT, usd: p.totalBadDebtUsd },
      { run, runId: p.runId, scenario: p.scenario, measure: TREND_LIQUIDATED, usd: p.liquidatedDebtUsd },
    ];
  });
  const order = [...new Set(values.sort((a, b) => a.runId - b.runId).map((v) => v.run))];
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: figureSubtitle(input) },
    data: { values },
    facet: { column: { field: 'measure', type: 'nominal', sort: [TREND_BAD_DEBT, TREND_LIQUIDATED], title: null } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: Math.max(220, order.length * 40), height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'run', type: 'ordinal', title: 'Run (UTC start)', sort: order, axis: { labelAngle: -40, labelLimit: 140 } },
        y: { field: 'usd', type: 'quantitative', title: 'Debt (USD)', axis: usdAxis(), scale: { domainMin: 0, nice: true } },
        color: { field: 'scenario', type: 'nominal', title: 'Scenario', legend: { orient: 'bottom', direction: 'horizontal', labelLimit: 320 } },
      },
    },
  };
  return { name: 'run-trend', title, caption, spec };
}
