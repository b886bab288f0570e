import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios, openSnapshot, runScenarios, type OpenedSnapshot } from '../../src/pipeline/index.js';
import { runMetrics, type RunMetrics } from '../../src/report/index.js';

describe('runMetrics on the embedded snapshot (data/ecosystem)', () => {
  let opened: OpenedSnapshot;
  let metrics: RunMetrics;
  beforeAll(async () => {
    opened = await openSnapshot({ db: ':memory:', seedEmbedded: true });
    metrics = runMetrics(opened.snapshot, runScenarios(opened.snapshot, loadScenarios(['eth-drop-30'])));
  });
  afterAll(() => opened.database.close());

  it('takes each scenario\'s bad debt and liquidated debt, summed over protocols', () => {
    const [s] = metrics.scenarios;
    expect(s!.name).toBe('eth-drop-30');
    expect(Math.round(s!.totalBadDebtUsd)).toBe(232_883_662);
    expect(Math.round(s!.liquidatedDebtUsd)).toBe(1_227_569_310);
    expect(Object.values(s!.badDebtByProtocol).reduce((a, b) => a + b, 0)).toBeCloseTo(s!.totalBadDebtUsd, 3);
  });

  it('sums the DEX depth (liquidity.csv usd_reserve) of the assets held as collateral', () => {
    expect(metrics.depthUsd.WETH).toBeCloseTo(708_573_448.46, 2);
    expect(metrics.depthUsd.wstETH).toBeCloseTo(374_494_481.14, 2);
    expect(Object.keys(metrics.depthUsd).length).toBeLessThanOrEqual(9);
  });

  it('gives each market its largest holder\'s share, largest first', () => {
    const shares = metrics.collateralShares;
    expect(shares.length).toBeGreaterThan(5);
    for (const c of shares) {
      expect(c.share).toBeGreaterThan(0);
      expect(c.share).toBeLessThanOrEqual(1 + 1e-12);
      expect(c.account).not.toBe('');
    }
    expect(shares.map((c) => c.share)).toEqual([...shares.map((c) => c.share)].sort((a, b) => b - a));
    const pooled = new Set(shares.filter((c) => c.market === null).map((c) => `${c.protocol}/${c.asset}`));
    expect(pooled.size).toBe(shares.filter((c) => c.market === null).length);
  });
});
