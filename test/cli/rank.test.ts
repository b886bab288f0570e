/**
 * `contagion rank` (src/cli/commands/rank.ts): per protocol, the bad debt its forced sales cause
 * in the others, its own loss split into direct and contagion, and the assets, venues and accounts
 * that drive the cascade — checked against its own definitions (src/contagion/attribute-losses.ts)
 * and against `contagion run` of the same scenario, on the embedded dataset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUsd } from '../../src/report/index.js';
import { close, contagion, DEFAULT_OPTIONS, embeddedDatabase, inParallel, type CliOutput, type RunJson } from '../helpers/cli.js';

interface RankedProtocol {
  protocol: string;
  badDebtUsd: number;
  directUsd: number;
  contagionUsd: number;
  causedElsewhereUsd: number;
  debtRank: number;
  clearingRecoveryRate: number;
}
interface RankJson {
  snapshotId: number;
  scenario: string;
  options: RunJson['options'];
  protocols: RankedProtocol[];
  topAccounts: { protocol: string; account: string; seizedUsd: number; badDebtUsd: number }[];
  topAssets: { asset: string; soldUsd: number; priceChange: number }[];
  topVenues: { venue: string; asset: string; depthUsd: number; absorbedUsd: number; priceChange: number }[];
  network: { ids: string[] };
}

let rankJson: CliOutput;
let rankText: CliOutput;
let rankInflow: CliOutput;
let runEvents: CliOutput;
let invalid: CliOutput[];
let ranked: RankJson;
let run: RunJson & { events: NonNullable<RunJson['events']> };

let cleanUp = (): void => {};
afterAll(() => cleanUp());

beforeAll(async () => {
  const { copy: database, dispose } = await embeddedDatabase();
  cleanUp = dispose;
  [rankJson, rankText, runEvents, rankInflow, ...invalid] = await inParallel([
    () => contagion('rank', '--db', database(), '--json'),
    () => contagion('rank', '--db', database()),
    () => contagion('run', '--db', database(), '--json', '--events'),
    () => contagion('rank', '--db', database(), '--json', '--arbitrage-inflow', '0.5'),
    () => contagion('rank', '--db', database(), '--json', '--arbitrage-inflow', '2'),
    () => contagion('rank', '--db', database(), '--json', '--oracle-lag', '1.5'),
  ]);
  ranked = JSON.parse(rankJson.stdout) as RankJson;
  run = JSON.parse(runEvents.stdout) as typeof run;
});

describe('contagion rank --json, on the embedded dataset (eth-drop-30)', () => {
  it('names the snapshot, scenario and model options, and ranks every protocol once, by the bad debt it causes elsewhere', () => {
    expect(rankJson.code, rankJson.stderr).toBe(0);
    expect(ranked).toMatchObject({ snapshotId: 1, scenario: 'eth-drop-30' });
    expect(ranked.options).toMatchObject(DEFAULT_OPTIONS);
    expect(ranked.protocols.map((p) => p.protocol).sort()).toEqual(Object.keys(run.badDebtByProtocol).sort());
    const caused = ranked.protocols.map((p) => p.causedElsewhereUsd);
    expect(caused).toEqual([...caused].sort((a, b) => b - a));
    expect(caused[0]).toBeGreaterThan(0);
  });

  it('splits each protocol’s bad debt into direct + contagion, and its bad debt is what `contagion run` books for it', () => {
    for (const p of ranked.protocols) {
      expect(p.contagionUsd, p.protocol).toBe(p.badDebtUsd - p.directUsd);
      expect(p.badDebtUsd, p.protocol).toBe(run.badDebtByProtocol[p.protocol]);
      expect(p.directUsd).toBeGreaterThanOrEqual(0);
    }
    close(
      ranked.protocols.reduce((s, p) => s + p.directUsd + p.contagionUsd, 0),
      run.totalBadDebtUsd,
      'Σ direct + contagion = the run’s total bad debt',
    );
  });

  it('bounds the bad debt each protocol causes elsewhere by the others’ bad debt; an options venue’s sales cannot be switched off, so it causes none', () => {
    const total = run.totalBadDebtUsd;
    for (const p of ranked.protocols) {
      expect(p.causedElsewhereUsd).toBeGreaterThanOrEqual(0);
      // Σ over the others of max(0, full − without it) ≤ Σ over the others of their full bad debt.
      expect(p.causedElsewhereUsd, p.protocol).toBeLessThanOrEqual((total - p.badDebtUsd) * (1 + 1e-12));
    }
    expect(ranked.protocols.find((p) => p.protocol === 'derive-options')!.causedElsewhereUsd).toBe(0);
  });

  it('lists the assets sold hardest and the accounts that sold most, as the run’s trace and events add them up', () => {
    expect(ranked.topAssets.length).toBeGreaterThan(0);
    expect(ranked.topAssets.length).toBeLessThanOrEqual(10);
    expect(ranked.topAssets.map((a) => a.soldUsd)).toEqual(ranked.topAssets.map((a) => a.soldUsd).sort((a, b) => b - a));
    for (const a of ranked.topAssets) {
      const soldUsd = run.trace.reduce((s, r) => s + r.soldUnits[a.asset]! * r.prices[a.asset]!, 0);
      close(a.soldUsd, soldUsd, `${a.asset} sold`);
      expect(a.priceChange).toBe(run.finalPrices[a.asset]! / run.shockedPrices[a.asset]! - 1);
    }
    expect(ranked.topAccounts.length).toBe(10);
    expect(ranked.topAccounts.map((a) => a.seizedUsd)).toEqual(ranked.topAccounts.map((a) => a.seizedUsd).sort((a, b) => b - a));
    for (const a of ranked.topAccounts) {
      const mine = run.events.filter((e) => e.protocol === a.protocol && e.account === a.account);
      close(a.seizedUsd, mine.reduce((s, e) => s + e.seizedUsd, 0), `${a.account} seized`);
      close(a.badDebtUsd, mine.reduce((s, e) => s + e.badDebtUsd, 0), `${a.account} bad debt`);
    }
    for (const v of ranked.topVenues) {
      expect(v.absorbedUsd).toBeGreaterThan(0);
      expect(v.absorbedUsd).toBeLessThanOrEqual(ranked.topAssets.find((a) => a.asset === v.asset)?.soldUsd ?? Infinity);
    }
  });

  it('takes the model flags: --arbitrage-inflow 0.5 is echoed and the split still adds up', () => {
    expect(rankInflow.code, rankInflow.stderr).toBe(0);
    const withInflow = JSON.parse(rankInflow.stdout) as RankJson;
    expect(withInflow.options).toMatchObject({ ...DEFAULT_OPTIONS, arbitrageInflow: 0.5 });
    for (const p of withInflow.protocols) expect(p.contagionUsd).toBe(p.badDebtUsd - p.directUsd);
  });
});

describe('contagion rank, text', () => {
  it('prints the JSON’s ranking, one line per protocol in the same order, with the same amounts', () => {
    expect(rankText.code, rankText.stderr).toBe(0);
    const lines = rankText.stdout.split('\n');
    expect(lines[0]).toMatch(/^Systemic importance under eth-drop-30, snapshot #1 /);
    const rows = ranked.protocols.map((p) => lines.findIndex((l) => l.trimStart().startsWith(`${p.protocol} `)));
    expect(rows.every((r) => r > 0)).toBe(true);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    ranked.protocols.forEach((p, i) => {
      const cells = lines[rows[i]!]!.trim().split(/\s{2,}/);
      expect(cells.slice(0, 5)).toEqual([p.protocol, formatUsd(p.causedElsewhereUsd), formatUsd(p.badDebtUsd), formatUsd(p.directUsd), formatUsd(p.contagionUsd)]);
    });
  });

  it('rejects invalid model flags with a non-zero exit and a message naming the flag', () => {
    const [inflow, lag] = invalid as [CliOutput, CliOutput];
    expect(inflow.code).not.toBe(0);
    expect(inflow.stderr).toMatch(/--arbitrage-inflow/);
    expect(lag.code).not.toBe(0);
    expect(lag.stderr).toMatch(/--oracle-lag/);
  });
});
