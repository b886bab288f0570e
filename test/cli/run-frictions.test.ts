/**
 * `contagion run --json` with the frictions among the model's flags (src/cli/model-flags.ts) on the
 * embedded dataset, default scenario eth-drop-30. Which way they move bad debt cannot be argued
 * here — they change which accounts are liquidated when, and this dataset's stablecoin debt trades
 * in pools, so lower stablecoin prices shrink debt (docs/monotonicity-notes.md) — so the structural
 * facts each flag guarantees are checked instead.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, contagion, DEFAULT_OPTIONS, embeddedDatabase, inParallel, type CliOutput, type RunJson } from '../helpers/cli.js';

const RUNS = {
  inflow1: ['--json', '--arbitrage-inflow', '1'],
  inflowHalf: ['--json', '--arbitrage-inflow', '0.5'],
  capacity: ['--json', '--events', '--liquidator-capacity', '1'],
  gas: ['--json', '--events', '--gas-gwei', '500'],
} as const;
type RunName = keyof typeof RUNS;

const out = {} as Record<RunName, CliOutput>;
const json = {} as Record<RunName, RunJson>;

let cleanUp = (): void => {};
afterAll(() => cleanUp());

beforeAll(async () => {
  const { copy: database, dispose } = await embeddedDatabase();
  cleanUp = dispose;
  const names = Object.keys(RUNS) as RunName[];
  const results = await inParallel(names.map((name) => () => contagion('run', '--db', database(), ...RUNS[name])));
  names.forEach((name, i) => {
    out[name] = results[i]!;
    if (results[i]!.code === 0) json[name] = JSON.parse(results[i]!.stdout) as RunJson;
  });
});

describe('contagion run --json with arbitrage inflow, liquidator capacity or gas, on the embedded dataset', () => {
  it('runs each flag and echoes the options it ran with (the rest at their defaults)', () => {
    for (const name of Object.keys(RUNS) as RunName[]) expect(out[name].code, `${name}: ${out[name].stderr}`).toBe(0);
    expect(json.inflow1.options).toMatchObject({ ...DEFAULT_OPTIONS, arbitrageInflow: 1 });
    expect(json.inflowHalf.options).toMatchObject({ ...DEFAULT_OPTIONS, arbitrageInflow: 0.5 });
    expect(json.capacity.options).toMatchObject({ ...DEFAULT_OPTIONS, liquidatorCapacity: { multiplier: 1, protocolsWithoutHistory: 'unlimited' } });
    expect(json.gas.options).toMatchObject({ ...DEFAULT_OPTIONS, gas: { priceGwei: 500, gasPerLiquidation: 350_000, ethAsset: 'WETH' } });
    for (const name of Object.keys(RUNS) as RunName[]) expect(json[name].totalBadDebtUsd, name).toBeGreaterThan(0);
  });

  it('--arbitrage-inflow 1: every round starts at the shocked prices (arbitrage closes the whole gap after each round)', () => {
    const { trace, shockedPrices, finalPrices } = json.inflow1;
    expect(trace.length).toBeGreaterThan(0);
    for (const round of trace) for (const [asset, price] of Object.entries(round.prices)) close(price, shockedPrices[asset]!, `round ${round.round} ${asset}`, 1e-12);
    for (const [asset, price] of Object.entries(finalPrices)) close(price, shockedPrices[asset]!, `final ${asset}`, 1e-12);
  });

  it('--arbitrage-inflow 0.5: no price rises above the shocked one, and arbitrage halves each round’s gap (exactly where nothing was sold)', () => {
    const { trace, shockedPrices } = json.inflowHalf;
    expect(trace.length).toBeGreaterThan(1);
    trace.forEach((round, r) => {
      if (r > 0) expect(round.prices).toEqual(trace[r - 1]!.pricesAfter);
      for (const [asset, start] of Object.entries(round.prices)) {
        const target = shockedPrices[asset]!;
        const after = round.pricesAfter[asset]!;
        expect(after).toBeLessThanOrEqual(target * (1 + 1e-12));
        // The gap after = half the gap after the round's sales ≥ half the gap at the round's start.
        const [gapStart, gapAfter] = [target - start, target - after];
        if (round.soldUnits[asset] === 0) close(gapAfter, gapStart / 2, `round ${round.round} ${asset}`, 1e-9);
        else expect(gapAfter).toBeGreaterThanOrEqual(gapStart / 2 - 1e-9 * target);
      }
    });
  });

  it('--liquidator-capacity 1: per round, each protocol’s liquidators repay no more than their largest repayment in data/ecosystem/liquidation_events.csv', () => {
    const rows = parse(readFileSync('data/ecosystem/liquidation_events.csv'), { columns: true }) as { protocol: string; liquidator: string; debt_repaid_usd: string }[];
    const largest = new Map<string, number>();
    const serving = new Map<string, Set<string>>();
    for (const row of rows) {
      const usd = Number(row.debt_repaid_usd);
      if (usd > (largest.get(row.liquidator) ?? 0)) largest.set(row.liquidator, usd);
      serving.set(row.protocol, (serving.get(row.protocol) ?? new Set<string>()).add(row.liquidator));
    }
    const budget = (protocol: string) => [...serving.get(protocol)!].reduce((s, l) => s + (largest.get(l) ?? 0), 0);
    const events = json.capacity.events!;
    const limited = [...serving.keys()];
    expect(limited.length).toBeGreaterThan(0);
    for (const round of json.capacity.trace) {
      let all = 0;
      for (const protocol of limited) {
        const repaid = events.filter((e) => e.round === round.round && e.protocol === protocol).reduce((s, e) => s + e.repaidUsd, 0);
        expect(repaid, `round ${round.round} ${protocol}`).toBeLessThanOrEqual(budget(protocol) * (1 + 1e-9));
        close(round.liquidatedDebtUsdByProtocol[protocol]!, repaid, `round ${round.round} ${protocol} repaid = its events`);
        all += repaid;
      }
      expect(all).toBeLessThanOrEqual([...largest.values()].reduce((s, v) => s + v, 0) * (1 + 1e-9));
    }
    // Protocols with no liquidation on record are left unlimited, and the run says so.
    for (const protocol of Object.keys(json.capacity.badDebtByProtocol).filter((p) => !serving.has(p))) {
      expect(out.capacity.stderr).toContain(`protocol ${protocol} has no liquidation with a repaid amount in its history; its liquidators' capital is not limited`);
    }
    expect(json.capacity.unliquidatedDebtUsd).toBeGreaterThanOrEqual(json.capacity.latentBadDebtUsd);
  });

  it('--gas-gwei 500: every liquidation that books no bad debt pays its liquidator at least 500 gwei × 350,000 gas at that round’s WETH price', () => {
    const events = json.gas.events!;
    expect(events.length).toBeGreaterThan(0);
    const weth = new Map(json.gas.trace.map((r) => [r.round, r.prices.WETH!]));
    for (const e of events) {
      if (e.badDebtUsd > 0) continue; // insolvent accounts are closed whatever the gas
      expect(e.seizedUsd - e.repaidUsd).toBeGreaterThanOrEqual(500e-9 * 350_000 * weth.get(e.round)! * (1 - 1e-12));
    }
  });

});
