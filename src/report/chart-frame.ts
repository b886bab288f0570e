import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from './report-input.js';
import { CHART_CONFIG } from './chart-config.js';
import { modelText, snapshotBlocksText } from './report-header.js';
import { captionContext } from './scenario-facts.js';

/**
 * What every report chart shares: its shape (`ReportChart`), the schema, the message chart drawn
 * when there is nothing to plot, and the caption context naming the snapshot, its blocks and the
 * model, since a figure means nothing without them.
 */

export type ChartName =
  | 'price-path' | 'bad-debt' | 'liquidated-volume' | 'liquidations-bad-debt' | 'depth-vs-sold' | 'exposure-heatmap'
  | 'at-risk-accounts' | 'whale-concentration' | 'liquidator-concentration' | 'run-trend';

export interface ReportChart {
  /** File stem: the Markdown report links `charts/<name>.svg`. */
  name: ChartName;
  title: string;
  /** What the chart shows, naming the snapshot and scenarios. Plain text. */
  caption: string;
  spec: TopLevelSpec;
}

/** `model`, `summary` and `history` are optional so that a notebook can chart runs alone; captions then omit the model. */
export type ChartInput = Pick<ReportInput, 'snapshot' | 'runs'> & Partial<Pick<ReportInput, 'model' | 'summary' | 'history'>>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A chart with nothing to plot still renders, saying why, so every report has the same figures. */
export function messageSpec(title: string, subtitle: string, message: string): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA, config: CHART_CONFIG, title: { text: title, subtitle }, width: 480, height: 60,
    data: { values: [{ message }] }, mark: { type: 'text', fontSize: 13, color: '#555a61' }, encoding: { text: { field: 'message' } },
  };
}

/** "snapshot #7 (2026-11-25), scenarios a, b; blocks toy 19000000; model reference-cascade (…)". */
export function figureContext(input: ChartInput): string {
  const about = captionContext(input.snapshot, input.runs.map((run) => run.scenario.name));
  return `${about}; blocks ${snapshotBlocksText(input.snapshot)}${input.model ? `; model ${modelText(input.model)}` : ''}`;
}

/** Short subtitle: the caption carries the blocks and the full model options. */
export const figureSubtitle = (input: ChartInput): string =>
  `${captionContext(input.snapshot, input.runs.map((run) => run.scenario.name))}${input.model ? `; ${input.model.solver}` : ''}`;
