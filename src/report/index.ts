/**
 * Reports: pure builders over a `ReportInput` plus one writer.
 *
 *   ReportInput ─┬─ reportCharts ── renderCharts ──┬─ reportHtml ─────┐
 *                │   (Vega-Lite specs)   (SVG)     └─ reportMarkdown ─┤
 *                ├─ reportJson ───────────────────────────────────────┼─ writeReport ─▶ report.html, report.md,
 *                └─ summaryText / formatRunSummary ─▶ terminal        ┘                 report.json, charts/*.svg
 */
export type { ReportInput } from './report-input.js';
export { reportCharts, pricePathChart, badDebtChart, liquidatedVolumeChart, SEIZED_SERIES, type ReportChart, type ChartName } from './chart-specs.js';
export { liquidationsBadDebtChart, depthVsSoldChart, exposureHeatmapChart, soldCollateralUsd, LIQUIDATED_SERIES, BAD_DEBT_SERIES, DEPTH_SERIES, type RiskChartInput } from './risk-chart-specs.js';
export {
  atRiskAccountsChart, whaleConcentrationChart, liquidatorConcentrationChart, TOP_AT_RISK_ACCOUNTS, TOP_MARKETS, TOP_LIQUIDATORS, OTHER_LIQUIDATORS,
  REPAID_SERIES, ACCOUNT_BAD_DEBT_SERIES, WHALE_SEGMENTS, healthFactorLabel,
} from './concentration-chart-specs.js';
export { figureContext, type ChartInput } from './chart-frame.js';
export { runTrendChart, TREND_BAD_DEBT, TREND_LIQUIDATED } from './run-trend-chart.js';
export { trendPoints, type RunHistory, type TrendPoint } from './run-history.js';
export { CHART_CONFIG } from './chart-config.js';
export { renderChart, renderCharts, scopeSvgIds, type RenderChartOptions, type RenderedChart } from './render-chart.js';
export { reportJson, reportJsonText, toJsonSafe, TOP_LIQUIDATIONS, TOP_ACCOUNTS, type ReportJson, type ReportJsonScenario, type ReportResult, type JsonSafe } from './report-json.js';
export { reportHtml } from './report-html.js';
export { reportMarkdown, markdownTable, chartPath } from './report-markdown.js';
export { formatRunSummary, summaryText, SUMMARY_PRICE_MOVES } from './summary-text.js';
export { writeReport, defaultReportDir } from './write-report.js';
export { escapeHtml, escapeMarkdown, escapeTerminal, jsonForScript } from './escape.js';
export { formatUsd, formatUsdCompact, formatPrice, formatChange, formatCount, formatRatio, formatShock, shortId } from './format.js';
export { ReportError, ChartRenderError } from './errors.js';
export type { ReportTable, ReportColumn } from './report-table.js';
export { runMetrics, collateralDepth, collateralShares, type RunMetrics, type ScenarioMetrics, type CollateralShare } from './run-metrics.js';
export { runDiff, mainDriver } from './run-diff.js';
export { evaluateAlerts, type FiredAlert } from './evaluate-alerts.js';
export { parseScheduleConfig, type ScheduleConfig, type AlertRules } from './schedule-config.js';
export { changesMarkdown, type RunHistoryRow } from './run-changes.js';
export { accountOutcomes, largestLiquidations, type AccountOutcome } from './scenario-facts.js';
export { runHistoryTable, firedAlertTable, concentrationTable, comparedRunsText, CONCENTRATED_MARKETS } from './history-tables.js';
