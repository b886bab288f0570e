import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ReportInput } from './report-input.js';
import { reportCharts } from './chart-specs.js';
import { ReportError } from './errors.js';
import { renderCharts, type RenderChartOptions } from './render-chart.js';
import { reportHtml } from './report-html.js';
import { reportJsonText } from './report-json.js';
import { chartPath, reportMarkdown } from './report-markdown.js';

/**
 * The report module's only I/O: renders the charts and writes, into `outDir` (created if
 * missing, files in it overwritten):
 *
 *   report.html        self-contained page (inline CSS and SVG)
 *   report.md          Markdown, linking charts/<name>.svg
 *   report.json        the numbers, without per-liquidation events
 *   charts/<name>.svg  one file per chart
 *
 * Returns the directory and the files written, as absolute paths.
 */
export async function writeReport(
  input: ReportInput,
  outDir: string,
  options: RenderChartOptions = {},
): Promise<{ dir: string; files: string[] }> {
  const dir = resolve(outDir);
  const charts = await renderCharts(reportCharts(input), options);
  const outputs: [string, string][] = [
    ['report.html', reportHtml(input, charts)],
    ['report.md', reportMarkdown(input, charts)],
    ['report.json', reportJsonText(input)],
    ...charts.map((chart): [string, string] => [chartPath(chart), `${chart.svg}\n`]),
  ];
  try {
    await mkdir(join(dir, 'charts'), { recursive: true });
    await Promise.all(outputs.map(([file, text]) => writeFile(join(dir, file), text, 'utf8')));
  } catch (error) {
    throw new ReportError(`src/report/write-report: cannot write the report into ${dir}: ${(error as Error).message}`, { cause: error });
  }
  return { dir, files: outputs.map(([file]) => join(dir, file)) };
}

/**
 * `<root>/reports/<timestamp>`, the timestamp being `generatedAt` in UTC to the second with the
 * colons replaced, so that it is a valid file name on every filesystem and sorts by time:
 * "2026-11-25T14:30:00.123Z" → `reports/2026-11-25T14-30-00Z`.
 */
export function defaultReportDir(generatedAt: string, root: string): string {
  const time = new Date(generatedAt);
  if (Number.isNaN(time.getTime())) throw new ReportError(`src/report/write-report: generatedAt must be an ISO date-time, got "${generatedAt}"`);
  const stamp = time.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return join(root, 'reports', stamp);
}
