/**
 * Total implied variance of one expiry's smile at log-moneyness k.
 *
 * `linear`: between two quoted points w is linear in k, interpolating in total variance, the quantity
 * Gatheral & Jacquier (2014, "Arbitrage-free SVI volatility surfaces", §2) state no-arbitrage in,
 * rather than in volatility. Beyond the outermost quotes the implied volatility is held flat in
 * strike at the outermost quote's value; at a fixed expiry that is w(k) = w(k_min) for k < k_min
 * and w(k) = w(k_max) for k > k_max.
 * Where the quoted wing still slopes outward (the usual smile), this flat wing leaves a concave kink
 * at the outermost strike, a small butterfly arbitrage the grid check reports when it shows.
 *
 * `svi`: raw SVI (Gatheral 2004), whose own linear wings extrapolate.
 */
import { sviTotalVariance } from './svi.js';
import type { LinearSmile, SviSmile } from './vol-surface-types.js';

export function linearTotalVariance(smile: LinearSmile, k: number): number {
  const { k: ks, totalVariance: w } = smile;
  const last = ks.length - 1;
  if (k <= ks[0]!) return w[0]!;
  if (k >= ks[last]!) return w[last]!;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ks[mid]! <= k) lo = mid;
    else hi = mid;
  }
  const t = (k - ks[lo]!) / (ks[hi]! - ks[lo]!);
  return w[lo]! + t * (w[hi]! - w[lo]!);
}

export function smileTotalVariance(smile: LinearSmile | SviSmile, k: number): number {
  return smile.kind === 'linear' ? linearTotalVariance(smile, k) : sviTotalVariance(smile.params, k);
}
