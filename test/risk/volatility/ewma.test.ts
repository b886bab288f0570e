import { describe, expect, it } from 'vitest';
import { ewmaVariance, logReturns, VolatilityError } from '../../../src/risk/volatility/index.js';

describe('EWMA variance (RiskMetrics 1996, λ = 0.94)', () => {
  it('matches a hand computation on a short series', () => {
    const r = Float64Array.of(0.01, -0.02, 0.015);
    const fit = ewmaVariance(r, { initialVariance: 1e-4 });
    expect(fit.lambda).toBe(0.94);
    // σ²_0 = 1e-4
    // σ²_1 = 0.94·1e-4 + 0.06·(0.01)² = 1.0e-4
    // σ²_2 = 0.94·1e-4 + 0.06·(0.02)² = 1.18e-4
    // σ²_3 = 0.94·1.18e-4 + 0.06·(0.015)² = 1.1092e-4 + 0.135e-4 = 1.2442e-4
    expect(Array.from(fit.variance)).toEqual([1e-4, expect.closeTo(1e-4, 18), expect.closeTo(1.18e-4, 18)]);
    expect(fit.nextVariance).toBeCloseTo(1.2442e-4, 18);
  });

  it('defaults the initial variance to the mean of squared returns', () => {
    const fit = ewmaVariance(Float64Array.of(0.01, -0.02, 0.015));
    expect(fit.initialVariance).toBeCloseTo((1e-4 + 4e-4 + 2.25e-4) / 3, 18);
  });

  it('log returns and input errors', () => {
    const r = logReturns(Float64Array.of(100, 110, 99));
    expect(r[0]).toBeCloseTo(Math.log(1.1), 15);
    expect(r[1]).toBeCloseTo(Math.log(0.9), 15);
    expect(() => logReturns(Float64Array.of(100, 0))).toThrow(/contagion\/risk\/volatility: price 1: must be finite and > 0/);
    expect(() => ewmaVariance(r, { lambda: 1 })).toThrow(VolatilityError);
  });
});
