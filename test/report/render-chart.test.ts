import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { ChartRenderError, renderChart, renderCharts, reportCharts, scopeSvgIds } from '../../src/report/index.js';
import { HOSTILE_PROTOCOL, HOSTILE_SYMBOL, toyReportInput } from './report-fixture.js';

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('rendering charts to SVG', () => {
  const input = toyReportInput();

  it('renders every chart headless, without warnings', async () => {
    const warnings: string[] = [];
    const charts = await renderCharts(reportCharts(input), { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    for (const chart of charts) {
      expect(chart.svg.startsWith('<svg')).toBe(true);
      expect(count(chart.svg, '<svg')).toBe(1);
      expect(chart.svg).toContain(chart.title);
    }
  });

  it('draws one point per round of each price path', async () => {
    const chart = reportCharts(input)[0]!;
    const svg = await renderChart(chart.spec);
    const points = (chart.spec as { data: { values: { priceUsd: number | null }[] } }).data.values.filter((r) => r.priceUsd !== null).length;
    const moved = 4; // WETH, WBTC and both hostile symbols
    const rounds = input.runs.reduce((s, run) => s + run.result.trace.length + 1, 0);
    expect(points).toBe(moved * rounds);
    expect(count(svg, 'aria-roledescription="point"')).toBe(points);
  });

  it('draws one bar per protocol, scenario and round of the liquidated volume', async () => {
    const svg = await renderChart(reportCharts(input)[2]!.spec);
    const rounds = input.runs.reduce((s, run) => s + run.result.trace.length, 0);
    expect(count(svg, 'aria-roledescription="bar"')).toBe(rounds * 3);
  });

  it('escapes data text inside the SVG', async () => {
    for (const chart of reportCharts(input)) {
      const svg = await renderChart(chart.spec);
      expect(svg).not.toContain('<img');
      expect(svg).not.toContain('<i>');
    }
    const price = await renderChart(reportCharts(input)[0]!.spec);
    expect(price).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const bad = await renderChart(reportCharts(input)[1]!.spec);
    expect(bad).toContain('morpho &lt;i&gt;');
    expect(HOSTILE_SYMBOL).toContain('<img');
    expect(HOSTILE_PROTOCOL).toContain('<i>');
  });

  it('gives the same SVG on every render, with ids scoped to the chart', async () => {
    const chart = reportCharts(input)[1]!;
    const [a, b] = [await renderChart(chart.spec, { idPrefix: 'bad-debt' }), await renderChart(chart.spec, { idPrefix: 'bad-debt' })];
    expect(a).toBe(b);
    expect(a).toMatch(/id="bad-debt-1"/);
    expect(a).toMatch(/url\(#bad-debt-1\)/);
    expect(a).not.toMatch(/id="clip\d+"/);
  });

  it('renames ids only inside tags', () => {
    const svg = '<svg><clipPath id="clip7"><rect/></clipPath><g clip-path="url(#clip7)"><text>id="clip7"</text></g></svg>';
    expect(scopeSvgIds(svg, 'c')).toBe('<svg><clipPath id="c-1"><rect/></clipPath><g clip-path="url(#c-1)"><text>id="clip7"</text></g></svg>');
  });

  it('refuses a spec that would load data from outside', async () => {
    const spec: TopLevelSpec = { data: { url: 'https://example.com/data.json' }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } };
    await expect(renderChart(spec)).rejects.toThrow(ChartRenderError);
  });
});
