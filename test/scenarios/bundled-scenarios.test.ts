import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios, openSnapshot, runScenarios, type OpenedSnapshot } from '../../src/pipeline/index.js';
import { renderCharts, reportCharts, reportHtml, reportJson, reportMarkdown } from '../../src/report/index.js';
import { checkScenarioAgainstAssets, listScenarios } from '../../src/scenarios/index.js';
import { projectRoot } from '../../src/store/index.js';
import { join } from 'node:path';
import { SCENARIOS, toyReportInput } from '../report/report-fixture.js';

const percent = (multiplier: number): string => `${Number((Math.abs(1 - multiplier) * 100).toFixed(1))}%`;

describe('bundled scenarios (data/scenarios)', () => {
  let opened: OpenedSnapshot;
  beforeAll(async () => {
    opened = await openSnapshot({ db: ':memory:', seedEmbedded: true });
  });
  afterAll(() => opened.database.close());

  it('all load and name only assets of the embedded dataset', () => {
    const names = listScenarios(join(projectRoot(), 'data', 'scenarios'));
    expect(names).toContain('2022-05-replay');
    for (const scenario of loadScenarios(names)) expect(() => checkScenarioAgainstAssets(scenario, opened.snapshot.assets, true)).not.toThrow();
  });

  it('2022-05-replay states each of its moves in its description and names its sources', () => {
    const [replay] = loadScenarios(['2022-05-replay']);
    expect(replay!.sources!.length).toBeGreaterThanOrEqual(3);
    for (const [symbol, multiplier] of Object.entries({ ...replay!.shocks, ...replay!.pegs })) {
      expect(replay!.description, `${symbol} ×${multiplier}`).toContain(percent(multiplier));
    }
    // The figures the sources give: ETH −33%, BTC −28%, stETH 4.7% under ETH, USDT $0.95.
    expect([replay!.shocks.ETH, replay!.shocks.WBTC, replay!.pegs.wstETH, replay!.shocks.USDT]).toEqual([0.67, 0.72, 0.953, 0.95]);
    expect(replay!.sources!.join(' ')).toMatch(/33%.*28%|−33%.*−28%/);
  });

  it('2022-05-replay moves the embedded snapshot\'s prices as it says and liquidates across protocols', () => {
    const [run] = runScenarios(opened.snapshot, loadScenarios(['2022-05-replay']));
    const { shockedPrices, snapshotPrices } = run!.result;
    expect(shockedPrices.ETH).toBeCloseTo(snapshotPrices!.ETH! * 0.67, 6);
    expect(shockedPrices.USDT).toBeCloseTo(snapshotPrices!.USDT! * 0.95, 9);
    // wstETH: exchange rate × ETH × peg, so its move is ETH's times the peg.
    expect(shockedPrices.wstETH! / snapshotPrices!.wstETH!).toBeCloseTo(0.67 * 0.953, 9);
    expect(shockedPrices.USDC).toBe(snapshotPrices!.USDC);
    const hit = Object.entries(run!.result.liquidatedDebtUsdByProtocol).filter(([, usd]) => usd > 0);
    expect(hit.length).toBeGreaterThanOrEqual(4);
  });
});

describe('scenario sources in the report', () => {
  it('are listed with the scenario, escaped, in HTML, Markdown and JSON', async () => {
    const hostile = '<img src=x onerror=alert(1)> *report* | 2022';
    const input = toyReportInput([{ ...SCENARIOS[0]!, sources: [hostile, 'CoinMarketCap, 12 May 2022'] }, SCENARIOS[2]!]);
    const charts = await renderCharts(reportCharts(input));
    const html = reportHtml(input, charts);
    expect(html).toContain('<li>&lt;img src=x onerror=alert(1)&gt; *report* | 2022</li>');
    expect(html.match(/<ul class="sources">/g)).toHaveLength(1);
    const md = reportMarkdown(input, charts);
    expect(md).toContain('**Sources:**');
    expect(md).toContain('- CoinMarketCap, 12 May 2022');
    expect(md).not.toContain('<img');
    const json = reportJson(input);
    expect(json.scenarios.map((s) => s.sources)).toEqual([[hostile, 'CoinMarketCap, 12 May 2022'], []]);
  });
});
