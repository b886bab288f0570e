/**
 * Evaluation of a volatility surface between and beyond its expiries.
 *
 * At fixed log-moneyness k = ln(K/F(T)), total variance is linear in T between two quoted
 * expiries: w(k,T) = w_i(k) + (T − T_i)/(T_{i+1} − T_i)·(w_{i+1}(k) − w_i(k)). When the slices are
 * ordered (w_{i+1}(k) ≥ w_i(k), the calendar condition of Gatheral & Jacquier 2014, "Arbitrage-free
 * SVI volatility surfaces", §2) the interpolant is non-decreasing in T, so it adds no
 * calendar arbitrage. Before the first expiry and after the last the implied volatility at fixed k
 * is held flat: w(k,T) = w_1(k)·T/T_1 for T < T_1 and w(k,T) = w_N(k)·T/T_N for T > T_N, both
 * increasing in T. A strike is turned into k with the forward curve's F(T).
 *
 * `volInto` is the loop behind `vol`, over columns of positions: one code path, so the two agree
 * to the last bit.
 */
import { VolSurfaceError } from './errors.js';
import type { Forwards } from './forward-curve.js';
import { smileTotalVariance } from './smile-total-variance.js';
import type { SmileSlice } from './vol-surface-types.js';

export interface SurfaceEvaluator {
  /** Forward price at T years. */
  forward(expiryYears: number): number;
  /** Total implied variance σ²T at log-moneyness k = ln(K/F(T)). */
  totalVariance(k: number, expiryYears: number): number;
  /** Implied volatility at log-moneyness k = ln(K/F(T)). */
  volAtLogMoneyness(k: number, expiryYears: number): number;
  /** Implied volatility at a strike. */
  vol(strike: number, expiryYears: number): number;
  /** Implied volatility of each (strike[i], years[i]) into out[i]; returns `out`. */
  volInto(strike: Float64Array, years: Float64Array, out: Float64Array): Float64Array;
}

/** `slices` must be sorted by strictly increasing expiry, and not empty. */
export function surfaceEvaluator(underlying: string, forwards: Forwards, slices: readonly SmileSlice[]): SurfaceEvaluator {
  const n = slices.length;
  const expiry = Float64Array.from(slices, (s) => s.expiryYears);
  const first = expiry[0]!;
  const last = expiry[n - 1]!;

  const w = (k: number, T: number): number => {
    if (T <= first) return (smileTotalVariance(slices[0]!.smile, k) * T) / first;
    if (T >= last) return (smileTotalVariance(slices[n - 1]!.smile, k) * T) / last;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (expiry[mid]! <= T) lo = mid;
      else hi = mid;
    }
    const t = (T - expiry[lo]!) / (expiry[hi]! - expiry[lo]!);
    const wLo = smileTotalVariance(slices[lo]!.smile, k);
    return wLo + t * (smileTotalVariance(slices[hi]!.smile, k) - wLo);
  };

  const checkExpiry = (T: number, field: string): void => {
    if (!(T > 0 && Number.isFinite(T))) throw new VolSurfaceError(`${underlying} surface: ${field} must be a finite number > 0, got ${T}`);
  };
  const volAt = (K: number, T: number, strikeField: string, expiryField: string): number => {
    checkExpiry(T, expiryField);
    if (!(K > 0 && Number.isFinite(K))) throw new VolSurfaceError(`${underlying} surface: ${strikeField} must be a finite number > 0, got ${K}`);
    return Math.sqrt(w(Math.log(K / forwards.at(T)), T) / T);
  };

  return {
    forward: (T) => {
      checkExpiry(T, 'expiryYears');
      return forwards.at(T);
    },
    totalVariance: (k, T) => {
      checkExpiry(T, 'expiryYears');
      if (!Number.isFinite(k)) throw new VolSurfaceError(`${underlying} surface: k must be finite, got ${k}`);
      return w(k, T);
    },
    volAtLogMoneyness: (k, T) => {
      checkExpiry(T, 'expiryYears');
      if (!Number.isFinite(k)) throw new VolSurfaceError(`${underlying} surface: k must be finite, got ${k}`);
      return Math.sqrt(w(k, T) / T);
    },
    vol: (K, T) => volAt(K, T, 'strike', 'expiryYears'),
    volInto: (strike, years, out) => {
      if (years.length !== strike.length || out.length !== strike.length) {
        throw new VolSurfaceError(`${underlying} surface: volInto needs strike, years and out of one length, got ${strike.length}, ${years.length}, ${out.length}`);
      }
      for (let i = 0; i < strike.length; i++) out[i] = volAt(strike[i]!, years[i]!, `strike[${i}]`, `years[${i}]`);
      return out;
    },
  };
}
