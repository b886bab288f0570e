import { describe, expect, it } from 'vitest';
import { evaluateAlerts, parseScheduleConfig, type RunMetrics } from '../../src/report/index.js';
import { after, before } from './run-metrics-fixture.js';

const concentrated: RunMetrics = {
  ...after,
  collateralShares: [
    { protocol: 'morpho-blue', market: '0xabc', asset: 'wstETH', account: '0xwhale', share: 0.8, collateralUsd: 50_000_000 },
    { protocol: 'aave-v3', market: null, asset: 'WBTC', account: '0xbig', share: 0.6, collateralUsd: 1_000 },
    { protocol: 'aave-v3', market: null, asset: 'WETH', account: '0xsmall', share: 0.1, collateralUsd: 900_000_000 },
  ],
};

describe('evaluateAlerts', () => {
  it('fires nothing without rules', () => {
    expect(evaluateAlerts({}, concentrated, before)).toEqual([]);
  });

  it('fires each rule on what crosses its level, naming the subject', () => {
    const fired = evaluateAlerts(
      { badDebtAboveUsd: 2_000_000, liquidationsAtRiskAboveUsd: 8_000_000, depthDropAbove: 0.25, accountCollateralShareAbove: 0.5, accountCollateralMinUsd: 10_000 },
      concentrated,
      before,
    );
    expect(fired.map((a) => [a.rule, a.subject, a.value, a.threshold])).toEqual([
      ['badDebtAboveUsd', 'eth-drop-30', 3_500_000, 2_000_000],
      ['liquidationsAtRiskAboveUsd', 'eth-drop-30', 9_000_000, 8_000_000],
      ['badDebtAboveUsd', 'crypto-crash', 42_000_000, 2_000_000],
      ['depthDropAbove', 'WETH', 0.5, 0.25],
      ['accountCollateralShareAbove', 'morpho-blue/0xabc/wstETH', 0.8, 0.5],
    ]);
    expect(fired[3]!.message).toBe('DEX depth of WETH fell 50.0% since the last run ($700,000,000 → $350,000,000), more than 25.0%');
    expect(fired[4]!.message).toBe('account 0xwhale holds 80.0% of the wstETH collateral in morpho-blue/0xabc/wstETH ($50,000,000), more than 50.0%');
  });

  it('fires when the snapshot is older than the allowed hours at the run\'s start, and only with the timing known', () => {
    const timing = { startedAt: '2026-11-25T12:00:00.000Z', snapshotTakenAt: '2026-11-24T06:00:00.000Z' };
    const [stale] = evaluateAlerts({ snapshotOlderThanHours: 24 }, after, before, timing);
    expect([stale!.rule, stale!.subject, stale!.value, stale!.threshold]).toEqual(['snapshotOlderThanHours', `snapshot #${after.snapshotId}`, 30, 24]);
    expect(stale!.message).toContain('30.0 hours before this run');
    expect(evaluateAlerts({ snapshotOlderThanHours: 30 }, after, before, timing)).toEqual([]);
    expect(evaluateAlerts({ snapshotOlderThanHours: 1 }, after, before)).toEqual([]);
  });

  it('does not check depth without a previous run, and a level equal to the value does not fire', () => {
    expect(evaluateAlerts({ depthDropAbove: 0.1 }, after, null)).toEqual([]);
    expect(evaluateAlerts({ badDebtAboveUsd: 42_000_000 }, after, null)).toEqual([]);
  });
});

describe('parseScheduleConfig', () => {
  it('defaults an absent section and names the field at fault', () => {
    expect(parseScheduleConfig(undefined, 'cfg.json')).toEqual({});
    expect(() => parseScheduleConfig({ alerts: { badDebtAboveUsd: -1 } }, 'cfg.json')).toThrow(/cfg\.json: field "schedule\.alerts\.badDebtAboveUsd"/);
    expect(() => parseScheduleConfig({ webhook: { url: 'ftp://x' } }, 'cfg.json')).toThrow(/field "schedule\.webhook\.url": must be an http\(s\) URL/);
    expect(() => parseScheduleConfig({ cronn: '* * * * *' }, 'cfg.json')).toThrow(/cfg\.json: field "schedule"/);
    expect(() => parseScheduleConfig({ onIndexFailure: 'retry' }, 'cfg.json')).toThrow(/field "schedule\.onIndexFailure"/);
    expect(() => parseScheduleConfig({ webhook: { url: 'https://h.example/x', retries: 11 } }, 'cfg.json')).toThrow(/field "schedule\.webhook\.retries"/);
  });
});
