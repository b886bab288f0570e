import { describe, expect, it } from 'vitest';
import { bsmPricer } from '../../../src/risk/margin/index.js';
import { referencePricer } from './helpers/reference-bsm.js';
import { mulberry32 } from './helpers/random-portfolio.js';

describe('the margin adapter onto the pricing engine', () => {
  it('maps years → expiry and carry → dividendYield: agrees with an independent BSM', () => {
    const rnd = mulberry32(9);
    const n = 500;
    const col = (f: () => number) => Float64Array.from({ length: n }, f);
    const spot = col(() => 100 * (0.5 + rnd()));
    const strike = col(() => 100 * (0.5 + rnd()));
    const years = col(() => 0.01 + rnd());
    const vol = col(() => 0.1 + rnd());
    const isCall = Uint8Array.from({ length: n }, () => (rnd() < 0.5 ? 1 : 0));
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    bsmPricer.priceInto(spot, strike, years, vol, 0.04, 0.015, isCall, a);
    referencePricer.priceInto(spot, strike, years, vol, 0.04, 0.015, isCall, b);
    for (let i = 0; i < n; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-10 * Math.max(1, b[i]!));
    // Hull, Options, Futures and Other Derivatives, Example 15.6: S 42, K 40, r 10%, σ 20%, T 0.5 → call 4.76.
    expect(bsmPricer.price({ spot: 42, strike: 40, years: 0.5, vol: 0.2, rate: 0.1, carry: 0, isCall: true })).toBeCloseTo(4.7594, 4);
  });
});
