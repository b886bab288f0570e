import { describe, expect, it } from 'vitest';
import { black76, black76Columns, bsm, normCdf, type Black76Option } from '../../../src/risk/pricing/index.js';
import { logUniform, seededRandom, uniform } from './seeded-random.js';

describe('black76', () => {
  // Haug, *The Complete Guide to Option Pricing Formulas* (1998), Black-76 example: futures
  // F = 19, K = 19, T = 0.75, r = 10%, σ = 28% → call = put = 1.7011. Transcribed in QuantLib,
  // lballabio/QuantLib test-suite/europeanoption.cpp (testValues, "pag 2-8", as BSM with q = r),
  // commit 02f7b8ce653bd7b6ca29390d246353d3af9c4e86.
  it('Haug: F=19, K=19, T=0.75, r=10%, σ=28% → 1.7011 for both call and put', () => {
    const base = { forward: 19, strike: 19, expiry: 0.75, vol: 0.28, rate: 0.1 };
    for (const isCall of [true, false]) {
      expect(Math.abs(black76({ ...base, isCall }).price - 1.7011)).toBeLessThanOrEqual(5e-5);
    }
  });

  it('is BSM with S = F and q = r, except rho, which holds F fixed: ρ = −T·V', () => {
    const random = seededRandom(76);
    for (let i = 0; i < 500; i++) {
      const option: Black76Option = {
        forward: logUniform(random, 1, 1e4),
        strike: logUniform(random, 1, 1e4),
        expiry: logUniform(random, 1e-3, 10),
        vol: logUniform(random, 0.01, 3),
        rate: uniform(random, -0.02, 0.15),
        isCall: random() < 0.5,
      };
      const b = black76(option);
      const s = bsm({ spot: option.forward, strike: option.strike, expiry: option.expiry, vol: option.vol, rate: option.rate, dividendYield: option.rate, isCall: option.isCall });
      expect([b.price, b.delta, b.gamma, b.vega, b.theta]).toEqual([s.price, s.delta, s.gamma, s.vega, s.theta]);
      expect(b.rho).toBe(0 - option.expiry * b.price);
      // Delta is e^{−rT}·N(θd₁) against the forward.
      const s1 = option.vol * Math.sqrt(option.expiry);
      const d1 = Math.log(option.forward / option.strike) / s1 + s1 / 2;
      const sign = option.isCall ? 1 : -1;
      expect(b.delta).toBeCloseTo(sign * Math.exp(-option.rate * option.expiry) * normCdf(sign * d1), 13);
      // And rho agrees with a central difference in r at fixed F.
      const h = 1e-5;
      const up = black76({ ...option, rate: option.rate + h }).price;
      const down = black76({ ...option, rate: option.rate - h }).price;
      expect(Math.abs((up - down) / (2 * h) - b.rho)).toBeLessThanOrEqual(1e-7 * Math.abs(b.rho) + 1e-9 * (option.forward + option.strike));
    }
  });

  it('vectorised equals scalar element for element, edge rows included', () => {
    const rows: Black76Option[] = [
      { forward: 100, strike: 100, expiry: 0, vol: 0.3, rate: 0.05, isCall: true },
      { forward: 100, strike: 90, expiry: 1, vol: 0, rate: 0.05, isCall: true },
      { forward: 100, strike: 90, expiry: 1, vol: 0, rate: 0.05, isCall: false },
      { forward: 100, strike: 1e6, expiry: 2, vol: 0.4, rate: 0.01, isCall: false },
      { forward: 19, strike: 19, expiry: 0.75, vol: 0.28, rate: 0.1, isCall: true },
    ];
    const out = black76Columns({
      forward: Float64Array.from(rows, (r) => r.forward),
      strike: Float64Array.from(rows, (r) => r.strike),
      expiry: Float64Array.from(rows, (r) => r.expiry),
      vol: Float64Array.from(rows, (r) => r.vol),
      rate: Float64Array.from(rows, (r) => r.rate),
      isCall: Uint8Array.from(rows, (r) => (r.isCall ? 1 : 0)),
    });
    rows.forEach((row, i) => {
      const g = black76(row);
      expect([out.price[i], out.delta[i], out.gamma[i], out.vega[i], out.theta[i], out.rho[i]]).toEqual([g.price, g.delta, g.gamma, g.vega, g.theta, g.rho]);
    });
  });

  it('names the forward field when it is bad', () => {
    expect(() => black76({ forward: -1, strike: 1, expiry: 1, vol: 0.2, rate: 0, isCall: true })).toThrow(
      'contagion/risk/pricing: black76 option: field "forward" must be a finite number > 0, got -1',
    );
  });
});
