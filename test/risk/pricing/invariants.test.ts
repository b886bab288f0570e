import { describe, expect, it } from 'vitest';
import { allocateGreekColumns, bsm, bsmColumns, type BsmOption } from '../../../src/risk/pricing/index.js';
import { logUniform, seededRandom, uniform } from './seeded-random.js';

const EPS = Number.EPSILON;

/** A seeded grid of options spread over moneyness ln(K/F) = z·σ√T with |z| ≤ 5. */
function randomOptions(seed: number, count: number): BsmOption[] {
  const random = seededRandom(seed);
  const options: BsmOption[] = [];
  for (let i = 0; i < count; i++) {
    const spot = logUniform(random, 0.01, 1e5);
    const expiry = logUniform(random, 1 / 365 / 24, 10);
    const vol = logUniform(random, 0.01, 3);
    const rate = uniform(random, -0.02, 0.2);
    const dividendYield = uniform(random, -0.02, 0.2);
    const z = uniform(random, -5, 5);
    const strike = spot * Math.exp((rate - dividendYield) * expiry + z * vol * Math.sqrt(expiry));
    options.push({ spot, strike, expiry, vol, rate, dividendYield, isCall: random() < 0.5 });
  }
  return options;
}

describe('bsm invariants', () => {
  it('put–call parity C − P = S e^{−qT} − K e^{−rT} to 1e-12 of S e^{−qT} + K e^{−rT}', () => {
    for (const option of randomOptions(11, 5000)) {
      const call = bsm({ ...option, isCall: true }).price;
      const put = bsm({ ...option, isCall: false }).price;
      const sq = option.spot * Math.exp(-option.dividendYield! * option.expiry);
      const kd = option.strike * Math.exp(-option.rate * option.expiry);
      expect(Math.abs(call - put - (sq - kd))).toBeLessThanOrEqual(1e-12 * (sq + kd));
    }
  });

  it('bounds max(S e^{−qT} − K e^{−rT}, 0) ≤ C ≤ S e^{−qT} (and the put’s), to rounding', () => {
    for (const option of randomOptions(12, 5000)) {
      const sq = option.spot * Math.exp(-option.dividendYield! * option.expiry);
      const kd = option.strike * Math.exp(-option.rate * option.expiry);
      const slack = 4 * EPS * (sq + kd);
      const call = bsm({ ...option, isCall: true }).price;
      const put = bsm({ ...option, isCall: false }).price;
      expect(call).toBeGreaterThanOrEqual(Math.max(sq - kd, 0) - slack);
      expect(call).toBeLessThanOrEqual(sq);
      expect(put).toBeGreaterThanOrEqual(Math.max(kd - sq, 0) - slack);
      expect(put).toBeLessThanOrEqual(kd);
    }
  });

  it('monotone: call rises with S and σ and falls with K; put the reverse in S and K', () => {
    for (const option of randomOptions(13, 3000)) {
      const v = (changes: Partial<BsmOption>, isCall: boolean) => bsm({ ...option, ...changes, isCall }).price;
      const noise = (value: number) => 4 * EPS * (value + option.spot + option.strike);
      const call = v({}, true);
      const put = v({}, false);
      expect(v({ spot: option.spot * 1.001 }, true)).toBeGreaterThanOrEqual(call - noise(call));
      expect(v({ vol: option.vol * 1.001 }, true)).toBeGreaterThanOrEqual(call - noise(call));
      expect(v({ strike: option.strike * 1.001 }, true)).toBeLessThanOrEqual(call + noise(call));
      expect(v({ spot: option.spot * 1.001 }, false)).toBeLessThanOrEqual(put + noise(put));
      expect(v({ vol: option.vol * 1.001 }, false)).toBeGreaterThanOrEqual(put - noise(put));
      expect(v({ strike: option.strike * 1.001 }, false)).toBeGreaterThanOrEqual(put - noise(put));
    }
  });

  // Central differences of the engine's own prices. Steps scale with the option's own width
  // S·σ√T (so a one-hour option is bumped by less than a one-year one); each tolerance is 1e-5
  // relative plus the rounding floor of the difference quotient, c·ε·(S + K)/h^order.
  it('Greeks match central finite differences, near expiry and deep in/out of the money included', () => {
    const grid: BsmOption[] = [];
    for (const expiry of [1 / 365 / 24, 1 / 365, 0.1, 1, 5]) {
      for (const vol of [0.05, 0.3, 1.5]) {
        for (const z of [-4, -2, -0.5, 0, 0.5, 2, 4]) {
          for (const isCall of [true, false]) {
            const spot = 100;
            const strike = spot * Math.exp((0.04 - 0.01) * expiry + z * vol * Math.sqrt(expiry));
            grid.push({ spot, strike, expiry, vol, rate: 0.04, dividendYield: 0.01, isCall });
          }
        }
      }
    }
    grid.push(...randomOptions(14, 400));
    for (const option of grid) {
      const g = bsm(option);
      const price = (changes: Partial<BsmOption>) => bsm({ ...option, ...changes }).price;
      const scale = option.spot + option.strike;
      const width = option.spot * option.vol * Math.sqrt(option.expiry);
      const check = (name: string, fd: number, exact: number, floor: number) =>
        expect(Math.abs(fd - exact), `${name} of ${JSON.stringify(option)}: fd ${fd}, analytic ${exact}`).toBeLessThanOrEqual(1e-5 * Math.abs(exact) + floor);

      const hS = 1e-3 * width;
      const up = price({ spot: option.spot + hS });
      const down = price({ spot: option.spot - hS });
      check('delta', (up - down) / (2 * hS), g.delta, (100 * EPS * scale) / hS);
      check('gamma', (up - 2 * g.price + down) / (hS * hS), g.gamma, (100 * EPS * scale) / (hS * hS));

      const hV = 1e-4 * option.vol;
      check('vega', (price({ vol: option.vol + hV }) - price({ vol: option.vol - hV })) / (2 * hV), g.vega, (100 * EPS * scale) / hV);

      const hT = 1e-4 * option.expiry;
      check('theta', -(price({ expiry: option.expiry + hT }) - price({ expiry: option.expiry - hT })) / (2 * hT), g.theta, (100 * EPS * scale) / hT);

      const hR = 1e-5;
      check('rho', (price({ rate: option.rate + hR }) - price({ rate: option.rate - hR })) / (2 * hR), g.rho, (100 * EPS * scale) / hR);
    }
  });

  it('vectorised bsmColumns equals scalar bsm element for element (bit for bit)', () => {
    const options = [
      ...randomOptions(15, 2000),
      { spot: 100, strike: 100, expiry: 0, vol: 0.2, rate: 0.05, dividendYield: 0, isCall: true },
      { spot: 100, strike: 90, expiry: 0, vol: 0.2, rate: 0.05, dividendYield: 0, isCall: false },
      { spot: 100, strike: 90, expiry: 1, vol: 0, rate: 0.05, dividendYield: 0.01, isCall: true },
      { spot: 100, strike: 1e-6, expiry: 1, vol: 0.2, rate: 0.05, dividendYield: 0.01, isCall: true },
    ];
    const n = options.length;
    const out = allocateGreekColumns(n);
    const returned = bsmColumns(
      {
        spot: Float64Array.from(options, (o) => o.spot),
        strike: Float64Array.from(options, (o) => o.strike),
        expiry: Float64Array.from(options, (o) => o.expiry),
        vol: Float64Array.from(options, (o) => o.vol),
        rate: Float64Array.from(options, (o) => o.rate),
        dividendYield: Float64Array.from(options, (o) => o.dividendYield ?? 0),
        isCall: Uint8Array.from(options, (o) => (o.isCall ? 1 : 0)),
      },
      out,
    );
    expect(returned).toBe(out);
    options.forEach((option, i) => {
      const g = bsm(option);
      for (const key of ['price', 'delta', 'gamma', 'vega', 'theta', 'rho'] as const) {
        expect(Object.is(out[key][i], g[key]), `${key} row ${i}`).toBe(true);
      }
    });
  });
});
