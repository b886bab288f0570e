/**
 * Forward prices by expiry, for turning strikes into log-moneyness k = ln(K/F(T)).
 *
 * `cost-of-carry`: F(T) = S·e^{(r − q)T} (Black 1976, "The pricing of commodity contracts", with
 * the carry of Merton 1973 for a continuous yield q). `per-expiry`: the caller's forwards (futures
 * marks, or parity-implied forwards); between two points ln F is linear in T (a constant carry
 * between expiries), beyond the last point ln F continues along the last segment, before the first
 * along the first, and with one point and no spot F is that point's forward at every T.
 */
import { VolSurfaceError } from './errors.js';
import type { ForwardCurve } from './vol-surface-types.js';

/** A validated forward curve, ready to evaluate. */
export interface Forwards {
  /** Forward price at T years. */
  at(expiryYears: number): number;
  /** Forward for a quoted expiry: a `per-expiry` point must lie within `tolerance` of it. */
  forQuotedExpiry(expiryYears: number, tolerance: number): number;
}

const positive = (x: number): boolean => Number.isFinite(x) && x > 0;

export function prepareForwards(curve: ForwardCurve, underlying: string): Forwards {
  if (curve.kind === 'cost-of-carry') {
    const { spot, rate, yieldRate } = curve;
    if (!positive(spot)) throw new VolSurfaceError(`${underlying} forwards.spot must be a finite number > 0, got ${spot}`);
    if (!Number.isFinite(rate)) throw new VolSurfaceError(`${underlying} forwards.rate must be finite, got ${rate}`);
    if (!Number.isFinite(yieldRate)) throw new VolSurfaceError(`${underlying} forwards.yieldRate must be finite, got ${yieldRate}`);
    const at = (t: number): number => spot * Math.exp((rate - yieldRate) * t);
    return { at, forQuotedExpiry: at };
  }
  const points = curve.points.map((p, i) => {
    if (!Number.isFinite(p.expiryYears) || p.expiryYears <= 0) {
      throw new VolSurfaceError(`${underlying} forwards.points[${i}].expiryYears must be a finite number > 0, got ${p.expiryYears}`);
    }
    if (!positive(p.forward)) throw new VolSurfaceError(`${underlying} forwards.points[${i}].forward must be a finite number > 0, got ${p.forward}`);
    return { t: p.expiryYears, lnF: Math.log(p.forward), forward: p.forward };
  });
  if (curve.spot !== undefined) {
    if (!positive(curve.spot)) throw new VolSurfaceError(`${underlying} forwards.spot must be a finite number > 0, got ${curve.spot}`);
    points.push({ t: 0, lnF: Math.log(curve.spot), forward: curve.spot });
  }
  if (points.length === 0) throw new VolSurfaceError(`${underlying} forwards.points is empty and no spot is given`);
  points.sort((x, y) => x.t - y.t);
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.t === points[i - 1]!.t) {
      throw new VolSurfaceError(`${underlying} forwards.points has two forwards at expiryYears ${points[i]!.t}`);
    }
  }
  const t = Float64Array.from(points, (p) => p.t);
  const lnF = Float64Array.from(points, (p) => p.lnF);
  const n = t.length;

  const at = (T: number): number => {
    if (n === 1) return Math.exp(lnF[0]!);
    // Segment [lo, lo+1] containing T, or the end segment T extrapolates along.
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (t[mid]! <= T) lo = mid;
      else hi = mid;
    }
    const slope = (lnF[hi]! - lnF[lo]!) / (t[hi]! - t[lo]!);
    return Math.exp(lnF[lo]! + slope * (T - t[lo]!));
  };

  const forQuotedExpiry = (T: number, tolerance: number): number => {
    let best = 0;
    for (let i = 1; i < n; i++) if (Math.abs(t[i]! - T) < Math.abs(t[best]! - T)) best = i;
    if (Math.abs(t[best]! - T) > tolerance || t[best] === 0) {
      throw new VolSurfaceError(`${underlying} forwards.points has no forward for the quoted expiryYears ${T} (within ${tolerance} years)`);
    }
    return points[best]!.forward;
  };
  return { at, forQuotedExpiry };
}
