import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortfallWaterfall } from '../../../src/risk/options-accounts/index.js';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('shortfall waterfall: insurance fund → socialised → bad debt', () => {
  it('bad debt + insurance absorbed + socialised loss = shortfall to the cent (random cases)', () => {
    const usd = fc.double({ min: 0, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), usd, fc.double({ min: -1e7, max: 1e7, noNaN: true })), { minLength: 1, maxLength: 60 }),
        usd,
        (rows, fund) => {
          const shortfall = f64(rows.map(([inShortfall, s]) => (inShortfall ? s : 0)));
          const base = f64(rows.map(([, , b]) => b));
          const r = shortfallWaterfall({ shortfallUsd: shortfall, insuranceFundUsd: fund, socialisationBaseUsd: base });
          const expected = rows.reduce((t, [inShortfall, s]) => t + (inShortfall ? Math.round(s * 100) : 0), 0);
          const sum = (x: Float64Array) => x.reduce((t, v) => t + v, 0);
          return (
            r.shortfallCents === expected
            && r.badDebtCents + r.insuranceAbsorbedCents + r.socialisedCents === r.shortfallCents
            && sum(r.socialisedLossCents) === r.socialisedCents
            && r.accountShortfallCents.every((s, a) => r.accountInsuranceCents[a]! + r.accountSocialisedCoverCents[a]! + r.accountBadDebtCents[a]! === s)
            && r.socialisedLossCents.every((x, a) => Number.isInteger(x) && x >= 0 && x <= Math.max(0, Math.round(base[a]! * 100)))
            && r.insuranceAbsorbedCents <= Math.round(fund * 100)
          );
        },
      ),
      { seed: 424242, numRuns: 500 },
    );
  });

  it('fund exhausted → the remainder is socialised pro rata to positive P&L', () => {
    const r = shortfallWaterfall({
      shortfallUsd: f64([1000, 0, 0, 0]),
      insuranceFundUsd: 400,
      socialisationBaseUsd: f64([0, 300, 900, -50]),
    });
    expect(r.insuranceAbsorbedCents).toBe(40_000);
    expect(r.insuranceFundRemainingCents).toBe(0);
    expect(r.socialisedCents).toBe(60_000);
    expect(Array.from(r.socialisedLossCents)).toEqual([0, 15_000, 45_000, 0]); // 600 USD split 1 : 3, nothing from a loser
    expect(r.badDebtCents).toBe(0);
    expect(r.warnings[0]).toMatch(/insurance fund exhausted/);
  });

  it('cents that do not divide evenly go to the largest remainders', () => {
    const r = shortfallWaterfall({ shortfallUsd: f64([0.1, 0, 0, 0]), insuranceFundUsd: 0, socialisationBaseUsd: f64([0, 1, 1, 1]) });
    expect(Array.from(r.socialisedLossCents)).toEqual([0, 4, 3, 3]);
  });

  it('socialisation is capped at what winners have; the rest is bad debt, reported', () => {
    const r = shortfallWaterfall({ shortfallUsd: f64([500, 0]), insuranceFundUsd: 100, socialisationBaseUsd: f64([0, 150]) }, { basis: 'positive-equity' });
    expect([r.insuranceAbsorbedCents, r.socialisedCents, r.badDebtCents]).toEqual([10_000, 15_000, 25_000]);
    expect(r.basis).toBe('positive-equity');
  });

  it('no profitable accounts → the remaining shortfall is bad debt, not hidden', () => {
    const r = shortfallWaterfall({ shortfallUsd: f64([250.55, 100]), insuranceFundUsd: 50, socialisationBaseUsd: f64([0, 0]) });
    expect(r.shortfallCents).toBe(35_055);
    expect(r.insuranceAbsorbedCents).toBe(5_000);
    expect(r.socialisedCents).toBe(0);
    expect(r.badDebtCents).toBe(30_055);
    expect(Array.from(r.accountBadDebtCents).reduce((a, b) => a + b, 0)).toBe(30_055);
    expect(r.warnings.some((w) => w.includes('no profitable accounts'))).toBe(true);
  });
});
