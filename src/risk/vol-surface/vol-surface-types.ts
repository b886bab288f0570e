/**
 * Types shared by the volatility-surface modules: the quotes and forwards a surface is built from,
 * the per-expiry smiles it holds, and the options that steer it.
 *
 * Conventions: expiries in years (ACT/365 or whatever the caller uses, consistently); k = ln(K/F)
 * is log-moneyness against the forward F of the expiry; w = σ²T is total implied variance.
 */
import type { FitSviOptions } from './fit-svi.js';

/** One option quote: an implied (Black-76) volatility at a strike and expiry. */
export interface VolQuote {
  expiryYears: number;
  strike: number;
  impliedVol: number;
  /** Weight in the SVI least-squares fit (vega, 1/spread², open interest…); default 1. Unused by linear slices. */
  weight?: number;
}

/** The forward of one expiry, e.g. a futures mark or F = S·e^{(r−q)T} from the put–call parity. */
export interface ForwardPoint {
  expiryYears: number;
  forward: number;
}

/**
 * Forward prices by expiry. `per-expiry`: one forward per quoted expiry (matched within
 * `expiryTolerance`); between points ln F is linear in T, beyond them ln F continues along the
 * nearest segment (a constant implied carry); `spot`, when given, anchors ln F at T = 0.
 * `cost-of-carry`: F(T) = spot·e^{(rate − yieldRate)·T}, continuously compounded, where
 * `yieldRate` is what holding the underlying earns (dividend, staking or lending yield).
 */
export type ForwardCurve =
  | { kind: 'per-expiry'; points: readonly ForwardPoint[]; spot?: number }
  | { kind: 'cost-of-carry'; spot: number; rate: number; yieldRate: number };

export interface VolSurfaceInput {
  /** Symbol of the underlying, carried into messages. */
  underlying: string;
  forwards: ForwardCurve;
  quotes: readonly VolQuote[];
}

/** Raw SVI total-variance parameters (Gatheral 2004): w(k) = a + b(ρ(k−m) + √((k−m)² + σ²)). */
export interface SviParams {
  a: number;
  b: number;
  rho: number;
  m: number;
  sigma: number;
}

/** The quotes of one expiry after normalisation, sorted by log-moneyness, one point per strike. */
export interface QuotedSlice {
  expiryYears: number;
  forward: number;
  strike: Float64Array;
  k: Float64Array;
  totalVariance: Float64Array;
  weight: Float64Array;
}

/** Total variance linear in k between the points; beyond the outermost points held at their value. */
export interface LinearSmile {
  kind: 'linear';
  k: Float64Array;
  totalVariance: Float64Array;
}

/** A raw SVI smile, which extrapolates by its own linear wings. */
export interface SviSmile {
  kind: 'svi';
  params: SviParams;
}

/**
 * One expiry's smile. A `linear` smile holds, beyond the outermost quotes, the implied volatility
 * at the outermost quote's value: at a fixed expiry that is the same as holding total variance,
 * so w(k) = w(k_min) for k < k_min and w(k) = w(k_max) for k > k_max.
 */
export interface SmileSlice {
  expiryYears: number;
  forward: number;
  smile: LinearSmile | SviSmile;
  /** The quotes the smile was built from; null for a slice given by its parameters. */
  quoted: QuotedSlice | null;
  /** Root-mean-square implied-vol error of the smile at its quotes; null without quotes. */
  rmseVol: number | null;
}

export interface ArbitrageCheckOptions {
  /** The k-grid extends this far (in log-moneyness) beyond the widest quoted strikes on each side. */
  margin: number;
  /** Number of points of the k-grid. */
  points: number;
  /** Total variance may fall by this much from one expiry to the next before it is flagged. */
  calendarTolerance: number;
  /** Flagged below −tolerance: g(k) for SVI slices, the discrete d²(C/F)/d(K/F)² for linear ones. */
  butterflyTolerance: number;
}

export interface VolSurfaceOptions {
  smile: 'linear' | 'svi';
  /** Quotes with an implied vol above this are dropped as implausible. */
  maxVol: number;
  /** Expiries closer than this (years) are one expiry, and a forward point this close matches it. */
  expiryTolerance: number;
  /** An `svi` slice with fewer distinct strikes falls back to `linear` (raw SVI has 5 parameters). */
  minSviQuotes: number;
  /** An SVI fit whose root-mean-square vol error exceeds this is reported. */
  maxSviRmseVol: number;
  svi: Partial<FitSviOptions>;
  check: Partial<ArbitrageCheckOptions>;
}
