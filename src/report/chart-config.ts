import type { Config } from 'vega-lite';

/**
 * The look every report chart shares. Fixed here, and merged into each spec by `renderChart`, so
 * that the SVG is byte-for-byte stable across runs and machines: with the `none` renderer Vega
 * estimates text widths from font size alone, and nothing depends on the fonts installed.
 */

export const CHART_FONT = 'Helvetica, Arial, sans-serif';

/** Tableau 10: distinguishable, print-safe, and familiar to readers of risk dashboards. */
export const CATEGORY_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

/** Colour of series that are not a category: the seized-collateral line, snapshot-price rules. */
export const NEUTRAL_COLOUR = '#333333';

export const colourFor = (index: number): string => CATEGORY_COLOURS[index % CATEGORY_COLOURS.length]!;

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: '#ffffff',
  padding: 8,
  view: { stroke: '#d0d4da', continuousWidth: 320, continuousHeight: 200 },
  title: { fontSize: 15, fontWeight: 600, subtitleFontSize: 11, subtitleColor: '#555a61', anchor: 'start', offset: 10, color: '#1f2328' },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 600, labelColor: '#3d4248', titleColor: '#1f2328', gridColor: '#e6e8eb', domainColor: '#8c9196', tickColor: '#8c9196' },
  header: { labelFontSize: 12, labelFontWeight: 600, titleFontSize: 12, labelColor: '#1f2328' },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 600, symbolSize: 80, labelLimit: 260 },
  line: { strokeWidth: 2 },
  point: { size: 36, filled: true },
  bar: { cornerRadiusEnd: 1 },
  text: { fontSize: 10 },
  range: { category: [...CATEGORY_COLOURS] },
};

/**
 * A Vega expression formatting the number `value` as `formatUsdCompact` does (format.ts): at most
 * three significant digits with K/M/B/T from $1,000 up, whole dollars with separators below.
 * Written as an expression rather than a registered format so the spec renders the same anywhere.
 */
export function compactUsdExpr(value: string): string {
  const units: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  const scaled = units.map(([unit, suffix]) => `abs(${value}) >= ${unit} ? format(${value} / ${unit}, '$.3~') + '${suffix}' : `).join('');
  return `${scaled}format(${value}, '$,.0f')`;
}

/** A USD axis labelled compactly (the encoding's title states the unit). */
export const usdAxis = () => ({ labelExpr: compactUsdExpr('datum.value'), tickCount: 5 });

/** A price axis: d3 "$,.4~r" shows $1,816 and $0.9955 alike with no trailing zeros. */
export const priceAxis = () => ({ format: '$,.4~r', tickCount: 5 });
