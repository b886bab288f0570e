import { describe, expect, it } from 'vitest';
import { badDebtChart, liquidatedVolumeChart, pricePathChart, reportCharts, SEIZED_SERIES } from '../../src/report/index.js';
import { HOSTILE_SYMBOL, SCENARIOS, toyReportInput } from './report-fixture.js';

type Row = Record<string, unknown>;
const rows = (spec: unknown): Row[] => (spec as { data: { values: Row[] } }).data.values;

describe('chart specs', () => {
  const input = toyReportInput();

  it('has one price point per moved asset, scenario and round (round 0 = after the shock)', () => {
    const data = rows(pricePathChart(input).spec);
    const assets = [...new Set(data.map((r) => r.asset))];
    expect(assets).toEqual(expect.arrayContaining(['WETH', 'WBTC', HOSTILE_SYMBOL]));
    expect(assets).not.toContain('USDC');
    for (const run of input.runs) {
      for (const asset of assets as string[]) {
        const path = data.filter((r) => r.scenario === run.scenario.name && r.asset === asset);
        expect(path.map((r) => r.round)).toEqual([0, ...run.result.trace.map((round) => round.round)]);
        expect(path[0]!.priceUsd).toBe(run.result.shockedPrices[asset]);
        expect(path.at(-1)!.priceUsd).toBe(run.result.finalPrices[asset]);
      }
    }
  });

  it('states every protocol’s bad debt in every scenario', () => {
    const data = rows(badDebtChart(input).spec);
    for (const run of input.runs) {
      for (const [protocol, badDebt] of Object.entries(run.result.badDebtByProtocol)) {
        expect(data.find((r) => r.scenario === run.scenario.name && r.protocol === protocol)?.badDebtUsd).toBe(badDebt);
      }
    }
  });

  it('stacks each round’s repaid debt by protocol to the round’s total, with seized collateral beside it', () => {
    const data = rows(liquidatedVolumeChart(input).spec);
    for (const run of input.runs) {
      for (const round of run.result.trace) {
        const inRound = data.filter((r) => r.scenario === run.scenario.name && r.round === round.round);
        const repaid = inRound.filter((r) => r.kind === 'repaid').reduce((s, r) => s + (r.usd as number), 0);
        expect(repaid).toBeCloseTo(round.liquidatedDebtUsd, 6);
        expect(inRound.find((r) => r.series === SEIZED_SERIES)?.usd).toBe(round.seizedCollateralUsd);
      }
    }
    // The baseline liquidates nothing: no panel, and the caption says so.
    expect(data.some((r) => r.scenario === 'baseline')).toBe(false);
    expect(liquidatedVolumeChart(input).caption).toMatch(/no panel, in baseline$/);
  });

  it('titles every chart, names the snapshot and scenarios in its caption, and labels axes with USD', () => {
    for (const chart of reportCharts(input)) {
      expect(chart.caption).toContain('snapshot #7');
      for (const scenario of SCENARIOS) expect(chart.caption).toContain(scenario.name);
      const text = JSON.stringify(chart.spec);
      // The concentration charts plot shares: every other chart is in USD.
      if (chart.name !== 'liquidator-concentration' && chart.name !== 'whale-concentration') expect(text).toContain('(USD)');
      expect(text).toContain(`"text":"${chart.title}"`);
    }
  });

  it('falls back to a message when there is nothing to plot', () => {
    const quiet = toyReportInput([SCENARIOS[2]!]);
    const charts = reportCharts(quiet);
    expect(rows(charts[0]!.spec)).toEqual([{ message: 'No asset price moved in any scenario.' }]);
    expect(rows(charts[2]!.spec)).toEqual([{ message: 'No account was liquidated in any scenario.' }]);
    // One scenario: plain bars, no legend by scenario.
    expect(JSON.stringify(charts[1]!.spec)).not.toContain('yOffset');
  });
});
