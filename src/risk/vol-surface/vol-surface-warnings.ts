/**
 * Every warning a volatility surface can carry, and the one place their wording is written.
 * Warnings are collected into the surface's result, never printed: the caller decides whether a
 * duplicated strike or a calendar arbitrage matters for the report it is building.
 */

export type VolSurfaceWarningCode =
  | 'non-finite-quote'
  | 'implied-vol-failed'
  | 'non-positive-expiry'
  | 'non-positive-strike'
  | 'vol-out-of-range'
  | 'duplicate-quote'
  | 'too-few-quotes-for-svi'
  | 'svi-poor-fit'
  | 'svi-wing-slope'
  | 'calendar-arbitrage'
  | 'butterfly-arbitrage';

export interface VolSurfaceWarning {
  code: VolSurfaceWarningCode;
  message: string;
  /** The expiry concerned; for a calendar arbitrage, the later of the two. */
  expiryYears: number;
  /** The strike concerned: the quote's, or where an arbitrage is worst. */
  strike?: number;
  /** Log-moneyness ln(K/F) of `strike`, where a forward is known. */
  logMoneyness?: number;
  /** Index of the offending quote (or mark) in the input, for quote-level warnings. */
  quote?: number;
}

export const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : String(x));
const at = (underlying: string, expiryYears: number, strike: number): string => `${underlying} T=${fmt(expiryYears)} K=${fmt(strike)}`;

export const warn = {
  nonFinite: (underlying: string, quote: number, field: string, expiryYears: number, strike: number): VolSurfaceWarning => ({
    code: 'non-finite-quote', expiryYears, strike, quote,
    message: `quotes[${quote}].${field} is not a finite number (${at(underlying, expiryYears, strike)}): quote dropped`,
  }),
  impliedVolFailed: (underlying: string, mark: number, expiryYears: number, strike: number, reason: string, detail: string): VolSurfaceWarning => ({
    code: 'implied-vol-failed', expiryYears, strike, quote: mark,
    message: `marks[${mark}] (${at(underlying, expiryYears, strike)}) implies no vol: ${reason}, ${detail}: mark dropped`,
  }),
  nonPositiveExpiry: (underlying: string, quote: number, expiryYears: number, strike: number): VolSurfaceWarning => ({
    code: 'non-positive-expiry', expiryYears, strike, quote,
    message: `quotes[${quote}].expiryYears is ${fmt(expiryYears)} ≤ 0 (${at(underlying, expiryYears, strike)}): expired, quote dropped`,
  }),
  nonPositiveStrike: (underlying: string, quote: number, expiryYears: number, strike: number): VolSurfaceWarning => ({
    code: 'non-positive-strike', expiryYears, strike, quote,
    message: `quotes[${quote}].strike is ${fmt(strike)} ≤ 0 (${at(underlying, expiryYears, strike)}): quote dropped`,
  }),
  volOutOfRange: (underlying: string, quote: number, expiryYears: number, strike: number, vol: number, maxVol: number): VolSurfaceWarning => ({
    code: 'vol-out-of-range', expiryYears, strike, quote,
    message: `quotes[${quote}].impliedVol is ${fmt(vol)}, outside (0, ${fmt(maxVol)}] (${at(underlying, expiryYears, strike)}): quote dropped`,
  }),
  duplicate: (underlying: string, quote: number, first: number, expiryYears: number, strike: number, vols: readonly number[]): VolSurfaceWarning => ({
    code: 'duplicate-quote', expiryYears, strike, quote,
    message: `quotes[${quote}] repeats quotes[${first}] (${at(underlying, expiryYears, strike)}), vols ${vols.map(fmt).join(', ')}: total variances averaged by weight`,
  }),
  tooFewForSvi: (underlying: string, expiryYears: number, strikes: number, needed: number): VolSurfaceWarning => ({
    code: 'too-few-quotes-for-svi', expiryYears,
    message: `${underlying} T=${fmt(expiryYears)}: ${strikes} distinct strikes, SVI needs ${needed}: slice interpolated linearly in total variance`,
  }),
  poorFit: (underlying: string, expiryYears: number, rmseVol: number, maxRmseVol: number): VolSurfaceWarning => ({
    code: 'svi-poor-fit', expiryYears,
    message: `${underlying} T=${fmt(expiryYears)}: SVI fit misses the quotes by ${fmt(rmseVol)} vol RMS (limit ${fmt(maxRmseVol)})`,
  }),
  wingSlope: (underlying: string, expiryYears: number, wing: 'left' | 'right', slope: number): VolSurfaceWarning => ({
    code: 'svi-wing-slope', expiryYears,
    message: `${underlying} T=${fmt(expiryYears)}: SVI ${wing} wing slope of total variance is ${fmt(slope)} > 2, beyond Lee's moment bound`,
  }),
  calendar: (underlying: string, earlier: number, later: number, strike: number, k: number, drop: number, kFrom: number, kTo: number): VolSurfaceWarning => ({
    code: 'calendar-arbitrage', expiryYears: later, strike, logMoneyness: k,
    message:
      `${underlying}: total variance falls from T=${fmt(earlier)} to T=${fmt(later)} for k in [${fmt(kFrom)}, ${fmt(kTo)}]; ` +
      `worst at k=${fmt(k)} (K=${fmt(strike)} at T=${fmt(later)}) by ${fmt(drop)}: calendar spread arbitrage`,
  }),
  butterfly: (underlying: string, expiryYears: number, strike: number, k: number, measure: string, value: number, kFrom: number, kTo: number, detail: string): VolSurfaceWarning => ({
    code: 'butterfly-arbitrage', expiryYears, strike, logMoneyness: k,
    message:
      `${at(underlying, expiryYears, strike)}: ${measure} is negative for k in [${fmt(kFrom)}, ${fmt(kTo)}]; ` +
      `worst ${fmt(value)} at k=${fmt(k)}${detail}: butterfly arbitrage`,
  }),
};
