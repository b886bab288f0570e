import { beforeAll, describe, expect, it } from 'vitest';
import { formatUsd, renderCharts, reportCharts, reportHtml, type RenderedChart } from '../../src/report/index.js';
import { tableCaption, tableRows, unescapeHtml } from './html-cells.js';
import { HOSTILE_DESCRIPTION, HOSTILE_PROTOCOL, HOSTILE_SYMBOL, MARKDOWN_SYMBOL, toyReportInput } from './report-fixture.js';

describe('report.html', () => {
  const input = toyReportInput();
  let charts: RenderedChart[];
  let html: string;
  beforeAll(async () => {
    charts = await renderCharts(reportCharts(input));
    html = reportHtml(input, charts);
  });

  it('is self-contained: no external script, style, image or font', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script(?![^>]*type="application\/json")/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    // Only XML namespace names and the embedded specs' $schema mention http at all.
    const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink', 'https://vega.github.io/schema/vega-lite/v6.json']));
  });

  it('inlines one SVG per chart', () => {
    expect(charts).toHaveLength(9);
    expect(html.split('<svg').length - 1).toBe(charts.length);
    for (const chart of charts) expect(html).toContain(`<figure id="chart-${chart.name}"`);
  });

  it('shows each protocol’s outcome as the result states it', () => {
    input.runs.forEach((run, i) => {
      const rows = tableRows(html, `scenario-${i + 1}-protocols`);
      const protocols = Object.keys(run.result.liquidatedDebtUsdByProtocol);
      expect(rows.map((r) => r[0])).toEqual([...protocols, 'Total']);
      for (const [protocol, liquidated, seized, badDebt, remaining] of rows.slice(0, -1)) {
        expect(liquidated).toBe(formatUsd(run.result.liquidatedDebtUsdByProtocol[protocol!]!));
        expect(seized).toBe(formatUsd(run.result.seizedCollateralUsdByProtocol[protocol!]!));
        expect(badDebt).toBe(formatUsd(run.result.badDebtByProtocol[protocol!]!));
        expect(remaining).toBe(formatUsd(run.result.remainingDebtUsdByProtocol[protocol!]!));
      }
      const totals = rows.at(-1)!;
      expect(totals[2]).toBe(formatUsd(run.result.seizedCollateralUsd));
      expect(totals[3]).toBe(formatUsd(run.result.totalBadDebtUsd));
    });
  });

  it('names the snapshot and the scenario in every table and chart caption', () => {
    const ids = [...html.matchAll(/<table id="([^"]+)">/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      const caption = tableCaption(html, id);
      expect(caption).toContain('snapshot #7');
      const index = /^scenario-(\d+)-/.exec(id)?.[1];
      if (index !== undefined) expect(caption).toContain(`scenario ${input.runs[Number(index) - 1]!.scenario.name}`);
    }
    const captions = [...html.matchAll(/<figcaption>([\s\S]*?)<\/figcaption>/g)].map((m) => unescapeHtml(m[1]!));
    expect(captions).toHaveLength(9);
    for (const caption of captions) expect(caption).toMatch(/snapshot #7 .*scenarios eth-drop-30, crash \*x\*\|<b>, baseline/);
  });

  it('states the snapshot, model and generation time in the header', () => {
    const header = unescapeHtml(/<header>([\s\S]*?)<\/header>/.exec(html)![1]!);
    for (const text of ['#7', '2026-11-25T14:30:00Z', 'hand-written', 'toy 19000000', 'reference-cascade (maxRounds 100, recordEvents true)', '2026-11-25T15:00:00.000Z']) {
      expect(header).toContain(text);
    }
  });

  it('escapes every piece of text from data', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<i>blue</i>');
    expect(html).toContain(escapeFor(HOSTILE_PROTOCOL));
    expect(html).not.toContain('<b>');
    expect(html).toContain(escapeFor(MARKDOWN_SYMBOL));
    // The description's </script> closes neither a real element nor the embedded-spec JSON.
    expect(html.split('</script>').length - 1).toBe(1);
    expect(html).toContain(escapeFor(HOSTILE_DESCRIPTION));
    expect(HOSTILE_SYMBOL).toContain('<img');
  });

  it('embeds the chart specs as inert JSON that parses back', () => {
    const json = /<script type="application\/json" id="vega-lite-specs">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain('<');
    expect(Object.keys(JSON.parse(json))).toEqual(['price-path', 'bad-debt', 'liquidated-volume', 'liquidations-bad-debt', 'depth-vs-sold', 'exposure-heatmap', 'at-risk-accounts', 'whale-concentration', 'liquidator-concentration']);
  });
});

const escapeFor = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
