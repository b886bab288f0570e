/**
 * Implied volatility of one European option price, shared by the scalar and the vectorised entry
 * points: classify the price against the no-arbitrage bounds, normalise it to an out-of-the-money
 * Black call (P. Jäckel, "Let's be rational", Wilmott 2015, §2), and run the safeguarded Newton
 * solver (implied-vol-solver.ts).
 *
 * Every model this folder prices reduces to two discounted values: A = S e^{−qT} = F e^{−rT} (the
 * forward, discounted) and B = K e^{−rT} (the strike, discounted). Then, with θ = ±1:
 *   intrinsic = max(θ(A − B), 0) ≤ price < (call: A, put: B) = upper bound,
 *   time value = price − intrinsic,  β = time value/√(AB),  x = −|ln(A/B)|,
 * and b(x, σ√T) = β for both calls and puts (put–call parity and symmetry).
 *
 * Outcomes, by status:
 *   'ok'                 vol found (work.vol, work.iterations);
 *   'zero-expiry'        T = 0: the price is the payoff, no vol is implied;
 *   'above-upper-bound'  price ≥ A (call) or ≥ B (put): no vol, even infinite, reaches it;
 *   'below-intrinsic'    price < intrinsic by more than `intrinsicTolerance`·max(A, B);
 *   'at-intrinsic'       time value within that tolerance of 0 (or exactly 0 out of the money):
 *                        every small enough vol fits, none is implied;
 *   'vol-below-range' / 'vol-above-range'  the price is reached only by a vol outside
 *                        [volMin, volMax];
 *   'no-convergence'     the iteration budget ran out (not seen in the tests; kept as a guard).
 */
import { PricingError } from './errors.js';
import { normalisedBlack, type NormalisedBlack } from './normalised-black.js';
import { solveNormalisedVol } from './implied-vol-solver.js';

export const IMPLIED_VOL_DEFAULTS = {
  /** Smallest vol the solver will return (per year, decimal). */
  volMin: 1e-6,
  /** Largest vol the solver will return (per year, decimal). */
  volMax: 10,
  /** Relative step in σ√T below which the Newton iteration has converged. */
  tolerance: 1e-12,
  /** Newton + bisection steps before giving up with 'no-convergence'. */
  maxIterations: 100,
  /** A time value within this × max(A, B) of zero is rounding noise of the intrinsic value. */
  intrinsicTolerance: 1e-15,
};

export type ImpliedVolOptions = Partial<typeof IMPLIED_VOL_DEFAULTS>;

/** DEFAULTS overlaid with `options`, checked: 0 < volMin < volMax, tolerance > 0, 1 ≤ maxIterations ≤ 10⁴. */
export function resolveImpliedVolSettings(options: ImpliedVolOptions): typeof IMPLIED_VOL_DEFAULTS {
  const settings = { ...IMPLIED_VOL_DEFAULTS, ...options };
  const { volMin, volMax, tolerance, maxIterations, intrinsicTolerance } = settings;
  const fail = (field: string, rule: string, value: number) => {
    throw new PricingError(`implied-vol options: field "${field}" must be ${rule}, got ${value}`);
  };
  if (!(volMin > 0 && volMin < Infinity)) fail('volMin', 'a finite number > 0', volMin);
  if (!(volMax > volMin && volMax < Infinity)) fail('volMax', `a finite number > volMin (${volMin})`, volMax);
  if (!(tolerance > 0 && tolerance < 1)) fail('tolerance', 'in (0, 1)', tolerance);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1 && maxIterations <= 10_000)) fail('maxIterations', 'an integer in [1, 10000]', maxIterations);
  if (!(intrinsicTolerance >= 0 && intrinsicTolerance < 1)) fail('intrinsicTolerance', 'in [0, 1)', intrinsicTolerance);
  return settings;
}

/** Status codes, by index: the vectorised solver writes the index into its `status` column. */
export const IMPLIED_VOL_STATUS = [
  'ok',
  'zero-expiry',
  'above-upper-bound',
  'below-intrinsic',
  'at-intrinsic',
  'vol-below-range',
  'vol-above-range',
  'no-convergence',
] as const;

export type ImpliedVolStatus = (typeof IMPLIED_VOL_STATUS)[number];

/** Results and the figures a failure message needs, written by `impliedVolCore`. */
export interface ImpliedVolWork {
  vol: number;
  iterations: number;
  intrinsic: number;
  upperBound: number;
}

const code = (status: ImpliedVolStatus): number => IMPLIED_VOL_STATUS.indexOf(status);
const OK = code('ok');
const ZERO_EXPIRY = code('zero-expiry');
const ABOVE_UPPER_BOUND = code('above-upper-bound');
const BELOW_INTRINSIC = code('below-intrinsic');
const AT_INTRINSIC = code('at-intrinsic');
const VOL_BELOW_RANGE = code('vol-below-range');
const VOL_ABOVE_RANGE = code('vol-above-range');
const NO_CONVERGENCE = code('no-convergence');

const point: NormalisedBlack = { b: 0, c: 0, vega: 0 };

/**
 * Implied vol of `price` for an option with discounted forward A and discounted strike B; returns
 * the index of its status in IMPLIED_VOL_STATUS and fills `work` (inputs assumed checked).
 */
export function impliedVolCore(
  price: number,
  A: number,
  B: number,
  T: number,
  isCall: boolean,
  settings: typeof IMPLIED_VOL_DEFAULTS,
  work: ImpliedVolWork,
): number {
  const intrinsic = Math.max(isCall ? A - B : B - A, 0);
  work.vol = NaN;
  work.iterations = 0;
  work.intrinsic = intrinsic;
  work.upperBound = isCall ? A : B;
  if (T === 0) return ZERO_EXPIRY;
  if (price >= work.upperBound) return ABOVE_UPPER_BOUND;
  const timeValue = price - intrinsic;
  const noise = intrinsic > 0 ? settings.intrinsicTolerance * Math.max(A, B) : 0;
  if (timeValue < -noise) return BELOW_INTRINSIC;
  if (timeValue <= noise) return AT_INTRINSIC;
  const x = -Math.abs(Math.log(A / B));
  const beta = timeValue / (Math.sqrt(A) * Math.sqrt(B));
  if (beta >= Math.exp(0.5 * x)) return ABOVE_UPPER_BOUND;
  const sqrtT = Math.sqrt(T);
  const sLo = settings.volMin * sqrtT;
  const sHi = settings.volMax * sqrtT;
  normalisedBlack(x, sLo, point);
  if (point.b > beta) return VOL_BELOW_RANGE;
  normalisedBlack(x, sHi, point);
  if (point.b < beta) return VOL_ABOVE_RANGE;
  const outcome = solveNormalisedVol(beta, x, sLo, sHi, settings);
  work.iterations = outcome.iterations;
  if (!outcome.converged) return NO_CONVERGENCE;
  work.vol = outcome.s / sqrtT;
  return OK;
}
