import { describe, expect, it } from 'vitest';
import { bsm, impliedVolBsm } from '../../../src/risk/pricing/index.js';

/** A call quote with ln(K/F) = z·σ√T, S = 100, r = 3%, q = 1%. */
function quoteAt(z: number, expiry: number, vol: number) {
  const strike = 100 * Math.exp(0.02 * expiry + z * vol * Math.sqrt(expiry));
  const option = { spot: 100, strike, expiry, rate: 0.03, dividendYield: 0.01, isCall: true };
  return { ...option, price: bsm({ ...option, vol }).price };
}

describe('impliedVolBsm: clean failures', () => {
  const option = { spot: 100, strike: 90, expiry: 0.5, rate: 0.05, dividendYield: 0.01 };
  const sq = 100 * Math.exp(-0.01 * 0.5);
  const kd = 90 * Math.exp(-0.05 * 0.5);

  it('a price below intrinsic value', () => {
    const result = impliedVolBsm({ ...option, isCall: true, price: (sq - kd) * (1 - 1e-6) });
    expect(result).toMatchObject({ ok: false, reason: 'below-intrinsic' });
    if (!result.ok) expect(result.detail).toMatch(/^contagion\/risk\/pricing: bsm quote: price .* is below the call's intrinsic value/);
    expect(impliedVolBsm({ ...option, isCall: false, price: -0.01 })).toMatchObject({ ok: false, reason: 'below-intrinsic' });
  });

  it('a price at or above the upper bound (S e^{−qT} for a call, K e^{−rT} for a put)', () => {
    expect(impliedVolBsm({ ...option, isCall: true, price: sq })).toMatchObject({ ok: false, reason: 'above-upper-bound' });
    expect(impliedVolBsm({ ...option, isCall: true, price: 1.5 * sq })).toMatchObject({ ok: false, reason: 'above-upper-bound' });
    expect(impliedVolBsm({ ...option, isCall: false, price: kd + 1 })).toMatchObject({ ok: false, reason: 'above-upper-bound' });
  });

  it('no time value, zero expiry, and vols outside the bracket', () => {
    expect(impliedVolBsm({ ...option, isCall: true, price: sq - kd })).toMatchObject({ ok: false, reason: 'at-intrinsic' });
    expect(impliedVolBsm({ ...option, isCall: false, price: 0 })).toMatchObject({ ok: false, reason: 'at-intrinsic' });
    expect(impliedVolBsm({ ...option, expiry: 0, isCall: true, price: 10 })).toMatchObject({ ok: false, reason: 'zero-expiry' });
    const huge = bsm({ ...option, vol: 15, isCall: true }).price;
    expect(impliedVolBsm({ ...option, isCall: true, price: huge })).toMatchObject({ ok: false, reason: 'vol-above-range' });
    expect(impliedVolBsm({ ...option, isCall: true, price: huge }, { volMax: 20 })).toMatchObject({ ok: true });
    const atForward = { ...option, strike: 100 * Math.exp((0.05 - 0.01) * 0.5) };
    const tiny = bsm({ ...atForward, vol: 0.001, isCall: true }).price;
    expect(impliedVolBsm({ ...atForward, isCall: true, price: tiny }, { volMin: 0.01 })).toMatchObject({ ok: false, reason: 'vol-below-range' });
    expect(impliedVolBsm({ ...atForward, isCall: true, price: tiny })).toMatchObject({ ok: true });
  });

  it('an iteration budget too small is a tagged no-convergence, not a wrong vol', () => {
    const quote = quoteAt(2.5, 0.25, 0.4);
    const result = impliedVolBsm(quote, { maxIterations: 1 });
    expect(result).toMatchObject({ ok: false, reason: 'no-convergence' });
    if (!result.ok) expect(result.detail).toContain('no convergence after 1 iterations');
  });

  it('bad settings throw, naming the setting', () => {
    const quote = quoteAt(0, 1, 0.4);
    expect(() => impliedVolBsm(quote, { volMin: 0 })).toThrow('contagion/risk/pricing: implied-vol options: field "volMin" must be a finite number > 0, got 0');
    expect(() => impliedVolBsm(quote, { volMax: 1e-7 })).toThrow('field "volMax" must be a finite number > volMin');
    expect(() => impliedVolBsm(quote, { maxIterations: 2.5 })).toThrow('field "maxIterations"');
  });

  it('bad fields throw, naming the field', () => {
    expect(() => impliedVolBsm({ ...option, isCall: true, price: NaN })).toThrow('contagion/risk/pricing: bsm quote: field "price" must be a finite number, got NaN');
    expect(() => impliedVolBsm({ ...option, expiry: -1, isCall: true, price: 1 })).toThrow('field "expiry"');
  });
});
