/** Errors raised while building or writing a report; messages start with the module path. */
export class ReportError extends Error {
  override name = 'ReportError';
}

/** A chart spec that Vega-Lite or Vega rejected, or that asked to load data from outside. */
export class ChartRenderError extends ReportError {
  override name = 'ChartRenderError';
}
