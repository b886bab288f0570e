import { describe, expect, it } from 'vitest';
import { strategyMargin, type MarginPortfolio } from '../../../src/risk/margin/index.js';

function single(spot: number, strike: number, isCall: boolean, size: number, years = 0.25): MarginPortfolio {
  return {
    accountCount: 1,
    spot: Float64Array.of(spot),
    options: {
      underlying: Int32Array.of(0), isCall: Uint8Array.of(isCall ? 1 : 0), strike: Float64Array.of(strike),
      years: Float64Array.of(years), vol: Float64Array.of(0.3),
    },
    positions: { account: Int32Array.of(0), option: Int32Array.of(0), size: Float64Array.of(size) },
  };
}

describe('Reg T / Cboe Rule 10.3 short uncovered options', () => {
  it('short OTM put: premium + max(20% × S − OTM, 10% × K)', () => {
    // Worked example (per share, 100-share contract): short 200 put at 1.20, stock 209:
    // 20% × 209 − 9 = 32.80 > 10% × 200 = 20 → 1.20 + 32.80 = 34.00 → $3,400 per contract.
    const r = strategyMargin(single(209, 200, false, -100), Float64Array.of(1.2));
    expect(r.ruleRequirement[0]).toBeCloseTo(3400, 9);
    expect(r.requirement[0]).toBeCloseTo(3280, 9); // premium carried by equity (equity nets the short's mark)
  });

  it('deep OTM call hits the 10% of underlying minimum; puts use 10% of strike', () => {
    // S 100, K 150 call: 20 − 50 < 10 → 10 + premium 0.5.
    expect(strategyMargin(single(100, 150, true, -1), Float64Array.of(0.5)).ruleRequirement[0]).toBeCloseTo(10.5, 12);
    // S 100, K 60 put: 20 − 40 < 6 → 6 + premium 0.1.
    expect(strategyMargin(single(100, 60, false, -1), Float64Array.of(0.1)).ruleRequirement[0]).toBeCloseTo(6.1, 12);
    // ITM call: no OTM deduction: 20 + premium.
    expect(strategyMargin(single(100, 90, true, -2), Float64Array.of(12)).ruleRequirement[0]).toBeCloseTo(2 * 32, 12);
  });

  it('longs are paid in full up to 9 months, 75% beyond', () => {
    expect(strategyMargin(single(100, 100, true, 3, 0.5), Float64Array.of(8)).requirement[0]).toBeCloseTo(24, 12);
    expect(strategyMargin(single(100, 100, true, 3, 1), Float64Array.of(8)).requirement[0]).toBeCloseTo(18, 12);
  });
});

describe('fully collateralised (Opyn)', () => {
  it('short call: one underlying; short put: the strike', () => {
    const call = strategyMargin(single(100, 120, true, -2), Float64Array.of(3), { mode: 'fully-collateralised' });
    expect(call.ruleRequirement[0]).toBe(200);
    expect(call.requirement[0]).toBe(194);
    const put = strategyMargin(single(100, 80, false, -2), Float64Array.of(1), { mode: 'fully-collateralised' });
    expect(put.ruleRequirement[0]).toBe(160);
    expect(put.requirement[0]).toBe(158);
  });
});
