import { describe, expect, it } from 'vitest';
import { accountEquity, CLOSE_OUT_PHASES, closeOutAccounts, type OptionsAccountsInput } from '../../../src/risk/options-accounts/index.js';

/** Assets: 0 USDC ($1, no haircut), 1 ETH ($2,000, 20% haircut = Derive SRM marginFactor 0.8). */
function accounts(maintenance: number[]): OptionsAccountsInput {
  return {
    accountCount: 3,
    assetPrice: Float64Array.of(1, 2000),
    haircut: Float64Array.of(0, 0.2),
    collateral: { account: Int32Array.of(0, 0, 1, 2), asset: Int32Array.of(0, 1, 0, 0), amount: Float64Array.of(1000, 1, 500, 100) },
    // options: 0 mark 100, 1 mark 40
    positions: { account: Int32Array.of(0, 0, 1, 2), option: Int32Array.of(0, 1, 0, 1), size: Float64Array.of(-10, 5, -4, 2) },
    mark: Float64Array.of(100, 40),
    maintenance: Float64Array.from(maintenance),
  };
}

describe('options account equity', () => {
  it('values collateral with haircuts and options long + / short −', () => {
    const e = accountEquity(accounts([1000, 200, 0]));
    // account 0: 1000 + 2000 × 0.8 = 2600 collateral; options 5 × 40 − 10 × 100 = −800 → equity 1800
    expect(e.collateralValue[0]).toBe(2600);
    expect(e.collateralMarketValue[0]).toBe(3000);
    expect(e.longValue[0]).toBe(200);
    expect(e.shortValue[0]).toBe(1000);
    expect(e.equity[0]).toBe(1800);
    expect(e.marginRatio[0]).toBe(1.8);
    expect(e.liquidatable[0]).toBe(0);
    // account 1: 500 − 400 = 100 < 200 → liquidatable, ratio 0.5
    expect(e.equity[1]).toBe(100);
    expect(e.marginRatio[1]).toBe(0.5);
    expect(e.liquidatable[1]).toBe(1);
    // account 2: no maintenance: ratio +Infinity (equity ≥ 0)
    expect(e.marginRatio[2]).toBe(Infinity);
  });

  it('closes out at a fixed bonus: shorts bought back at mark × (1 + d), longs sold at mark × (1 − d)', () => {
    const input = accounts([2000, 200, 0]);
    const e = accountEquity(input);
    const r = closeOutAccounts(e, input.maintenance, { kind: 'fixed-bonus', discount: 0.1 });
    expect(Array.from(r.closed)).toEqual([1, 1, 0]);
    // account 0: 3000 + 200 × 0.9 − 1000 × 1.1 = 2080
    expect(r.equityAfter[0]).toBeCloseTo(2080, 9);
    expect(r.liquidatorGain[0]).toBeCloseTo(0.1 * (200 + 1000), 9);
    // account 1: 500 − 400 × 1.1 = 60
    expect(r.equityAfter[1]).toBeCloseTo(60, 9);
    expect(r.shortfall[1]).toBe(0);
    expect(CLOSE_OUT_PHASES[r.phase[0]!]).toBe('fixed-bonus');
  });

  it('closes out by Dutch auction: solvent at fraction × MtM, insolvent paid −MtM + δ·MM', () => {
    const input = accounts([2000, 200, 0]);
    input.mark[0] = 140; // account 1: 500 − 560 = −60 → insolvent
    const e = accountEquity(input);
    const r = closeOutAccounts(e, input.maintenance, { kind: 'dutch-auction', appetite: { kind: 'required-discount', discount: 0.175 } });
    // account 0: V = 3000 + 200 − 1400 = 1800, clears at 450 s at 82.5%
    expect(r.equityAfter[0]).toBeCloseTo(0.825 * 1800, 9);
    expect(r.secondsToClear[0]).toBeCloseTo(450, 9);
    expect(CLOSE_OUT_PHASES[r.phase[0]!]).toBe('fast');
    // account 1: V = −60, bidder paid 60 + 0.175 × 200 = 95 at 0.175 × 3600 s
    expect(r.shortfall[1]).toBeCloseTo(95, 9);
    expect(r.secondsToClear[1]).toBeCloseTo(630, 9);
    expect(CLOSE_OUT_PHASES[r.phase[1]!]).toBe('insolvent');
  });

  it('names the record and field of bad input', () => {
    const input = accounts([1, 1, 1]);
    input.haircut[1] = 1.5;
    expect(() => accountEquity(input)).toThrow(/contagion\/risk\/options-accounts: asset 1: field haircut/);
  });
});
