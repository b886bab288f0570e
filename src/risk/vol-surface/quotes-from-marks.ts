/**
 * Option marks (prices) → implied-vol quotes, through the pricing module's Black-76 solver
 * (`impliedVolBlack76`: Black 1976, "The pricing of commodity contracts", inverted as in Jäckel
 * 2015, "Let's be rational"), so a surface can be built from a venue's mark prices.
 *
 * Each mark is priced on the forward of its expiry (the surface's forward curve) and discounted at
 * one continuously compounded `rate`; mark, forward and strike must be in one currency (a venue
 * that marks in the underlying coin is converted by the caller, price·F). A mark the solver cannot
 * invert (below intrinsic, above the forward, no time value…) is dropped with a warning carrying
 * the solver's reason, as are marks with a non-finite field, an expiry ≤ 0 or a strike ≤ 0.
 */
import { impliedVolBlack76 } from '../pricing/index.js';
import { VolSurfaceError } from './errors.js';
import { prepareForwards } from './forward-curve.js';
import type { ForwardCurve, VolQuote } from './vol-surface-types.js';
import { warn, type VolSurfaceWarning } from './vol-surface-warnings.js';

export interface OptionMark {
  expiryYears: number;
  strike: number;
  /** Option price in the currency of the forward and strike, discounted at `rate`. */
  price: number;
  isCall: boolean;
  /** Carried into the quote's fit weight. */
  weight?: number;
}

export interface QuotesFromMarksInput {
  underlying: string;
  forwards: ForwardCurve;
  /** Continuously compounded discount rate; 0 for undiscounted (e.g. futures-style) marks. */
  rate: number;
  marks: readonly OptionMark[];
}

export interface QuotesFromMarks {
  /** One quote per usable mark; `quote[i].weight` as given. */
  quotes: VolQuote[];
  /** `markIndex[i]` is the mark `quotes[i]` came from. */
  markIndex: number[];
  warnings: VolSurfaceWarning[];
}

export const DEFAULTS = { expiryTolerance: 1e-9 };

export function quotesFromMarks(input: QuotesFromMarksInput, options: Partial<typeof DEFAULTS> = {}): QuotesFromMarks {
  const { expiryTolerance } = { ...DEFAULTS, ...options };
  const { underlying, rate } = input;
  if (!Number.isFinite(rate)) throw new VolSurfaceError(`${underlying} rate must be finite, got ${rate}`);
  const forwards = prepareForwards(input.forwards, underlying);
  const quotes: VolQuote[] = [];
  const markIndex: number[] = [];
  const warnings: VolSurfaceWarning[] = [];
  input.marks.forEach((mark, i) => {
    const { expiryYears, strike, price, isCall, weight } = mark;
    const field = (['expiryYears', 'strike', 'price'] as const).find((f) => !Number.isFinite(mark[f]));
    if (field !== undefined) return void warnings.push(warn.nonFinite(underlying, i, field, expiryYears, strike));
    if (expiryYears <= 0) return void warnings.push(warn.nonPositiveExpiry(underlying, i, expiryYears, strike));
    if (strike <= 0) return void warnings.push(warn.nonPositiveStrike(underlying, i, expiryYears, strike));
    const forward = forwards.forQuotedExpiry(expiryYears, expiryTolerance);
    const solved = impliedVolBlack76({ price, forward, strike, expiry: expiryYears, rate, isCall });
    if (!solved.ok) return void warnings.push(warn.impliedVolFailed(underlying, i, expiryYears, strike, solved.reason, solved.detail));
    quotes.push(weight === undefined ? { expiryYears, strike, impliedVol: solved.vol } : { expiryYears, strike, impliedVol: solved.vol, weight });
    markIndex.push(i);
  });
  return { quotes, markIndex, warnings };
}
