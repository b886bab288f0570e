/**
 * `contagion run --json` with the contagion model's flags (src/cli/model-flags.ts) on the embedded
 * dataset, default scenario eth-drop-30: insurance and oracle lag against a plain run, and invalid
 * values. The frictions (arbitrage inflow, liquidator capacity, gas) are in run-frictions.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cents, close, contagion, DEFAULT_OPTIONS, embeddedDatabase, inParallel, type CliOutput, type RunJson } from '../helpers/cli.js';

const RUNS = {
  plain: ['--json'],
  insurance: ['--json', '--insurance'],
  lag0: ['--json', '--oracle-lag', '0'],
  lag2: ['--json', '--events', '--oracle-lag', '2'],
} as const;
type RunName = keyof typeof RUNS;

const out = {} as Record<RunName, CliOutput>;
const json = {} as Record<RunName, RunJson>;
let invalidInflow: CliOutput;
let invalidLag: CliOutput;
let invalidOracle: CliOutput;

let cleanUp = (): void => {};
afterAll(() => cleanUp());

beforeAll(async () => {
  const { copy: database, dispose } = await embeddedDatabase();
  cleanUp = dispose;
  const names = Object.keys(RUNS) as RunName[];
  const results = await inParallel([
    ...names.map((name) => () => contagion('run', '--db', database(), ...RUNS[name])),
    () => contagion('run', '--db', database(), '--json', '--arbitrage-inflow', '2'),
    () => contagion('run', '--db', database(), '--json', '--oracle-lag', '1.5'),
    () => contagion('run', '--db', database(), '--json', '--oracle', 'pyth'),
  ]);
  names.forEach((name, i) => {
    out[name] = results[i]!;
    if (results[i]!.code === 0) json[name] = JSON.parse(results[i]!.stdout) as RunJson;
  });
  [invalidInflow, invalidLag, invalidOracle] = results.slice(names.length) as [CliOutput, CliOutput, CliOutput];
});

describe('contagion run --json with model flags, on the embedded dataset', () => {
  it('runs each flag and echoes the options it ran with (the rest at their defaults)', () => {
    for (const name of Object.keys(RUNS) as RunName[]) expect(out[name].code, `${name}: ${out[name].stderr}`).toBe(0);
    expect(json.plain.options).toMatchObject(DEFAULT_OPTIONS);
    expect(json.plain.scenario).toBe('eth-drop-30');
    expect(json.insurance.options).toMatchObject({ ...DEFAULT_OPTIONS, insuranceFunds: true });
    expect(json.lag0.options).toMatchObject({ ...DEFAULT_OPTIONS, oracle: { model: 'lag', lagRounds: 0, roundSeconds: 12 } });
    expect(json.lag2.options).toMatchObject({ ...DEFAULT_OPTIONS, oracle: { model: 'lag', lagRounds: 2, roundSeconds: 12 } });
    expect(json.plain.totalBadDebtUsd).toBeGreaterThan(0);
  });

  it('--insurance: the cascade is unchanged, and each protocol’s bad debt = insurance absorbed + socialised, to the cent', () => {
    // Insurance only splits the losses afterwards (the options venue's own waterfall runs either way).
    expect(json.insurance.totalBadDebtUsd).toBe(json.plain.totalBadDebtUsd);
    expect(json.insurance.badDebtByProtocol).toEqual(json.plain.badDebtByProtocol);
    expect(json.insurance.trace).toEqual(json.plain.trace);
    expect(json.plain.losses).toBeNull();
    const losses = json.insurance.losses!;
    expect(Object.keys(losses).sort()).toEqual(Object.keys(json.plain.badDebtByProtocol).sort());
    for (const [protocol, split] of Object.entries(losses)) {
      expect(cents(split.insuranceAbsorbedUsd) + cents(split.socialisedUsd), protocol).toBe(cents(split.badDebtUsd));
      expect(split.insuranceAbsorbedUsd).toBeLessThanOrEqual(split.insuranceFundUsd + 0.005);
      expect(Math.abs(split.badDebtUsd - json.plain.badDebtByProtocol[protocol]!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(split.supplierHaircut).toBeGreaterThanOrEqual(0);
      expect(split.supplierHaircut).toBeLessThanOrEqual(1);
    }
    expect(Object.values(losses).some((s) => s.socialisedUsd > 0)).toBe(true); // losses present: the dataset's funds are empty
  });

  it('--oracle-lag 0 books exactly what the run without an oracle does', () => {
    expect(json.lag0.totalBadDebtUsd).toBe(json.plain.totalBadDebtUsd);
    expect(json.lag0.badDebtByProtocol).toEqual(json.plain.badDebtByProtocol);
    expect(json.lag0.liquidatedDebtUsdByProtocol).toEqual(json.plain.liquidatedDebtUsdByProtocol);
    expect(json.lag0.finalPrices).toEqual(json.plain.finalPrices);
    expect(json.lag0.rounds).toBe(json.plain.rounds);
    expect(json.lag0.oracleLagLossUsd).toBe(0);
    expect(json.plain.oracleLagLossUsd).toBeUndefined();
  });

  it('--oracle-lag 2: no lending account is liquidated while the oracle still reads the pre-shock prices, and the lag loss is the difference to the run without one', () => {
    // Every HF ≥ 1 at the snapshot's prices (test/data/embedded-dataset.test.ts), which a lag-2
    // oracle reports in rounds 1 and 2. Not asserted: the sign of the loss (docs/monotonicity-notes.md).
    const events = json.lag2.events!;
    expect(events.length).toBeGreaterThan(0);
    expect(Math.min(...events.map((e) => e.round))).toBe(3);
    close(json.lag2.oracleLagLossUsd!, json.lag2.totalBadDebtUsd - json.plain.totalBadDebtUsd, 'oracleLagLossUsd');
  });

  it('rejects --arbitrage-inflow 2 with a non-zero exit and a message naming the flag', () => {
    expect(invalidInflow.code).not.toBe(0);
    expect(invalidInflow.stdout).toBe('');
    expect(invalidInflow.stderr).toMatch(/--arbitrage-inflow/);
    expect(invalidInflow.stderr).toMatch(/\[0, 1\]/);
  });

  it('rejects --oracle-lag 1.5 (and an unknown --oracle) with a non-zero exit and a message naming the flag', () => {
    expect(invalidLag.code).not.toBe(0);
    expect(invalidLag.stdout).toBe('');
    expect(invalidLag.stderr).toMatch(/--oracle-lag/);
    expect(invalidOracle.code).not.toBe(0);
    expect(invalidOracle.stderr).toMatch(/--oracle/);
  });
});

