import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, colourFor, NEUTRAL_COLOUR, priceAxis, usdAxis } from './chart-config.js';
import { formatUsdCompact } from './format.js';
import { figureContext, messageSpec as emptyChart, VEGA_LITE_SCHEMA as SCHEMA, type ChartInput, type ReportChart } from './chart-frame.js';
import { atRiskAccountsChart, liquidatorConcentrationChart, whaleConcentrationChart } from './concentration-chart-specs.js';
import { depthVsSoldChart, exposureHeatmapChart, liquidationsBadDebtChart } from './risk-chart-specs.js';
import { runTrendChart } from './run-trend-chart.js';
import { captionContext, movedAssets, runProtocols } from './scenario-facts.js';

/**
 * Vega-Lite specs for the report's charts, data (`data.values`) and look (`config`) inlined so that
 * a spec alone reproduces its chart in any Vega-Lite 6 viewer. Pure: `renderChart` turns a spec
 * into SVG.
 *
 *   price-path         price of each asset that moved, by round, one panel per asset, one line per scenario
 *   bad-debt           bad debt by protocol, one bar per scenario
 *   liquidated-volume  debt repaid per round stacked by protocol, collateral seized as a line, one panel per scenario
 *   liquidations-bad-debt, depth-vs-sold, exposure-heatmap  (risk-chart-specs.ts)
 *   at-risk-accounts, whale-concentration, liquidator-concentration  (concentration-chart-specs.ts)
 *   run-trend          scheduled runs only: bad debt and liquidated debt per run (run-trend-chart.ts)
 */

export type { ChartName, ReportChart } from './chart-frame.js';

export const SEIZED_SERIES = 'Collateral seized (all protocols)';

/** The report's charts, in the order the reports show them. */
export const reportCharts = (input: ChartInput): ReportChart[] => [
  ...(input.history === undefined ? [] : [runTrendChart(input, input.history)]),
  pricePathChart(input), badDebtChart(input), liquidatedVolumeChart(input), liquidationsBadDebtChart(input), depthVsSoldChart(input), exposureHeatmapChart(input),
  atRiskAccountsChart(input), whaleConcentrationChart(input), liquidatorConcentrationChart(input),
];

const scenarioNames = (input: ChartInput): string[] => input.runs.map((run) => run.scenario.name);

/** Round 0 is the price after the shock; round r the price after round r's collateral sales. */
export function pricePathChart(input: ChartInput): ReportChart {
  const assets = movedAssets(input.runs);
  const title = 'Price path by cascade round';
  const about = captionContext(input.snapshot, scenarioNames(input));
  const values = input.runs.flatMap(({ scenario, result }) =>
    assets.flatMap((asset) => [
      { scenario: scenario.name, asset, round: 0, priceUsd: result.shockedPrices[asset] ?? null },
      ...result.trace.map((round) => ({ scenario: scenario.name, asset, round: round.round, priceUsd: round.pricesAfter[asset] ?? null })),
    ]));
  const caption = `Price of each asset that moved (USD), after the shock (round 0) and after each round's collateral sales, ${figureContext(input)}`;
  if (assets.length === 0) return { name: 'price-path', title, caption, spec: emptyChart(title, about, 'No asset price moved in any scenario.') };
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: about },
    data: { values },
    facet: { field: 'asset', type: 'nominal', sort: assets, title: null },
    columns: Math.min(3, assets.length),
    // Each asset its own price scale; an x axis under every panel, not only the bottom row's.
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
    spec: {
      width: 220, height: 150,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'round', type: 'quantitative', title: 'Round (0 = after shock)', axis: { tickMinStep: 1, format: 'd' } },
        y: { field: 'priceUsd', type: 'quantitative', title: 'Price (USD)', scale: { zero: false }, axis: priceAxis() },
        color: { field: 'scenario', type: 'nominal', title: 'Scenario', sort: scenarioNames(input), legend: { orient: 'bottom', direction: 'horizontal' } },
      },
    },
  };
  return { name: 'price-path', title, caption, spec };
}

export function badDebtChart(input: ChartInput): ReportChart {
  const protocols = runProtocols(input.runs);
  const scenarios = scenarioNames(input);
  const several = scenarios.length > 1;
  const title = 'Bad debt by protocol';
  const about = captionContext(input.snapshot, scenarios);
  const values = input.runs.flatMap(({ scenario, result }) => protocols.map((protocol) => {
    const badDebtUsd = result.badDebtByProtocol[protocol] ?? 0;
    return { scenario: scenario.name, protocol, badDebtUsd, label: formatUsdCompact(badDebtUsd) };
  }));
  const caption = `Debt left unpaid when an account's collateral ran out (USD)${several ? ', one bar per scenario' : ''}, ${figureContext(input)}`;
  if (protocols.length === 0) return { name: 'bad-debt', title, caption, spec: emptyChart(title, about, 'No protocol in any scenario.') };
  const y = { field: 'protocol', type: 'nominal', title: 'Protocol', sort: protocols, axis: { labelLimit: 200 } } as const;
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: about },
    data: { values },
    width: 520,
    // A fixed height (rather than a band step) keeps bars readable with many scenarios.
    height: protocols.length * (several ? scenarios.length * 14 + 10 : 26),
    encoding: {
      y,
      x: { field: 'badDebtUsd', type: 'quantitative', title: 'Bad debt (USD)', axis: usdAxis(), scale: { domainMin: 0, nice: true } },
      ...(several ? { yOffset: { field: 'scenario', type: 'nominal', sort: scenarios } } : {}),
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: several
          ? { color: { field: 'scenario', type: 'nominal', title: 'Scenario', sort: scenarios, legend: { orient: 'bottom', direction: 'horizontal' } } }
          : { color: { value: colourFor(0) } },
      },
      { mark: { type: 'text', align: 'left', dx: 4, color: '#3d4248' }, encoding: { text: { field: 'label' } } },
    ],
  };
  return { name: 'bad-debt', title, caption, spec };
}

export function liquidatedVolumeChart(input: ChartInput): ReportChart {
  const protocols = runProtocols(input.runs);
  const title = 'Liquidated volume by round';
  const about = captionContext(input.snapshot, scenarioNames(input));
  const active = input.runs.filter((run) => run.result.trace.length > 0);
  const quiet = input.runs.filter((run) => run.result.trace.length === 0).map((run) => run.scenario.name);
  const values = active.flatMap(({ scenario, result }) => result.trace.flatMap((round) => [
    ...protocols.map((protocol) => ({ scenario: scenario.name, round: round.round, series: protocol, kind: 'repaid', usd: round.liquidatedDebtUsdByProtocol[protocol] ?? 0 })),
    { scenario: scenario.name, round: round.round, series: SEIZED_SERIES, kind: 'seized', usd: round.seizedCollateralUsd },
  ]));
  const caption = `Debt repaid by liquidators per round, stacked by protocol, and collateral seized per round (USD at each round's prices; each panel has its own scale), ${figureContext(input)}`
    + (quiet.length > 0 ? `; no liquidations, so no panel, in ${quiet.join(', ')}` : '');
  if (active.length === 0) return { name: 'liquidated-volume', title, caption, spec: emptyChart(title, about, 'No account was liquidated in any scenario.') };
  const colour = {
    field: 'series', type: 'nominal', title: 'Series',
    scale: { domain: [...protocols, SEIZED_SERIES], range: [...protocols.map((_, i) => colourFor(i)), NEUTRAL_COLOUR] },
    legend: { title: null, orient: 'bottom', direction: 'horizontal', columns: 2, labelLimit: 320, symbolType: 'square' },
  } as const;
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: about },
    data: { values },
    facet: { field: 'scenario', type: 'nominal', sort: active.map((run) => run.scenario.name), title: null },
    columns: Math.min(2, active.length),
    // Rounds and amounts differ by orders of magnitude between scenarios (a depeg's $1M against a
    // crash's $800M): a shared scale would flatten the small ones, and the bad-debt chart compares.
    resolve: { scale: { x: 'independent', y: 'independent' }, axis: { x: 'independent' } },
    spec: {
      width: 300, height: 180,
      encoding: {
        x: { field: 'round', type: 'ordinal', title: 'Round', axis: { labelAngle: 0 } },
        y: { field: 'usd', type: 'quantitative', title: 'Amount per round (USD)', axis: usdAxis() },
        color: colour,
      },
      layer: [
        { transform: [{ filter: "datum.kind === 'repaid'" }], mark: { type: 'bar' }, encoding: { y: { field: 'usd', type: 'quantitative', stack: 'zero', axis: usdAxis() } } },
        { transform: [{ filter: "datum.kind === 'seized'" }], mark: { type: 'line', point: true, strokeDash: [4, 2] }, encoding: { y: { field: 'usd', type: 'quantitative', stack: null } } },
      ],
    },
  };
  return { name: 'liquidated-volume', title, caption, spec };
}
