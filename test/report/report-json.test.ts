import { describe, expect, it } from 'vitest';
import { reportJson, reportJsonText, toJsonSafe, TOP_LIQUIDATIONS } from '../../src/report/index.js';
import { toyReportInput } from './report-fixture.js';

describe('report.json', () => {
  const input = toyReportInput();
  const parsed = JSON.parse(reportJsonText(input));

  it('has the documented top-level shape', () => {
    expect(Object.keys(parsed)).toEqual(['generatedAt', 'snapshot', 'model', 'summary', 'scenarios']);
    expect(parsed.generatedAt).toBe(input.generatedAt);
    expect(parsed.snapshot).toEqual(input.snapshot);
    expect(parsed.model).toEqual(input.model);
    expect(parsed.scenarios.map((s: { name: string }) => s.name)).toEqual(input.runs.map((run) => run.scenario.name));
  });

  it('round-trips every total exactly, and keeps the liquidation count without the events', () => {
    input.runs.forEach((run, i) => {
      const { result } = parsed.scenarios[i];
      expect(result.totalBadDebtUsd).toBe(run.result.totalBadDebtUsd);
      expect(result.seizedCollateralUsd).toBe(run.result.seizedCollateralUsd);
      expect(result.badDebtByProtocol).toEqual(run.result.badDebtByProtocol);
      expect(result.liquidatedDebtUsdByProtocol).toEqual(run.result.liquidatedDebtUsdByProtocol);
      expect(result.trace).toEqual(run.result.trace);
      expect(result.liquidations).toBe(run.result.liquidations);
      expect(result).not.toHaveProperty('events');
      expect(parsed.scenarios[i].shocks).toEqual(run.scenario.shocks);
      expect(parsed.scenarios[i].description).toBe(run.scenario.description);
    });
    expect(reportJsonText(input)).not.toContain('"events"');
  });

  it('lists the largest liquidations by USD repaid, at most TOP_LIQUIDATIONS per scenario', () => {
    const crash = parsed.scenarios[1];
    expect(input.runs[1]!.result.events.length).toBeGreaterThan(TOP_LIQUIDATIONS);
    expect(crash.topLiquidations).toHaveLength(TOP_LIQUIDATIONS);
    const repaid = crash.topLiquidations.map((e: { repaidUsd: number }) => e.repaidUsd);
    expect(repaid).toEqual([...repaid].sort((a, b) => b - a));
    expect(repaid[0]).toBe(Math.max(...input.runs[1]!.result.events.map((e) => e.repaidUsd)));
    expect(parsed.scenarios[2].topLiquidations).toEqual([]);
  });

  it('writes non-finite numbers as null, never as Infinity or NaN', () => {
    const withInfinity = { ...input, summary: { ...input.summary, protocols: input.summary.protocols.map((p) => ({ ...p, minHealthFactor: Infinity })) } };
    const text = reportJsonText(withInfinity);
    expect(text).not.toMatch(/Infinity|NaN/);
    expect(JSON.parse(text).summary.protocols[0].minHealthFactor).toBeNull();
    expect(toJsonSafe({ a: [1, NaN, -Infinity], b: { c: 'x', d: null } })).toEqual({ a: [1, null, null], b: { c: 'x', d: null } });
  });

  it('matches the object form', () => {
    expect(parsed).toEqual(JSON.parse(JSON.stringify(reportJson(input))));
  });
});
