import { logger, parse, View, Warn, type Loader } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './chart-config.js';
import type { ReportChart } from './chart-specs.js';
import { ChartRenderError } from './errors.js';

/**
 * Vega-Lite spec → SVG string, headless: Vega's `View` with the `none` renderer builds the scene
 * graph without a canvas, and `toSVG()` serialises it. Report specs inline their data, so the
 * loader refuses every request: a spec that tries to fetch anything fails here instead of
 * reaching for the network from a report writer.
 *
 *   TopLevelSpec ──compile (vega-lite, CHART_CONFIG)──▶ Vega spec ──parse──▶ View ──toSVG──▶ SVG
 */

export interface RenderChartOptions {
  /** Receives Vega-Lite's and Vega's warnings (a dropped encoding, an invalid value); ignored by default. */
  onWarning?: (message: string) => void;
  /** Prefix of the SVG's element ids (default `chart`); see `scopeSvgIds`. */
  idPrefix?: string;
}

export interface RenderedChart extends ReportChart {
  svg: string;
}

/**
 * A loader whose every method that could reach a file or the network refuses, noting the address.
 * Vega logs a failed load as a mere warning and draws the chart without its data, so the caller
 * checks `refused` afterwards.
 */
function offlineLoader(refused: string[]): Loader {
  const refuse = async (uri: unknown): Promise<never> => {
    refused.push(String(uri));
    throw new ChartRenderError(`src/report/render-chart: charts render offline; the spec asked to load "${String(uri)}"`);
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse } as unknown as Loader;
}

/** Renders one spec to an SVG string; throws `ChartRenderError` rather than return a chart with marks missing. */
export async function renderChart(spec: TopLevelSpec, options: RenderChartOptions = {}): Promise<string> {
  const onWarning = options.onWarning ?? (() => {});
  // Vega logs a runtime error (a bad expression, say) and renders on without the marks it
  // affects; such a chart would be silently wrong, so errors are collected and thrown.
  const errors: string[] = [];
  const refused: string[] = [];
  const log = logger(Warn, undefined, (method, _level, args) => {
    const message = args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
    if (method === 'error') errors.push(message);
    else onWarning(message);
  });
  const vegaSpec = compile(spec, { config: CHART_CONFIG, logger: log }).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none', loader: offlineLoader(refused), logger: log, logLevel: Warn });
  try {
    const svg = await view.toSVG();
    if (refused.length > 0) throw new ChartRenderError(`src/report/render-chart: charts render offline, but the spec asked to load ${refused.map((u) => `"${u}"`).join(', ')}`);
    if (errors.length > 0) throw new ChartRenderError(`src/report/render-chart: ${errors.join('; ')}`);
    return scopeSvgIds(svg, options.idPrefix ?? 'chart');
  } finally {
    view.finalize();
  }
}

/**
 * Renames the SVG's element ids (Vega's clip paths: `clip1`, `clip2`, …) to `<prefix>-1`,
 * `<prefix>-2`, … in document order, with the `url(#…)` and `href="#…"` references to them.
 * Vega numbers clips with a counter global to the process, so without this the same chart
 * rendered twice differs, and two charts inlined in one HTML page can share an id and clip each
 * other's marks. Only tags are rewritten, never text content.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const tag of svg.match(/<[^>]+>/g) ?? []) {
    const id = /\sid="([^"]+)"/.exec(tag)?.[1];
    if (id !== undefined && !renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size + 1}`);
  }
  const rename = (id: string): string => renamed.get(id) ?? id;
  return svg.replace(/<[^>]+>/g, (tag) => tag
    .replace(/(\sid=")([^"]+)"/, (_m, head: string, id: string) => `${head}${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`)
    .replace(/(href=")#([^"]+)"/g, (_m, head: string, id: string) => `${head}#${rename(id)}"`));
}

/** Renders each report chart, one after another (Vega views are cheap; order keeps output stable). */
export async function renderCharts(charts: readonly ReportChart[], options: RenderChartOptions = {}): Promise<RenderedChart[]> {
  const rendered: RenderedChart[] = [];
  for (const chart of charts) rendered.push({ ...chart, svg: await renderChart(chart.spec, { ...options, idPrefix: chart.name }) });
  return rendered;
}
