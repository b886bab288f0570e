import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultReportDir, renderCharts, reportCharts, ReportError, writeReport } from '../../src/report/index.js';
import { toyReportInput } from './report-fixture.js';

describe('writeReport', () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const dir of dirs) await rm(dir, { recursive: true, force: true }); });

  it('writes the HTML, Markdown and JSON reports and one SVG per chart into a new directory', async () => {
    const root = await mkdtemp(join(tmpdir(), 'contagion-report-'));
    dirs.push(root);
    const input = toyReportInput();
    const out = join(root, 'nested', 'report');
    const { dir, files } = await writeReport(input, out);
    expect(dir).toBe(out);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(
      ['charts/at-risk-accounts.svg', 'charts/bad-debt.svg', 'charts/depth-vs-sold.svg', 'charts/exposure-heatmap.svg', 'charts/liquidated-volume.svg', 'charts/liquidations-bad-debt.svg', 'charts/liquidator-concentration.svg', 'charts/price-path.svg', 'charts/whale-concentration.svg', 'report.html', 'report.json', 'report.md'],
    );
    expect((await readdir(join(dir, 'charts'))).sort()).toEqual(['at-risk-accounts.svg', 'bad-debt.svg', 'depth-vs-sold.svg', 'exposure-heatmap.svg', 'liquidated-volume.svg', 'liquidations-bad-debt.svg', 'liquidator-concentration.svg', 'price-path.svg', 'whale-concentration.svg']);

    const charts = await renderCharts(reportCharts(input));
    for (const chart of charts) expect(await readFile(join(dir, 'charts', `${chart.name}.svg`), 'utf8')).toBe(`${chart.svg}\n`);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    for (const chart of charts) expect(html).toContain(chart.svg);
    const md = await readFile(join(dir, 'report.md'), 'utf8');
    for (const link of md.match(/\]\((charts\/[^)]+)\)/g) ?? []) expect(files).toContain(join(dir, link.slice(2, -1)));
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')).scenarios).toHaveLength(3);
  });

  it('names the error and the directory when it cannot write', async () => {
    const root = await mkdtemp(join(tmpdir(), 'contagion-report-'));
    dirs.push(root);
    const blocker = join(root, 'file');
    await writeReport(toyReportInput([]), join(root, 'ok'));
    await import('node:fs/promises').then((fs) => fs.writeFile(blocker, 'not a directory'));
    await expect(writeReport(toyReportInput([]), join(blocker, 'report'))).rejects.toThrow(ReportError);
    await expect(writeReport(toyReportInput([]), join(blocker, 'report'))).rejects.toThrow(/^src\/report\/write-report: cannot write the report into /);
  });
});

describe('defaultReportDir', () => {
  it('stamps the directory with a filesystem-safe UTC time to the second', () => {
    expect(defaultReportDir('2026-11-25T14:30:00.123Z', '/proj')).toBe('/proj/reports/2026-11-25T14-30-00Z');
    expect(defaultReportDir('2026-11-25T16:30:00+02:00', '/proj')).toBe('/proj/reports/2026-11-25T14-30-00Z');
  });

  it('rejects a time that is not a date', () => {
    expect(() => defaultReportDir('yesterday', '/proj')).toThrow(/src\/report\/write-report: generatedAt must be an ISO date-time, got "yesterday"/);
  });
});
