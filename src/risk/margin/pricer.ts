/**
 * The option pricer the margin solvers call, as an injectable pair of functions: the scalar and
 * the vectorised Black–Scholes–Merton price with a continuous carry (dividend / lending) yield
 * `carry` = q (Merton 1973, "Theory of rational option pricing", Bell J. Econ. 4(1)):
 *
 *   C = S e^{−qT} N(d1) − K e^{−rT} N(d2),  P = K e^{−rT} N(−d2) − S e^{−qT} N(−d1),
 *   d1 = (ln(S/K) + (r − q + σ²/2) T) / (σ √T),  d2 = d1 − σ √T.
 *
 * The engine in `src/risk/pricing/` provides both (`bsmPrice`, `bsmPriceInto`); `bsmPricer` there
 * wraps them into this shape. The margin solvers never price an option with T ≤ 0: they value it at
 * intrinsic themselves, so a pricer need not handle expiry.
 */
export interface BsmPriceArgs {
  spot: number;
  strike: number;
  /** Years to expiry, > 0. */
  years: number;
  /** Annualised volatility, > 0. */
  vol: number;
  rate: number;
  /** Continuous carry (dividend) yield q. */
  carry: number;
  isCall: boolean;
}

/** One price. */
export type ScalarPricer = (args: BsmPriceArgs) => number;

/** Prices element-wise into `out` (all columns of `out.length`); `isCall[i]` is 1 for a call, 0 for a put. */
export type VectorPricer = (
  spot: Float64Array,
  strike: Float64Array,
  years: Float64Array,
  vol: Float64Array,
  rate: number,
  carry: number,
  isCall: Uint8Array,
  out: Float64Array,
) => void;

export interface OptionPricer {
  price: ScalarPricer;
  priceInto: VectorPricer;
}

/** Value at expiry: max(S − K, 0) for a call, max(K − S, 0) for a put. */
export function intrinsicValue(spot: number, strike: number, isCall: boolean): number {
  return isCall ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
}
