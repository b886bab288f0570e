import { describe, expect, it } from 'vitest';
import { formatUsd, reportCharts, reportMarkdown } from '../../src/report/index.js';
import { HOSTILE_PROTOCOL, toyReportInput } from './report-fixture.js';

/** Cells of a GFM table row: split on pipes not escaped with a backslash. */
const cells = (line: string): string[] => line.trim().slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim());

describe('report.md', () => {
  const input = toyReportInput();
  const charts = reportCharts(input);
  const md = reportMarkdown(input, charts);
  const lines = md.split('\n');

  it('links each chart as a relative SVG file', () => {
    for (const chart of charts) expect(md).toContain(`](charts/${chart.name}.svg)`);
    expect(md).not.toMatch(/\]\((https?:)?\/\//);
  });

  it('keeps every table row as wide as its header, hostile symbols included', () => {
    let header: number | null = null;
    let rows = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) { header = null; continue; }
      const width = cells(line).length;
      if (header === null) header = width;
      else { expect(width).toBe(header); rows++; }
    }
    expect(rows).toBeGreaterThan(40);
  });

  it('escapes HTML and Markdown in text from data', () => {
    expect(md).not.toContain('<');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('\\*x\\*\\|&lt;b&gt;');
    expect(md).toContain('morpho &lt;i&gt;blue&lt;/i&gt; &amp; co');
    expect(md).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; with \\*emphasis\\* \\| pipes');
    expect(HOSTILE_PROTOCOL).toContain('<i>');
  });

  it('states the same protocol figures as the result', () => {
    const run = input.runs[1]!;
    const start = lines.indexOf('## Scenario: crash \\*x\\*\\|&lt;b&gt;');
    expect(start).toBeGreaterThan(0);
    const row = lines.slice(start).find((line) => line.startsWith('| aave-like |'))!;
    expect(cells(row)).toEqual(['aave-like', ...['liquidatedDebtUsdByProtocol', 'seizedCollateralUsdByProtocol', 'badDebtByProtocol', 'remainingDebtUsdByProtocol'].map(
      (key) => formatUsd((run.result[key as keyof typeof run.result] as Record<string, number>)['aave-like']!),
    )]);
  });

  it('names the snapshot and scenario in every table caption', () => {
    const captions = lines.filter((line, i) => lines[i + 2]?.startsWith('|') && line.startsWith('*'));
    expect(captions.length).toBeGreaterThan(10);
    for (const caption of captions) expect(caption).toContain('snapshot #7');
  });
});
