import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioRun } from '../pipeline/run-scenarios.js';
import { CHART_CONFIG, colourFor, compactUsdExpr, usdAxis } from './chart-config.js';
import { figureContext, figureSubtitle as subtitleFor, messageSpec, VEGA_LITE_SCHEMA as SCHEMA, type ChartInput, type ReportChart } from './chart-frame.js';
import { formatUsdCompact } from './format.js';
import { runProtocols } from './scenario-facts.js';

/**
 * Charts that set a cascade's losses against what was exposed (issue 6, item 1):
 *
 *   liquidations-bad-debt  debt liquidated beside bad debt, per protocol, one panel per scenario
 *   depth-vs-sold          per collateral asset, DEX depth at the snapshot against collateral sold in each scenario
 *   exposure-heatmap       collateral at snapshot prices per asset × protocol
 *   liquidator-concentration  share of the indexed liquidation history repaid by each of the top liquidators
 *
 * Every caption names the snapshot, its blocks and the model with its options, since the figures
 * mean nothing without them.
 */

export type RiskChartInput = ChartInput;

export const LIQUIDATED_SERIES = 'Debt liquidated';
export const BAD_DEBT_SERIES = 'Bad debt';
export const DEPTH_SERIES = 'DEX depth at snapshot';

/** Grouped horizontal bars: per protocol, debt the liquidators repaid and debt left unpaid. */
export function liquidationsBadDebtChart(input: RiskChartInput): ReportChart {
  const protocols = runProtocols(input.runs);
  const scenarios = input.runs.map((run) => run.scenario.name);
  const title = 'Debt liquidated beside bad debt';
  const caption = `Debt repaid by liquidators over the whole cascade beside debt left unpaid when collateral ran out, per protocol (USD), ${figureContext(input)}`;
  const values = input.runs.flatMap(({ scenario, result }) => protocols.flatMap((protocol) => [
    { scenario: scenario.name, protocol, series: LIQUIDATED_SERIES, usd: result.liquidatedDebtUsdByProtocol[protocol] ?? 0 },
    { scenario: scenario.name, protocol, series: BAD_DEBT_SERIES, usd: result.badDebtByProtocol[protocol] ?? 0 },
  ]));
  if (protocols.length === 0) return { name: 'liquidations-bad-debt', title, caption, spec: messageSpec(title, subtitleFor(input), 'No protocol in any scenario.') };
  const series = [LIQUIDATED_SERIES, BAD_DEBT_SERIES];
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: subtitleFor(input) },
    data: { values },
    facet: { field: 'scenario', type: 'nominal', sort: scenarios, title: null },
    columns: Math.min(2, scenarios.length),
    resolve: { axis: { x: 'independent', y: 'independent' } },
    spec: {
      width: 300, height: protocols.length * 30,
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'protocol', type: 'nominal', title: 'Protocol', sort: protocols, axis: { labelLimit: 160 } },
        yOffset: { field: 'series', type: 'nominal', sort: series },
        x: { field: 'usd', type: 'quantitative', title: 'Debt (USD)', axis: usdAxis(), scale: { domainMin: 0, nice: true } },
        color: {
          field: 'series', type: 'nominal', title: null, scale: { domain: series, range: [colourFor(0), colourFor(2)] },
          legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'square' },
        },
      },
    },
  };
  return { name: 'liquidations-bad-debt', title, caption, spec };
}

/** USD of collateral each asset had sold into its pools over a run: soldUnits × the round's prices. */
export function soldCollateralUsd(run: ScenarioRun): Record<string, number> {
  const sold: Record<string, number> = {};
  for (const round of run.result.trace) {
    for (const [asset, units] of Object.entries(round.soldUnits)) {
      if (units !== 0) sold[asset] = (sold[asset] ?? 0) + units * (round.prices[asset] ?? 0);
    }
  }
  return sold;
}

/** Per collateral asset sold in any run: its DEX depth at the snapshot beside what each scenario sold. */
export function depthVsSoldChart(input: RiskChartInput): ReportChart {
  const title = 'DEX depth against collateral sold';
  const caption = 'Liquidity of each collateral asset on indexed DEX pools at the snapshot (sum of the pools\' USD reserves) beside the collateral '
    + `the cascade seized and sold into them, units × each round's prices, per scenario (USD), ${figureContext(input)}`;
  const scenarios = input.runs.map((run) => run.scenario.name);
  const sold = input.runs.map(soldCollateralUsd);
  const depth = new Map((input.summary?.assets ?? []).map((asset) => [asset.symbol, asset.poolDepthUsd]));
  const assets = [...new Set(sold.flatMap((record) => Object.keys(record)))]
    .sort((a, b) => Math.max(...sold.map((r) => r[b] ?? 0)) - Math.max(...sold.map((r) => r[a] ?? 0)) || a.localeCompare(b));
  // Without a snapshot summary (a notebook charting runs alone) there is no depth to show.
  const withDepth = input.summary !== undefined;
  const values = assets.flatMap((asset) => [
    ...(withDepth ? [{ asset, series: DEPTH_SERIES, usd: depth.get(asset) ?? 0 }] : []),
    ...scenarios.map((scenario, i) => ({ asset, series: `Sold in ${scenario}`, usd: sold[i]![asset] ?? 0 })),
  ]);
  if (assets.length === 0) return { name: 'depth-vs-sold', title, caption, spec: messageSpec(title, subtitleFor(input), 'No collateral was sold in any scenario.') };
  const series = [...(withDepth ? [DEPTH_SERIES] : []), ...scenarios.map((scenario) => `Sold in ${scenario}`)];
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: subtitleFor(input) },
    data: { values },
    width: 520,
    height: assets.length * (series.length * 14 + 10),
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'asset', type: 'nominal', title: 'Collateral asset', sort: assets, axis: { labelLimit: 200 } },
      yOffset: { field: 'series', type: 'nominal', sort: series },
      x: { field: 'usd', type: 'quantitative', title: 'Amount (USD)', axis: usdAxis(), scale: { domainMin: 0, nice: true } },
      color: {
        field: 'series', type: 'nominal', title: null,
        scale: { domain: series, range: [...(withDepth ? ['#8c9196'] : []), ...scenarios.map((_, i) => colourFor(i))] },
        legend: { orient: 'bottom', direction: 'horizontal', columns: 2, labelLimit: 320, symbolType: 'square' },
      },
    },
  };
  return { name: 'depth-vs-sold', title, caption, spec };
}

/** Rect heatmap of collateral USD per (asset, protocol) at snapshot prices, log colour scale. */
export function exposureHeatmapChart(input: RiskChartInput): ReportChart {
  const title = 'Collateral exposure by asset and protocol';
  const caption = `Collateral posted at snapshot prices per asset and protocol, before any shock (USD; colour on a log scale), ${figureContext(input)}`;
  const exposures = input.summary?.exposures ?? [];
  if (exposures.length === 0) return { name: 'exposure-heatmap', title, caption, spec: messageSpec(title, subtitleFor(input), 'No collateral in the snapshot summary.') };
  const assetTotal = new Map<string, number>();
  for (const e of exposures) assetTotal.set(e.asset, (assetTotal.get(e.asset) ?? 0) + e.collateralUsd);
  const assets = [...assetTotal].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([asset]) => asset);
  const protocols = [...new Set(exposures.map((e) => e.protocol))];
  const usd = exposures.map((e) => e.collateralUsd);
  const darkFrom = Math.sqrt(Math.min(...usd) * Math.max(...usd));
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: subtitleFor(input) },
    data: { values: exposures.map((e) => ({ asset: e.asset, protocol: e.protocol, collateralUsd: e.collateralUsd, label: formatUsdCompact(e.collateralUsd) })) },
    width: Math.max(200, protocols.length * 110),
    height: assets.length * 24,
    encoding: {
      x: { field: 'protocol', type: 'nominal', title: 'Protocol', sort: protocols, axis: { labelAngle: -20, labelLimit: 160 } },
      y: { field: 'asset', type: 'nominal', title: 'Collateral asset', sort: assets, axis: { labelLimit: 200 } },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: 'collateralUsd', type: 'quantitative', title: 'Collateral (USD)', scale: { type: 'log', scheme: 'blues' },
            legend: { orient: 'right', labelExpr: compactUsdExpr('datum.value'), tickCount: 4 },
          },
        },
      },
      {
        mark: { type: 'text' },
        // White on the darker half of the log scale, where dark text would not read.
        encoding: { text: { field: 'label' }, color: { condition: { test: `datum.collateralUsd > ${darkFrom}`, value: '#ffffff' }, value: '#1f2328' } },
      },
    ],
  };
  return { name: 'exposure-heatmap', title, caption, spec };
}
