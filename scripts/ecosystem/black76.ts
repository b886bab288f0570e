/**
 * Black-76 prices for the options venue's marks and margin scenarios, as Derive prices them
 * (derivexyz/lyra-utils `src/math/Black76.sol`): forward F, strike K, vol σ, years to expiry t on
 * an ACT/365 clock (`SECONDS_PER_YEAR = 365 days`) and a discount factor of 1 (PMRMLib passes
 * `discount: 1e18`), so
 *
 *   call = F·N(d1) − K·N(d2),  put = call − F + K,  d1 = (ln(F/K) + σ²t/2) / (σ√t),  d2 = d1 − σ√t.
 *
 * Kept inside scripts/ecosystem/ on purpose: the generator must not import src/ (the project's
 * pricing code changes independently), and dataset bytes must not move when it does.
 */

export const SECONDS_PER_YEAR = 365 * 24 * 3600;

/**
 * Standard normal CDF, Hart (1968) double-precision rational approximation as given by West,
 * "Better approximations to cumulative normal functions" (Wilmott, 2005): |error| < 1e-14.
 */
export function normCdf(x: number): number {
  const a = Math.abs(x);
  let c: number;
  if (a > 37) {
    c = 0;
  } else {
    const e = Math.exp(-(a * a) / 2);
    if (a < 7.07106781186547) {
      let n = 3.52624965998911e-2 * a + 0.700383064443688;
      n = n * a + 6.37396220353165;
      n = n * a + 33.912866078383;
      n = n * a + 112.079291497871;
      n = n * a + 221.213596169931;
      n = n * a + 220.206867912376;
      let d = 8.83883476483184e-2 * a + 1.75566716318264;
      d = d * a + 16.064177579207;
      d = d * a + 86.7807322029461;
      d = d * a + 296.564248779674;
      d = d * a + 637.333633378831;
      d = d * a + 793.826512519948;
      d = d * a + 440.413735824752;
      c = (e * n) / d;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

export interface Black76Input {
  forward: number;
  strike: number;
  vol: number;
  years: number;
}

/** Call and put prices per unit of the underlying; intrinsic value at or after expiry or at zero vol. */
export function black76(i: Black76Input): { call: number; put: number } {
  const totalVol = i.vol * Math.sqrt(Math.max(i.years, 0));
  if (!(totalVol > 0)) {
    return { call: Math.max(i.forward - i.strike, 0), put: Math.max(i.strike - i.forward, 0) };
  }
  const d1 = (Math.log(i.forward / i.strike) + (totalVol * totalVol) / 2) / totalVol;
  const d2 = d1 - totalVol;
  // Black76.sol computes the call and derives the put by parity, flooring both at 0.
  const call = Math.max(i.forward * normCdf(d1) - i.strike * normCdf(d2), 0);
  const put = Math.max(call - i.forward + i.strike, 0);
  return { call, put };
}

export function optionPrice(type: 'call' | 'put', i: Black76Input): number {
  const p = black76(i);
  return type === 'call' ? p.call : p.put;
}

/** ∂price/∂forward: N(d1) for a call, N(d1) − 1 for a put (used only to size delta hedges). */
export function optionDelta(type: 'call' | 'put', i: Black76Input): number {
  const totalVol = i.vol * Math.sqrt(Math.max(i.years, 0));
  if (!(totalVol > 0)) {
    const itm = type === 'call' ? i.forward > i.strike : i.forward < i.strike;
    return itm ? (type === 'call' ? 1 : -1) : 0;
  }
  const d1 = (Math.log(i.forward / i.strike) + (totalVol * totalVol) / 2) / totalVol;
  return type === 'call' ? normCdf(d1) : normCdf(d1) - 1;
}
