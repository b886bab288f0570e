/**
 * A volatility surface from smiles the caller already has: SVI parameters per expiry (from a
 * vendor, a previous fit, or a paper such as Gatheral & Jacquier 2014, "Arbitrage-free SVI
 * volatility surfaces"), or total-variance points to interpolate linearly. Joined and checked
 * exactly like a surface built from quotes (`assemble-surface.ts`), so a parameter set can be
 * tested for calendar and butterfly arbitrage before it is used.
 */
import { assembleSurface, type VolSurface } from './assemble-surface.js';
import { VolSurfaceError } from './errors.js';
import { prepareForwards } from './forward-curve.js';
import { validateSviParams } from './svi.js';
import type { ArbitrageCheckOptions, ForwardCurve, LinearSmile, SmileSlice, SviSmile } from './vol-surface-types.js';

export interface VolSurfaceFromSmilesInput {
  underlying: string;
  forwards: ForwardCurve;
  /** Distinct expiries, any order. */
  slices: readonly { expiryYears: number; smile: LinearSmile | SviSmile }[];
}

export interface VolSurfaceFromSmilesOptions {
  /** A `per-expiry` forward point must lie this close (years) to each slice's expiry. */
  expiryTolerance: number;
  check: Partial<ArbitrageCheckOptions>;
}

export const DEFAULTS: VolSurfaceFromSmilesOptions = { expiryTolerance: 1e-9, check: {} };

export function volSurfaceFromSmiles(input: VolSurfaceFromSmilesInput, options: Partial<VolSurfaceFromSmilesOptions> = {}): VolSurface {
  const settings: VolSurfaceFromSmilesOptions = { ...DEFAULTS, ...options };
  const { underlying } = input;
  const forwards = prepareForwards(input.forwards, underlying);
  if (input.slices.length === 0) throw new VolSurfaceError(`${underlying} slices is empty`);
  const slices: SmileSlice[] = input.slices.map(({ expiryYears, smile }, i) => {
    const where = `${underlying} slices[${i}]`;
    if (!(expiryYears > 0 && Number.isFinite(expiryYears))) throw new VolSurfaceError(`${where}.expiryYears must be a finite number > 0, got ${expiryYears}`);
    if (smile.kind === 'svi') validateSviParams(smile.params, `${where}.smile.params`);
    else validateLinear(smile, `${where}.smile`);
    return { expiryYears, forward: forwards.forQuotedExpiry(expiryYears, settings.expiryTolerance), smile, quoted: null, rmseVol: null };
  });
  slices.sort((x, y) => x.expiryYears - y.expiryYears);
  for (let i = 1; i < slices.length; i++) {
    if (slices[i]!.expiryYears === slices[i - 1]!.expiryYears) throw new VolSurfaceError(`${underlying} slices: two smiles at expiryYears ${slices[i]!.expiryYears}`);
  }
  return assembleSurface(underlying, forwards, slices, [], settings.check);
}

function validateLinear(smile: LinearSmile, where: string): void {
  const { k, totalVariance: w } = smile;
  if (k.length === 0 || k.length !== w.length) throw new VolSurfaceError(`${where}: k and totalVariance must be non-empty and of one length, got ${k.length}, ${w.length}`);
  for (let i = 0; i < k.length; i++) {
    if (!Number.isFinite(k[i]!) || (i > 0 && !(k[i]! > k[i - 1]!))) throw new VolSurfaceError(`${where}.k[${i}] must be finite and above k[${i - 1}], got ${k[i]}`);
    if (!(w[i]! > 0 && Number.isFinite(w[i]!))) throw new VolSurfaceError(`${where}.totalVariance[${i}] must be a finite number > 0, got ${w[i]}`);
  }
}
