import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, colourFor, usdAxis } from './chart-config.js';
import { figureContext, figureSubtitle, messageSpec, VEGA_LITE_SCHEMA, type ChartInput, type ReportChart } from './chart-frame.js';
import { formatCount, formatUsdCompact, shortId } from './format.js';
import { accountOutcomes } from './scenario-facts.js';

/**
 * Charts of who a cascade depends on (issue 6, item 1):
 *
 *   at-risk-accounts          the accounts whose liquidation cost most, per scenario: debt repaid beside bad debt
 *   whale-concentration       per market, the share of its collateral held by its 1, 5 and 10 largest accounts
 *   liquidator-concentration  share of the indexed liquidation history repaid by each of the top liquidators
 */

/** Accounts shown per scenario in `at-risk-accounts`. */
export const TOP_AT_RISK_ACCOUNTS = 10;
/** Markets shown in `whale-concentration`: the largest by collateral. */
export const TOP_MARKETS = 12;
/** Liquidators shown by name; the rest are one "others" bar. */
export const TOP_LIQUIDATORS = 10;
export const OTHER_LIQUIDATORS = 'all other liquidators';
export const REPAID_SERIES = 'Debt repaid by liquidators';
export const ACCOUNT_BAD_DEBT_SERIES = 'Bad debt';
export const WHALE_SEGMENTS = ['Largest account', 'Next 4 accounts', 'Next 5 accounts', 'All other accounts'] as const;

const sharePercent = (share: number): string => `${(100 * share).toFixed(1)}%`;

/** Rounded down to 2 decimals: a liquidated account's 0.9999 must not read "1.00". */
export const healthFactorLabel = (healthFactor: number): string => (Math.floor(healthFactor * 100) / 100).toFixed(2);

/** Per scenario, the accounts that cost most (repaid + bad debt), stacked bars, with their first health factor and round. */
export function atRiskAccountsChart(input: ChartInput): ReportChart {
  const title = 'Top at-risk accounts';
  const perRun = input.runs.map((run) => ({ run, top: accountOutcomes(run.result, TOP_AT_RISK_ACCOUNTS), all: accountOutcomes(run.result, Infinity) }));
  const shares = perRun.map(({ run, top, all }) => {
    const total = all.reduce((s, a) => s + a.repaidUsd + a.badDebtUsd, 0);
    const topSum = top.reduce((s, a) => s + a.repaidUsd + a.badDebtUsd, 0);
    return total > 0 ? `${run.scenario.name}: ${sharePercent(topSum / total)} of ${formatCount(all.length)} accounts' total` : null;
  }).filter((s): s is string => s !== null);
  const caption = `The ${TOP_AT_RISK_ACCOUNTS} accounts per scenario whose liquidation cost most, debt repaid by liquidators beside bad debt left unpaid `
    + `(USD, summed over the account's liquidations; labelled with its health factor HF and round r at its first liquidation)`
    + `${shares.length > 0 ? `; the top ${TOP_AT_RISK_ACCOUNTS} hold ${shares.join('; ')}` : ''}, ${figureContext(input)}`;
  const values = perRun.flatMap(({ run, top }) => top.flatMap((a) => {
    const label = `${a.protocol} · ${shortId(a.account)} · HF ${healthFactorLabel(a.healthFactor)} · r${a.firstRound}`;
    return [
      { scenario: run.scenario.name, account: label, series: REPAID_SERIES, usd: a.repaidUsd, rank: a.repaidUsd + a.badDebtUsd },
      { scenario: run.scenario.name, account: label, series: ACCOUNT_BAD_DEBT_SERIES, usd: a.badDebtUsd, rank: a.repaidUsd + a.badDebtUsd },
    ];
  }));
  if (values.length === 0) return { name: 'at-risk-accounts', title, caption, spec: messageSpec(title, figureSubtitle(input), 'No account was liquidated in any scenario.') };
  const series = [REPAID_SERIES, ACCOUNT_BAD_DEBT_SERIES];
  const rows = Math.max(...perRun.map((r) => r.top.length));
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: figureSubtitle(input) },
    data: { values },
    facet: { row: { field: 'scenario', type: 'nominal', sort: input.runs.map((r) => r.scenario.name), title: null, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 360, height: rows * 20,
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'account', type: 'nominal', title: null, sort: { field: 'rank', order: 'descending' }, axis: { labelLimit: 400 } },
        x: { field: 'usd', type: 'quantitative', title: 'Debt (USD)', stack: 'zero', axis: usdAxis(), scale: { domainMin: 0, nice: true } },
        color: {
          field: 'series', type: 'nominal', title: null, scale: { domain: series, range: [colourFor(0), colourFor(2)] },
          legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'square' },
        },
        order: { field: 'series', sort: 'descending' },
      },
    },
  };
  return { name: 'at-risk-accounts', title, caption, spec };
}

/** Per market, normalised bars: the largest account, the next 4, the next 5 and everyone else, with the HHI. */
export function whaleConcentrationChart(input: ChartInput): ReportChart {
  const title = 'Whale concentration of collateral';
  const markets = [...(input.summary?.concentration ?? [])].sort((a, b) => b.collateralUsd - a.collateralUsd).slice(0, TOP_MARKETS);
  const caption = `Share of each market's collateral (at snapshot prices, before any shock) held by its largest account, the next 4, the next 5 and all others, `
    + `for the ${TOP_MARKETS} markets with most collateral; HHI is the Herfindahl–Hirschman index Σ share² (1 = one holder), ${figureContext(input)}`;
  if (markets.length === 0) return { name: 'whale-concentration', title, caption, spec: messageSpec(title, figureSubtitle(input), 'No collateral in the snapshot summary.') };
  const labelOf = (m: (typeof markets)[number]): string => [m.protocol, ...(m.market === null ? [] : [shortId(m.market)]), m.asset].join(' · ');
  const values = markets.flatMap((m) => {
    const parts = [m.top1Share, m.top5Share - m.top1Share, m.top10Share - m.top5Share, Math.max(0, 1 - m.top10Share)];
    const note = `top 1 ${sharePercent(m.top1Share)} · HHI ${m.hhi.toFixed(2)} · ${formatCount(m.accounts)} accounts · ${formatUsdCompact(m.collateralUsd)}`;
    return WHALE_SEGMENTS.map((segment, i) => ({ market: labelOf(m), segment, share: parts[i]!, order: i, note, end: 1 }));
  });
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: figureSubtitle(input) },
    data: { values },
    width: 320,
    height: markets.length * 22,
    encoding: { y: { field: 'market', type: 'nominal', title: 'Market', sort: markets.map(labelOf), axis: { labelLimit: 320 } } },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'share', type: 'quantitative', title: 'Share of the market\'s collateral', stack: 'zero', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
          color: {
            field: 'segment', type: 'nominal', title: null, sort: [...WHALE_SEGMENTS],
            scale: { domain: [...WHALE_SEGMENTS], range: ['#08519c', '#4292c6', '#9ecae1', '#e6e8eb'] },
            legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'square' },
          },
          order: { field: 'order' },
        },
      },
      {
        transform: [{ filter: 'datum.order === 0' }],
        mark: { type: 'text', align: 'left', dx: 6, color: '#3d4248' },
        encoding: { x: { field: 'end', type: 'quantitative' }, text: { field: 'note' } },
      },
    ],
  };
  return { name: 'whale-concentration', title, caption, spec };
}


/** Share of the debt repaid in the indexed liquidation history, by the top liquidators and the rest together. */
export function liquidatorConcentrationChart(input: ChartInput): ReportChart {
  const title = 'Liquidator concentration';
  const caption = `Share of the debt repaid in the snapshot's indexed liquidation history by each of the ${TOP_LIQUIDATORS} largest liquidators, `
    + `the rest as one bar (the liquidator capital a cascade can draw on), ${figureContext(input)}`;
  const liquidators = input.summary?.liquidators ?? [];
  const total = liquidators.reduce((s, l) => s + l.repaidUsd, 0);
  if (!(total > 0)) return { name: 'liquidator-concentration', title, caption, spec: messageSpec(title, figureSubtitle(input), 'No liquidation history in the snapshot.') };
  const top = liquidators.slice(0, TOP_LIQUIDATORS);
  const rest = liquidators.slice(TOP_LIQUIDATORS);
  const rows = [
    ...top.map((l) => ({ liquidator: l.liquidator, repaidUsd: l.repaidUsd, liquidations: l.liquidations })),
    ...(rest.length > 0 ? [{ liquidator: `${OTHER_LIQUIDATORS} (${rest.length})`, repaidUsd: rest.reduce((s, l) => s + l.repaidUsd, 0), liquidations: rest.reduce((s, l) => s + l.liquidations, 0) }] : []),
  ];
  const values = rows.map((row) => ({ ...row, share: row.repaidUsd / total, label: `${(100 * row.repaidUsd / total).toFixed(1)}% · ${formatUsdCompact(row.repaidUsd)}` }));
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    config: CHART_CONFIG,
    title: { text: title, subtitle: figureSubtitle(input) },
    data: { values },
    width: 440,
    height: values.length * 24,
    encoding: {
      y: { field: 'liquidator', type: 'nominal', title: 'Liquidator', sort: values.map((v) => v.liquidator), axis: { labelLimit: 220 } },
      x: { field: 'share', type: 'quantitative', title: 'Share of debt repaid in the history (USD-weighted)', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
    },
    layer: [
      { mark: { type: 'bar', color: colourFor(0) } },
      { mark: { type: 'text', align: 'left', dx: 4, color: '#3d4248' }, encoding: { text: { field: 'label' } } },
    ],
  };
  return { name: 'liquidator-concentration', title, caption, spec };
}
