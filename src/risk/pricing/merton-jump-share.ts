/**
 * Merton (1976) jump-diffusion in the parametrisation the CLI speaks: a total volatility V, the
 * share G of its variance that comes from jumps, and the jump intensity L (jumps per year).
 * The same parametrisation as Haug, *The Complete Guide to Option Pricing Formulas* (1998, p. 9:
 * his σ = V, γ = G, λ = L, z = diffusive vol, δ = jump vol).
 *
 * Mapping (exact):
 *   diffusive variance   σ² = (1 − G)·V²
 *   jump variance rate   λδ² = G·V²,  so  λ = L and δ² = G·V²/L
 *   jump centring, by `centring`:
 *     'log-mean-zero' (default): the log jump size J ~ N(0, δ²) has mean 0, so
 *         k = E[e^J − 1] = e^{δ²/2} − 1 > 0, compensated by the drift −λk. Then the variance
 *         rate of ln S is exactly σ² + λδ² = V²: V is the total log-return volatility.
 *     'mean-zero': the jump *size* e^J − 1 has mean 0 (k = 0, μ_J = −δ²/2), which is Haug's and
 *         QuantLib's convention for Haug's table. No drift compensation, but the variance rate
 *         of ln S is σ² + λ(δ² + δ⁴/4), a little above V².
 * G = 0 (or L = 0 with G = 0) has no jumps and is BSM with vol V exactly; G = 1 is a pure jump
 * process (σ = 0). G > 0 needs L > 0.
 */
import { PricingError } from './errors.js';
import { requireNonNegative } from './check-inputs.js';
import { mertonJumpDiffusion, type MertonOptions, type MertonResult } from './merton-jump-diffusion.js';
import type { BsmOption } from './option-types.js';

export type JumpCentring = 'log-mean-zero' | 'mean-zero';

export const JUMP_SHARE_DEFAULTS = {
  centring: 'log-mean-zero' as JumpCentring,
};

export type JumpShareOptions = MertonOptions & Partial<typeof JUMP_SHARE_DEFAULTS>;

/** A BSM option where `vol` is the total vol V, of which `jumpShare` G of the variance is jumps. */
export interface JumpShareOption extends BsmOption {
  /** G ∈ [0, 1]: share of the variance V² carried by jumps. */
  jumpShare: number;
  /** L ≥ 0: expected jumps per year; must be > 0 when G > 0. */
  jumpIntensity: number;
}

/** Merton's own parameters for a (V, G, L) triple; see the banner for the mapping. */
export interface MertonParameters {
  diffusionVol: number;
  jumpIntensity: number;
  jumpMean: number;
  jumpVol: number;
}

/** Maps total vol V, jump variance share G and intensity L to Merton's (σ, λ, μ_J, δ). */
export function jumpShareParameters(
  totalVol: number,
  jumpShare: number,
  jumpIntensity: number,
  centring: JumpCentring = JUMP_SHARE_DEFAULTS.centring,
  record = 'jump-share option',
): MertonParameters {
  requireNonNegative(totalVol, record, 'vol');
  requireNonNegative(jumpIntensity, record, 'jumpIntensity');
  if (!(jumpShare >= 0 && jumpShare <= 1)) {
    throw new PricingError(`${record}: field "jumpShare" must be a number in [0, 1], got ${jumpShare}`);
  }
  if (jumpShare === 0) return { diffusionVol: totalVol, jumpIntensity: 0, jumpMean: 0, jumpVol: 0 };
  if (jumpIntensity === 0) {
    throw new PricingError(`${record}: field "jumpIntensity" must be > 0 when jumpShare is ${jumpShare} > 0 (jump variance needs jumps)`);
  }
  const jumpVol = totalVol * Math.sqrt(jumpShare / jumpIntensity);
  return {
    diffusionVol: totalVol * Math.sqrt(1 - jumpShare),
    jumpIntensity,
    jumpMean: centring === 'mean-zero' ? -0.5 * jumpVol * jumpVol : 0,
    jumpVol,
  };
}

/** Merton (1976) price, delta and gamma of an option given as (V, G, L); see the banner. */
export function mertonJumpShare(option: JumpShareOption, options: JumpShareOptions = {}): MertonResult {
  const { centring = JUMP_SHARE_DEFAULTS.centring, ...mertonOptions } = options;
  const { jumpShare, jumpIntensity, vol, ...rest } = option;
  const p = jumpShareParameters(vol, jumpShare, jumpIntensity, centring);
  return mertonJumpDiffusion({ ...rest, vol: p.diffusionVol, jumpIntensity: p.jumpIntensity, jumpMean: p.jumpMean, jumpVol: p.jumpVol }, mertonOptions);
}
