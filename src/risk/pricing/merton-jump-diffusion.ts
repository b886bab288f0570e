/**
 * European option under Merton's jump-diffusion: price, delta and gamma as a Poisson-weighted sum
 * of Black–Scholes–Merton values.
 *
 * Implements R. C. Merton, "Option pricing when underlying stock returns are discontinuous",
 * J. Financ. Econ. 3 (1976) 125–144, in the form of Hull, *Options, Futures, and Other
 * Derivatives* (section on jump-diffusion models) and Haug, *The Complete Guide to Option Pricing
 * Formulas* (1998, p. 9). The spot follows a diffusion of volatility σ plus jumps arriving at rate
 * λ per year, each multiplying S by e^J with J ~ N(μ_J, δ²). With k = E[e^J − 1] = e^{μ_J + δ²/2} − 1
 * and λ' = λ(1 + k):
 *   V = Σₙ e^{−λ'T}(λ'T)ⁿ/n! · BSM(S, K, T, σₙ, rₙ, q),
 *   σₙ² = σ² + nδ²/T,   rₙ = r − λk + n·ln(1 + k)/T.
 * Delta and gamma are the same sums of the BSM deltas and gammas (the weights do not depend on S).
 *
 * The sum runs from n = 0 and stops at the first n past the Poisson mean λ'T whose weight is below
 * `relativeTolerance` (the weights sum to 1) and whose term is below `relativeTolerance` × the sum
 * so far; `terms` reports how many were added. If `maxTerms` is reached first the result says
 * `converged: false` with a warning (Haug's printed table used 11 terms, e.g.).
 * λ = 0 (or T = 0) is the single n = 0 term: exactly BSM.
 */
import { bsmOne } from './black-kernel.js';
import { checkOptionRow, requireFinite, requireNonNegative } from './check-inputs.js';
import { PricingError } from './errors.js';
import type { BsmOption } from './option-types.js';

export const MERTON_DEFAULTS = {
  /** Stop when the Poisson weight and the term are both below this, relative (see the banner). */
  relativeTolerance: 1e-16,
  /** Hard cap on the number of terms; reaching it gives `converged: false`. */
  maxTerms: 10_000,
};

export type MertonOptions = Partial<typeof MERTON_DEFAULTS>;

/** A BSM option whose spot also jumps: `vol` is the diffusive σ. */
export interface MertonJumpOption extends BsmOption {
  /** λ, expected number of jumps per year, ≥ 0. */
  jumpIntensity: number;
  /** μ_J, mean of the log jump size J. */
  jumpMean: number;
  /** δ, standard deviation of the log jump size J, ≥ 0. */
  jumpVol: number;
}

export interface MertonResult {
  price: number;
  /** ∂V/∂S. */
  delta: number;
  /** ∂²V/∂S². */
  gamma: number;
  /** Number of Poisson terms summed (1 when there are no jumps). */
  terms: number;
  /** False when `maxTerms` stopped the sum before the tolerance was met. */
  converged: boolean;
  warnings: string[];
}

/**
 * Merton (1976) price, delta and gamma. Throws a `PricingError` naming the field for a bad input
 * (the BSM fields as `bsm` checks them; jumpIntensity and jumpVol ≥ 0; jumpMean finite).
 */
export function mertonJumpDiffusion(option: MertonJumpOption, options: MertonOptions = {}): MertonResult {
  const { relativeTolerance, maxTerms } = { ...MERTON_DEFAULTS, ...options };
  if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
    throw new PricingError(`merton options: field "relativeTolerance" must be in [0, 1), got ${relativeTolerance}`);
  }
  if (!(Number.isInteger(maxTerms) && maxTerms >= 1)) {
    throw new PricingError(`merton options: field "maxTerms" must be an integer ≥ 1, got ${maxTerms}`);
  }
  const { spot: S, strike: K, expiry: T, vol, rate: r, dividendYield: q = 0, isCall } = option;
  const { jumpIntensity: lambda, jumpMean: mu, jumpVol: delta } = option;
  const record = 'merton option';
  checkOptionRow(record, null, 'spot', S, K, T, vol, r, q);
  requireNonNegative(lambda, record, 'jumpIntensity');
  requireFinite(mu, record, 'jumpMean');
  requireNonNegative(delta, record, 'jumpVol');

  const k = Math.expm1(mu + 0.5 * delta * delta);
  const mean = lambda * (1 + k) * T;
  if (mean === 0) {
    // No jumps can happen before expiry: the n = 0 term alone, which is BSM with σ and r.
    const g = bsmOne(S, K, T, vol, r, q, isCall);
    return { price: g.price[0]!, delta: g.delta[0]!, gamma: g.gamma[0]!, terms: 1, converged: true, warnings: [] };
  }
  const logMean = Math.log(mean);
  const jumpVariance = (delta * delta) / T;
  const jumpDrift = (mu + 0.5 * delta * delta) / T;
  let logWeight = -mean;
  let price = 0;
  let deltaSum = 0;
  let gammaSum = 0;
  for (let n = 0; n < maxTerms; n++) {
    const weight = Math.exp(logWeight);
    if (weight > 0) {
      const g = bsmOne(S, K, T, Math.sqrt(vol * vol + n * jumpVariance), r - lambda * k + n * jumpDrift, q, isCall);
      const term = weight * g.price[0]!;
      price += term;
      deltaSum += weight * g.delta[0]!;
      gammaSum += weight * g.gamma[0]!;
      if (n >= mean && weight < relativeTolerance && term <= relativeTolerance * price) {
        return { price, delta: deltaSum, gamma: gammaSum, terms: n + 1, converged: true, warnings: [] };
      }
    } else if (n >= mean) {
      // Past the mode the weights only shrink: an underflowed weight ends the sum.
      return { price, delta: deltaSum, gamma: gammaSum, terms: n, converged: true, warnings: [] };
    }
    logWeight += logMean - Math.log(n + 1);
  }
  return {
    price,
    delta: deltaSum,
    gamma: gammaSum,
    terms: maxTerms,
    converged: false,
    warnings: [
      `contagion/risk/pricing/merton: the Poisson sum was cut at maxTerms = ${maxTerms} before its terms fell below ` +
        `${relativeTolerance} (Poisson mean λ'T = ${mean}); the price is a truncated sum`,
    ],
  };
}
