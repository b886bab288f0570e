import { describe, expect, it } from 'vitest';
import {
  bsm,
  jumpShareParameters,
  mertonJumpDiffusion,
  mertonJumpShare,
  type JumpShareOption,
  type MertonJumpOption,
} from '../../../src/risk/pricing/index.js';
import { HAUG_11_TERMS, HAUG_TABLE, OFF_BY_ONE } from './haug-merton-table.js';
import { logUniform, seededRandom, uniform } from './seeded-random.js';

const haugOption = (strike: number, expiry: number, jumpIntensity: number, jumpShare: number): JumpShareOption => ({
  spot: 100,
  strike,
  expiry,
  vol: 0.25,
  rate: 0.08,
  dividendYield: 0,
  isCall: true,
  jumpShare,
  jumpIntensity,
});

describe('mertonJumpShare: Haug (1998) p. 9', () => {
  it('reproduces the 135 cells to the 2 printed decimals (mean-zero jumps, as Haug), 4 explained exceptions', () => {
    let cells = 0;
    for (const [share, byStrike] of Object.entries(HAUG_TABLE)) {
      for (const [strike, values] of Object.entries(byStrike)) {
        values.forEach((value, i) => {
          const jumpIntensity = [1, 5, 10][Math.floor(i / 3)]!;
          const expiry = [0.1, 0.25, 0.5][i % 3]!;
          const option = haugOption(Number(strike), expiry, jumpIntensity, Number(share));
          const result = mertonJumpShare(option, { centring: 'mean-zero' });
          const label = `γ=${share} K=${strike} λ=${jumpIntensity} T=${expiry}: ${result.price}`;
          expect(result.converged).toBe(true);
          const off = OFF_BY_ONE.find((c) => c.share === share && c.strike === Number(strike) && c.jumpIntensity === jumpIntensity && c.expiry === expiry);
          if (off) {
            expect(Math.abs(result.price - value), label).toBeLessThanOrEqual(1e-2);
            expect(Math.abs(result.price - off.exact), label).toBeLessThanOrEqual(1e-9);
            if (off.haug11) {
              const cut = mertonJumpShare(option, { centring: 'mean-zero', maxTerms: 11 });
              expect(Math.abs(cut.price - value), label).toBeLessThanOrEqual(0.005 + 1e-9);
            }
          } else {
            expect(Math.abs(result.price - value), label).toBeLessThanOrEqual(0.005 + 1e-9);
          }
          cells++;
        });
      }
    }
    expect(cells).toBe(135);
  });

  it("reproduces Haug's own 11-term figures for λ = 10, T = 0.5 when cut at 11 terms, and says so", () => {
    for (const [share, byStrike] of Object.entries(HAUG_11_TERMS)) {
      for (const [strike, value] of Object.entries(byStrike)) {
        const result = mertonJumpShare(haugOption(Number(strike), 0.5, 10, Number(share)), { centring: 'mean-zero', maxTerms: 11 });
        expect(Math.abs(result.price - value), `γ=${share} K=${strike}: ${result.price}`).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(result.terms).toBe(11);
        expect(result.converged).toBe(false);
        expect(result.warnings[0]).toMatch(/^contagion\/risk\/pricing\/merton: the Poisson sum was cut at maxTerms = 11/);
      }
    }
  });
});

describe('mertonJumpDiffusion', () => {
  const base: MertonJumpOption = { spot: 100, strike: 95, expiry: 0.75, vol: 0.3, rate: 0.04, dividendYield: 0.01, isCall: true, jumpIntensity: 3, jumpMean: -0.1, jumpVol: 0.2 };

  it('with λ = 0 is BSM exactly (one term), whatever the jump law', () => {
    for (const isCall of [true, false]) {
      const result = mertonJumpDiffusion({ ...base, isCall, jumpIntensity: 0 });
      const plain = bsm({ ...base, isCall });
      expect([result.price, result.delta, result.gamma, result.terms, result.converged]).toEqual([plain.price, plain.delta, plain.gamma, 1, true]);
    }
  });

  it('G = 0 is BSM with vol V exactly, with either centring', () => {
    for (const centring of ['log-mean-zero', 'mean-zero'] as const) {
      const result = mertonJumpShare({ ...base, jumpShare: 0, jumpIntensity: 4 }, { centring });
      const plain = bsm(base);
      expect([result.price, result.delta, result.gamma]).toEqual([plain.price, plain.delta, plain.gamma]);
    }
  });

  it('maps (V, G, L) to Merton parameters as documented', () => {
    const logMeanZero = jumpShareParameters(0.8, 0.4, 2);
    expect(logMeanZero.diffusionVol ** 2 + logMeanZero.jumpIntensity * logMeanZero.jumpVol ** 2).toBeCloseTo(0.64, 15);
    expect(logMeanZero.diffusionVol ** 2).toBeCloseTo(0.6 * 0.64, 15);
    expect(logMeanZero.jumpMean).toBe(0);
    expect(logMeanZero.jumpIntensity).toBe(2);
    const meanZero = jumpShareParameters(0.8, 0.4, 2, 'mean-zero');
    expect(meanZero.jumpMean).toBeCloseTo(-0.5 * meanZero.jumpVol ** 2, 15);
    expect(jumpShareParameters(0.8, 1, 2).diffusionVol).toBe(0);
  });

  it('satisfies put–call parity and its delta and gamma match finite differences', () => {
    const random = seededRandom(1976);
    for (let i = 0; i < 200; i++) {
      const option: MertonJumpOption = {
        spot: 100,
        strike: logUniform(random, 50, 200),
        expiry: logUniform(random, 0.01, 3),
        vol: uniform(random, 0, 1),
        rate: uniform(random, -0.01, 0.1),
        dividendYield: uniform(random, -0.01, 0.1),
        isCall: random() < 0.5,
        jumpIntensity: logUniform(random, 0.1, 50),
        jumpMean: uniform(random, -0.3, 0.3),
        jumpVol: uniform(random, 0, 0.5),
      };
      const call = mertonJumpDiffusion({ ...option, isCall: true }).price;
      const put = mertonJumpDiffusion({ ...option, isCall: false }).price;
      const sq = option.spot * Math.exp(-option.dividendYield! * option.expiry);
      const kd = option.strike * Math.exp(-option.rate * option.expiry);
      expect(Math.abs(call - put - (sq - kd))).toBeLessThanOrEqual(1e-12 * (sq + kd));

      const result = mertonJumpDiffusion(option);
      const h = 1e-3;
      const up = mertonJumpDiffusion({ ...option, spot: option.spot + h }).price;
      const down = mertonJumpDiffusion({ ...option, spot: option.spot - h }).price;
      expect(Math.abs((up - down) / (2 * h) - result.delta)).toBeLessThanOrEqual(1e-6 * Math.abs(result.delta) + 1e-9);
      expect(Math.abs((up - 2 * result.price + down) / (h * h) - result.gamma)).toBeLessThanOrEqual(1e-4 * Math.abs(result.gamma) + 1e-6);
    }
  });

  it('reports its terms, which grow with λT, and stops where the tail is below 1e-16', () => {
    const few = mertonJumpDiffusion({ ...base, jumpIntensity: 0.5, expiry: 0.1 });
    const many = mertonJumpDiffusion({ ...base, jumpIntensity: 200, expiry: 5 });
    expect(few.terms).toBeLessThan(15);
    expect(many.terms).toBeGreaterThan(1000);
    expect(many.converged).toBe(true);
    for (const option of [base, { ...base, jumpIntensity: 40 }, { ...base, isCall: false, strike: 150 }]) {
      const stopped = mertonJumpDiffusion(option);
      const longer = mertonJumpDiffusion(option, { relativeTolerance: 0, maxTerms: stopped.terms + 200 });
      expect(Math.abs(longer.price - stopped.price)).toBeLessThanOrEqual(2e-16 * stopped.price + Number.MIN_VALUE);
    }
  });

  it('differs from mean-zero jumps by the drift and variance the banner describes', () => {
    const option = { ...base, jumpShare: 0.5, jumpIntensity: 2 };
    const logCentred = mertonJumpShare(option).price;
    const meanCentred = mertonJumpShare(option, { centring: 'mean-zero' }).price;
    expect(logCentred).not.toBe(meanCentred);
    expect(Math.abs(logCentred - meanCentred) / logCentred).toBeLessThan(0.05);
  });

  it('rejects bad jump fields, naming them', () => {
    expect(() => mertonJumpDiffusion({ ...base, jumpVol: -0.1 })).toThrow('contagion/risk/pricing: merton option: field "jumpVol" must be a finite number ≥ 0, got -0.1');
    expect(() => mertonJumpDiffusion({ ...base, jumpIntensity: NaN })).toThrow('field "jumpIntensity"');
    expect(() => mertonJumpShare({ ...base, jumpShare: 1.5, jumpIntensity: 1 })).toThrow('field "jumpShare" must be a number in [0, 1], got 1.5');
    expect(() => mertonJumpShare({ ...base, jumpShare: 0.5, jumpIntensity: 0 })).toThrow('field "jumpIntensity" must be > 0 when jumpShare is 0.5');
    expect(() => mertonJumpDiffusion(base, { maxTerms: 0 })).toThrow('contagion/risk/pricing: merton options: field "maxTerms" must be an integer ≥ 1, got 0');
  });
});
