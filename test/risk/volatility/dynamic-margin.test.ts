import { describe, expect, it } from 'vitest';
import { portfolioMargin, spanGrid, type MarginPortfolio } from '../../../src/risk/margin/index.js';
import { dynamicMargin, dynamicScanRange, forecastVolatility, fullWeightScanRange } from '../../../src/risk/volatility/index.js';
import { testPricer as pricer } from '../margin/helpers/pricer.js';
import { mulberry32 } from '../margin/helpers/random-portfolio.js';

/** Daily prices: `calmDays` at `calmVol` daily, then `lastDays` at `lastVol`. */
function prices(seed: number, calmDays: number, calmVol: number, lastDays: number, lastVol: number): Float64Array {
  const rnd = mulberry32(seed);
  const out = new Float64Array(calmDays + lastDays + 1);
  out[0] = 2000;
  for (let t = 1; t < out.length; t++) {
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    out[t] = out[t - 1]! * Math.exp((t <= calmDays ? calmVol : lastVol) * z);
  }
  return out;
}

const portfolio: MarginPortfolio = {
  accountCount: 1,
  spot: Float64Array.of(2000),
  options: {
    underlying: Int32Array.of(0), isCall: Uint8Array.of(0), strike: Float64Array.of(1800),
    years: Float64Array.of(30 / 365), vol: Float64Array.of(0.7),
  },
  positions: { account: Int32Array.of(0), option: Int32Array.of(0), size: Float64Array.of(-10) },
};

describe('dynamic scan range', () => {
  const grid = spanGrid({ scanRange: 0.15 });

  it('takes the grid’s full-weight move as the base scan range', () => {
    expect(fullWeightScanRange(grid)).toBeCloseTo(0.15, 12);
  });

  it('moves with forecast vol: a volatile month widens the scan range and raises margin', () => {
    const stressed = prices(1, 500, 0.03, 20, 0.09);
    const calm = prices(2, 500, 0.03, 60, 0.01);
    const hot = dynamicMargin(portfolio, grid, [{ underlying: 0, prices: stressed }], { margin: { pricer } });
    const cool = dynamicMargin(portfolio, grid, [{ underlying: 0, prices: calm }], { margin: { pricer } });
    const [h] = hot.underlyings;
    const [c] = cool.underlyings;
    expect(h!.scanRange.scale).toBeGreaterThan(1.5);
    expect(c!.scanRange.scale).toBeLessThan(1);
    expect(h!.scanRange.scanRange).toBeCloseTo(0.15 * h!.scanRange.scale, 12);
    const fixed = portfolioMargin(portfolio, grid, { pricer }).maintenance[0]!;
    expect(hot.margin.maintenance[0]!).toBeGreaterThan(fixed);
    expect(cool.margin.maintenance[0]!).toBeLessThan(fixed);
    // Every figure carries what produced it.
    expect(h!.forecast.parameters).toEqual({ model: 'ewma', lambda: 0.94 });
    expect(h!.forecast.annualisedVol).toBeGreaterThan(h!.forecast.longRunAnnualisedVol);
    expect(hot.margin.parameters.spotMoveScale?.[0]).toBe(h!.scanRange.scale);
  });

  it('floors and caps the scale', () => {
    const forecast = forecastVolatility(prices(3, 500, 0.03, 20, 0.3));
    const capped = dynamicScanRange(forecast, { baseScanRange: 0.15 });
    expect(capped.clamped).toBe('cap');
    expect(capped.scanRange).toBeCloseTo(0.45, 12);
    const floored = dynamicScanRange(forecastVolatility(prices(4, 500, 0.03, 100, 0.002)), { baseScanRange: 0.15 });
    expect(floored.clamped).toBe('floor');
    expect(floored.scanRange).toBeCloseTo(0.075, 12);
  });

  it('works with GARCH and reports ω, α, β', () => {
    const r = dynamicMargin(portfolio, grid, [{ underlying: 0, prices: prices(5, 1500, 0.03, 20, 0.08) }], {
      forecast: { model: 'garch', horizonPeriods: 1 },
      margin: { pricer },
    });
    const p = r.underlyings[0]!.forecast.parameters;
    expect(p.model).toBe('garch');
    if (p.model === 'garch') {
      expect(p.omega).toBeGreaterThan(0);
      expect(p.alpha + p.beta).toBeLessThan(1);
      expect(p.converged).toBe(true);
    }
    expect(r.underlyings[0]!.scanRange.scale).toBeGreaterThan(1);
  });
});
