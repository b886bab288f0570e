/**
 * Implied volatility of one European option price, under BSM (spot, yield q) or Black-76
 * (forward), as a tagged result: `{ ok: true, vol, iterations }` or `{ ok: false, reason, detail }`
 * when no vol fits the price. Method: normalise to an out-of-the-money Black call and solve with
 * a safeguarded Newton iteration (P. Jäckel, "Let's be rational", Wilmott 2015, for the
 * normalisation; implied-vol-core.ts and implied-vol-solver.ts for the details and the failure
 * reasons). Settings: IMPLIED_VOL_DEFAULTS (vol bracket [1e-6, 10], tolerance, iteration cap).
 *
 *   impliedVolBsm({ price: 4.7594, spot: 42, strike: 40, expiry: 0.5, rate: 0.1, isCall: true })
 *   // → { ok: true, vol: 0.19999…, iterations: 4 }
 *
 * Bad option fields (non-positive spot, negative expiry, a NaN price, …) throw a `PricingError`
 * naming the field, as the pricers do; a price that no vol explains is an answer, not an error.
 */
import { checkOptionRow, requireFinite } from './check-inputs.js';
import {
  IMPLIED_VOL_DEFAULTS,
  IMPLIED_VOL_STATUS,
  impliedVolCore,
  resolveImpliedVolSettings,
  type ImpliedVolOptions,
  type ImpliedVolStatus,
  type ImpliedVolWork,
} from './implied-vol-core.js';
import type { Black76Option, BsmOption } from './option-types.js';

export type ImpliedVolFailureReason = Exclude<ImpliedVolStatus, 'ok'>;

export type ImpliedVolResult =
  | { ok: true; vol: number; iterations: number }
  | { ok: false; reason: ImpliedVolFailureReason; detail: string };

/** A BSM option with its observed price in place of a vol. */
export interface BsmQuote extends Omit<BsmOption, 'vol'> {
  price: number;
}

/** A Black-76 option with its observed price in place of a vol. */
export interface Black76Quote extends Omit<Black76Option, 'vol'> {
  price: number;
}

const work: ImpliedVolWork = { vol: NaN, iterations: 0, intrinsic: 0, upperBound: 0 };

function describe(reason: ImpliedVolFailureReason, price: number, isCall: boolean, settings: typeof IMPLIED_VOL_DEFAULTS): string {
  const kind = isCall ? 'call' : 'put';
  switch (reason) {
    case 'zero-expiry':
      return `the ${kind} has expiry 0: its price is its payoff and implies no vol`;
    case 'above-upper-bound':
      return `price ${price} is at or above the ${kind}'s upper bound ${work.upperBound} (${isCall ? 'the discounted forward' : 'the discounted strike'}): no vol reaches it`;
    case 'below-intrinsic':
      return `price ${price} is below the ${kind}'s intrinsic value ${work.intrinsic} (discounted forward against discounted strike): no vol reaches it`;
    case 'at-intrinsic':
      return `price ${price} equals the ${kind}'s intrinsic value ${work.intrinsic} to rounding: it has no time value, so no vol is implied`;
    case 'vol-below-range':
      return `price ${price} needs a vol below volMin = ${settings.volMin}`;
    case 'vol-above-range':
      return `price ${price} needs a vol above volMax = ${settings.volMax}`;
    case 'no-convergence':
      return `no convergence after ${settings.maxIterations} iterations for price ${price}`;
  }
}

function solve(record: string, price: number, A: number, B: number, T: number, isCall: boolean, options: ImpliedVolOptions): ImpliedVolResult {
  requireFinite(price, record, 'price');
  const settings = resolveImpliedVolSettings(options);
  const status = IMPLIED_VOL_STATUS[impliedVolCore(price, A, B, T, isCall, settings, work)]!;
  if (status === 'ok') return { ok: true, vol: work.vol, iterations: work.iterations };
  return { ok: false, reason: status, detail: `contagion/risk/pricing: ${record}: ${describe(status, price, isCall, settings)}` };
}

/** BSM implied vol of a quoted price (spot, strike, expiry, rate, dividendYield, isCall, price). */
export function impliedVolBsm(quote: BsmQuote, options: ImpliedVolOptions = {}): ImpliedVolResult {
  const { price, spot, strike, expiry, rate, dividendYield = 0, isCall } = quote;
  checkOptionRow('bsm quote', null, 'spot', spot, strike, expiry, 0, rate, dividendYield);
  return solve('bsm quote', price, spot * Math.exp(-dividendYield * expiry), strike * Math.exp(-rate * expiry), expiry, isCall, options);
}

/** Black-76 implied vol of a quoted price (forward, strike, expiry, rate, isCall, price). */
export function impliedVolBlack76(quote: Black76Quote, options: ImpliedVolOptions = {}): ImpliedVolResult {
  const { price, forward, strike, expiry, rate, isCall } = quote;
  checkOptionRow('black76 quote', null, 'forward', forward, strike, expiry, 0, rate, 0);
  const discount = Math.exp(-rate * expiry);
  return solve('black76 quote', price, forward * discount, strike * discount, expiry, isCall, options);
}
