import { describe, expect, it } from 'vitest';
import {
  BAD_DEBT_SERIES, DEPTH_SERIES, depthVsSoldChart, exposureHeatmapChart, LIQUIDATED_SERIES, liquidationsBadDebtChart, liquidatorConcentrationChart,
  OTHER_LIQUIDATORS, renderChart, reportCharts, TOP_LIQUIDATORS,
} from '../../src/report/index.js';
import { summarizeSnapshot } from '../../src/risk/index.js';
import { HOSTILE_PROTOCOL, HOSTILE_SYMBOL, SCENARIOS, TOY_ECOSYSTEM, toyEcosystemSnapshot, toyReportInput } from './report-fixture.js';

type Row = Record<string, unknown>;
const rows = (spec: unknown): Row[] => (spec as { data: { values: Row[] } }).data.values;
const count = (text: string, needle: string): number => text.split(needle).length - 1;

/** Sums `value` of each item by `key`: the independent tally the charts are checked against. */
function tally<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + value(item));
  return out;
}

describe('risk chart specs', () => {
  const input = toyReportInput();

  it('puts each protocol’s liquidated debt beside its bad debt, both tallied from the liquidation events', () => {
    const data = rows(liquidationsBadDebtChart(input).spec);
    let liquidatedSomewhere = false;
    let badDebtSomewhere = false;
    for (const run of input.runs) {
      const repaid = tally(run.result.events, (e) => e.protocol, (e) => e.repaidUsd);
      const bad = tally(run.result.events, (e) => e.protocol, (e) => e.badDebtUsd);
      for (const protocol of ['aave-like', 'compound-like', HOSTILE_PROTOCOL]) {
        const at = (series: string) => data.find((r) => r.scenario === run.scenario.name && r.protocol === protocol && r.series === series)?.usd as number;
        expect(at(LIQUIDATED_SERIES)).toBeCloseTo(repaid.get(protocol) ?? 0, 4);
        expect(at(BAD_DEBT_SERIES)).toBeCloseTo(bad.get(protocol) ?? 0, 4);
        liquidatedSomewhere ||= at(LIQUIDATED_SERIES) > 0;
        badDebtSomewhere ||= at(BAD_DEBT_SERIES) > 0;
      }
    }
    expect(liquidatedSomewhere).toBe(true);
    expect(badDebtSomewhere).toBe(true);
    expect(data).toHaveLength(SCENARIOS.length * 3 * 2);
  });

  it('sets each sold asset’s pool depth against the collateral seized from it, valued at round prices', () => {
    const data = rows(depthVsSoldChart(input).spec);
    const depth = tally(TOY_ECOSYSTEM.pools ?? [], (p) => p.asset, (p) => p.usdReserve);
    const assets = [...new Set(data.map((r) => r.asset as string))];
    expect(assets).toEqual(expect.arrayContaining(['WETH', 'WBTC', HOSTILE_SYMBOL]));
    expect(assets).not.toContain('USDC');
    for (const asset of assets) expect(data.find((r) => r.asset === asset && r.series === DEPTH_SERIES)?.usd).toBe(depth.get(asset));
    for (const run of input.runs) {
      const seized = tally(run.result.events.flatMap((e) => e.seized), (s) => s.asset, (s) => s.usd);
      for (const asset of assets) {
        const sold = data.find((r) => r.asset === asset && r.series === `Sold in ${run.scenario.name}`)?.usd as number;
        expect(sold).toBeCloseTo(seized.get(asset) ?? 0, 4);
      }
    }
    // WETH's $5M pool against the crash's WETH sales: the figure the chart exists to show.
    const crash = data.find((r) => r.asset === 'WETH' && r.series === `Sold in ${SCENARIOS[1]!.name}`)!.usd as number;
    expect(crash).toBeGreaterThan(0);
  });

  it('states snapshot, blocks, model and options in the caption of the new charts', () => {
    for (const chart of [liquidationsBadDebtChart(input), depthVsSoldChart(input)]) {
      expect(chart.caption).toContain('snapshot #7 (2026-11-25)');
      expect(chart.caption).toContain('blocks toy 19000000');
      expect(chart.caption).toContain('model reference-cascade (maxRounds');
      for (const scenario of SCENARIOS) expect(chart.caption).toContain(scenario.name);
    }
    expect(reportCharts(input).map((c) => c.name)).toEqual(['price-path', 'bad-debt', 'liquidated-volume', 'liquidations-bad-debt', 'depth-vs-sold', 'exposure-heatmap', 'at-risk-accounts', 'whale-concentration', 'liquidator-concentration']);
  });

  it('draws two bars per protocol and scenario, and one per series and sold asset, escaping data text', async () => {
    const grouped = await renderChart(liquidationsBadDebtChart(input).spec);
    expect(count(grouped, 'aria-roledescription="bar"')).toBe(SCENARIOS.length * 3 * 2);
    const depthChart = depthVsSoldChart(input);
    const depth = await renderChart(depthChart.spec);
    expect(count(depth, 'aria-roledescription="bar"')).toBe(rows(depthChart.spec).length);
    for (const svg of [grouped, depth]) {
      expect(svg).not.toContain('<img');
      expect(svg).not.toContain('<i>');
    }
    expect(depth).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('falls back to a message when nothing was sold, and omits depth without a snapshot summary', () => {
    const quiet = toyReportInput([SCENARIOS[2]!]);
    expect(rows(depthVsSoldChart(quiet).spec)).toEqual([{ message: 'No collateral was sold in any scenario.' }]);
    const bare = depthVsSoldChart({ snapshot: input.snapshot, runs: input.runs });
    expect(rows(bare.spec).some((r) => r.series === DEPTH_SERIES)).toBe(false);
    expect(bare.caption).not.toContain('model ');
  });
});

describe('exposure heatmap', () => {
  const input = toyReportInput();

  it('has one cell per (asset, protocol) holding collateral, valued at snapshot prices from the fixture', () => {
    const chart = exposureHeatmapChart(input);
    const data = rows(chart.spec);
    const price = new Map(TOY_ECOSYSTEM.assets.map((a) => [a.symbol, a.priceUsd]));
    const expected = tally(
      TOY_ECOSYSTEM.accounts.flatMap((account) => account.collateral.map((c) => ({ key: `${c.asset}\u0000${account.protocol}`, usd: c.amount * price.get(c.asset)! }))),
      (c) => c.key, (c) => c.usd,
    );
    expect(data).toHaveLength(expected.size);
    for (const [key, usd] of expected) {
      const [asset, protocol] = key.split('\u0000');
      expect(data.find((r) => r.asset === asset && r.protocol === protocol)?.collateralUsd).toBeCloseTo(usd, 4);
    }
    expect(data.find((r) => r.asset === 'WETH' && r.protocol === 'compound-like')).toBeDefined();
    expect(chart.caption).toContain('blocks toy 19000000');
    expect(chart.caption).toContain('model reference-cascade (maxRounds');
  });

  it('draws one rect per cell with data text escaped, and a message without a summary', async () => {
    const chart = exposureHeatmapChart(input);
    const svg = await renderChart(chart.spec);
    expect(count(svg, 'aria-roledescription="rect mark"')).toBe(rows(chart.spec).length);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('morpho &lt;i&gt;');
    expect(rows(exposureHeatmapChart({ snapshot: input.snapshot, runs: input.runs }).spec)).toEqual([{ message: 'No collateral in the snapshot summary.' }]);
  });
});

describe('liquidator concentration', () => {
  /** The toy snapshot with a liquidation history: liquidator l repaid (l + 1) × $1,000 in each of l + 1 events. */
  function withHistory(count: number) {
    const snapshot = toyEcosystemSnapshot();
    const address = Array.from({ length: count }, (_, l) => `0x${l.toString(16).padStart(40, '0')}`);
    const label = address.map((_, l) => (l === 0 ? HOSTILE_SYMBOL : null));
    const liquidator = address.flatMap((_, l) => Array.from({ length: l + 1 }, () => l));
    const n = liquidator.length;
    snapshot.liquidators = { address, label };
    snapshot.liquidationEvents = {
      protocol: new Int32Array(n), account: liquidator.map(() => '0x1'), liquidator: Int32Array.from(liquidator), collateralAsset: new Int32Array(n),
      debtAsset: new Int32Array(n), debtRepaidUsd: Float64Array.from(liquidator, (l) => (l + 1) * 1_000), blockNumber: new Float64Array(n),
      timestamp: liquidator.map(() => '2026-11-01T00:00:00Z'), txHash: liquidator.map((_, e) => `0x${e}`),
    };
    return { ...toyReportInput(), summary: summarizeSnapshot(snapshot) };
  }

  it('gives the top liquidators’ shares of the history and the rest as one bar', async () => {
    const input = withHistory(12);
    const chart = liquidatorConcentrationChart(input);
    const data = rows(chart.spec);
    // Liquidator l repaid (l + 1)² × $1,000; the total is Σ (l + 1)² for l < 12 = 650 × $1,000.
    const total = 650_000;
    expect(data).toHaveLength(TOP_LIQUIDATORS + 1);
    expect(data[0]!.liquidator).toBe(`0x${(11).toString(16).padStart(40, '0')}`);
    expect(data[0]!.share).toBeCloseTo(144_000 / total, 12);
    expect(data[0]!.liquidations).toBe(12);
    expect(data.at(-1)!.liquidator).toBe(`${OTHER_LIQUIDATORS} (2)`);
    expect(data.at(-1)!.repaidUsd).toBe(5_000); // 1² + 2² thousand: the hostile-labelled liquidator and the next
    expect(data.reduce((s, r) => s + (r.share as number), 0)).toBeCloseTo(1, 12);
    expect(chart.caption).toContain('blocks toy 19000000');
    const svg = await renderChart(chart.spec);
    expect(count(svg, 'aria-roledescription="bar"')).toBe(TOP_LIQUIDATORS + 1);
  });

  it('names a liquidator by its label, escaped, and says so when there is no history', async () => {
    const input = withHistory(3);
    const data = rows(liquidatorConcentrationChart(input).spec);
    expect(data.at(-1)!.liquidator).toBe(HOSTILE_SYMBOL);
    const svg = await renderChart(liquidatorConcentrationChart(input).spec);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x');
    expect(rows(liquidatorConcentrationChart(toyReportInput()).spec)).toEqual([{ message: 'No liquidation history in the snapshot.' }]);
  });
});
