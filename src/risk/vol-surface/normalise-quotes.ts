/**
 * Option quotes → per-expiry slices in log-moneyness k = ln(K/F) and total implied variance
 * w = σ²T, the coordinates in which Gatheral (2004, "A parsimonious arbitrage-free implied
 * volatility parametrization…") and Gatheral & Jacquier (2014, "Arbitrage-free SVI volatility
 * surfaces", §2) state both the smile and the no-arbitrage conditions.
 *
 * Market data is noisy, so a bad quote is dropped with a warning rather than thrown on: a
 * non-finite field, an expiry ≤ 0, a strike ≤ 0, a vol ≤ 0 or above `maxVol`. Quotes repeating a
 * strike of one expiry are merged into one point, their total variances averaged by weight.
 * A negative weight is the caller's mistake, and throws.
 */
import { VolSurfaceError } from './errors.js';
import type { Forwards } from './forward-curve.js';
import type { QuotedSlice, VolQuote } from './vol-surface-types.js';
import { warn, type VolSurfaceWarning } from './vol-surface-warnings.js';

export interface NormaliseQuotesSettings {
  underlying: string;
  maxVol: number;
  expiryTolerance: number;
}

export interface NormalisedQuotes {
  /** Sorted by expiry; each slice sorted by k with distinct strikes. */
  slices: QuotedSlice[];
  warnings: VolSurfaceWarning[];
}

export function normaliseQuotes(quotes: readonly VolQuote[], forwards: Forwards, settings: NormaliseQuotesSettings): NormalisedQuotes {
  const { underlying, maxVol, expiryTolerance } = settings;
  const warnings: VolSurfaceWarning[] = [];
  const kept: number[] = [];
  quotes.forEach((q, i) => {
    if (q.weight !== undefined && !(q.weight >= 0 && Number.isFinite(q.weight))) {
      throw new VolSurfaceError(`${underlying} quotes[${i}].weight must be a finite number ≥ 0, got ${q.weight}`);
    }
    const field = (['expiryYears', 'strike', 'impliedVol'] as const).find((f) => !Number.isFinite(q[f]));
    if (field !== undefined) warnings.push(warn.nonFinite(underlying, i, field, q.expiryYears, q.strike));
    else if (q.expiryYears <= 0) warnings.push(warn.nonPositiveExpiry(underlying, i, q.expiryYears, q.strike));
    else if (q.strike <= 0) warnings.push(warn.nonPositiveStrike(underlying, i, q.expiryYears, q.strike));
    else if (q.impliedVol <= 0 || q.impliedVol > maxVol) warnings.push(warn.volOutOfRange(underlying, i, q.expiryYears, q.strike, q.impliedVol, maxVol));
    else kept.push(i);
  });
  kept.sort((x, y) => quotes[x]!.expiryYears - quotes[y]!.expiryYears || quotes[x]!.strike - quotes[y]!.strike || x - y);

  const slices: QuotedSlice[] = [];
  let start = 0;
  while (start < kept.length) {
    const expiryYears = quotes[kept[start]!]!.expiryYears;
    let end = start;
    while (end < kept.length && quotes[kept[end]!]!.expiryYears - expiryYears <= expiryTolerance) end++;
    const group = kept.slice(start, end).sort((x, y) => quotes[x]!.strike - quotes[y]!.strike || x - y);
    slices.push(buildSlice(quotes, group, expiryYears, forwards.forQuotedExpiry(expiryYears, expiryTolerance), underlying, warnings));
    start = end;
  }
  return { slices, warnings };
}

function buildSlice(
  quotes: readonly VolQuote[],
  group: readonly number[],
  expiryYears: number,
  forward: number,
  underlying: string,
  warnings: VolSurfaceWarning[],
): QuotedSlice {
  const strike: number[] = [];
  const variance: number[] = [];
  const weight: number[] = [];
  let g = 0;
  while (g < group.length) {
    const first = group[g]!;
    const K = quotes[first]!.strike;
    let sumW = 0;
    let sumWV = 0;
    let sumV = 0;
    const vols: number[] = [];
    let h = g;
    for (; h < group.length && quotes[group[h]!]!.strike === K; h++) {
      const q = quotes[group[h]!]!;
      const wt = q.weight ?? 1;
      const v = q.impliedVol * q.impliedVol * expiryYears;
      sumW += wt;
      sumWV += wt * v;
      sumV += v;
      vols.push(q.impliedVol);
      if (h > g) warnings.push(warn.duplicate(underlying, group[h]!, first, expiryYears, K, vols));
    }
    const count = h - g;
    strike.push(K);
    variance.push(sumW > 0 ? sumWV / sumW : sumV / count);
    weight.push(sumW);
    g = h;
  }
  return {
    expiryYears,
    forward,
    strike: Float64Array.from(strike),
    k: Float64Array.from(strike, (K) => Math.log(K / forward)),
    totalVariance: Float64Array.from(variance),
    weight: Float64Array.from(weight),
  };
}
