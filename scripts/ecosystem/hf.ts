/**
 * Health-factor draws. A draw keeps its random inputs (z, tail value) so the median can be solved
 * afterwards (isolated markets: the debt total is published, so the HF level is what gives).
 */
import type { HfDist } from './assumptions.js';
import type { Rng } from './prng.js';

export interface HfDraw {
  tail: boolean;
  z: number;
  /** The HF if this draw is in the tail. */
  t: number;
}

/** Always consumes the same number of draws, so the stream stays aligned whatever the branch. */
export function drawHf(rng: Rng, dist: HfDist): HfDraw {
  const tail = rng.chance(dist.tailShare);
  const t = rng.uniform(dist.tailLo, dist.tailHi);
  const z = rng.normal();
  return { tail, z, t };
}

export function hfValue(d: HfDraw, dist: HfDist, medianExcess: number = dist.medianExcess): number {
  return d.tail ? d.t : 1 + medianExcess * Math.exp(dist.sigma * d.z);
}

/**
 * Median excess m such that Σ capacity_i / hf_i(m) equals `debt` (USD). The sum falls as m grows,
 * so bisection converges; fails when even HF → 1 cannot reach the debt (collateral too small).
 */
export function solveMedianExcess(capacity: readonly number[], draws: readonly HfDraw[], dist: HfDist, debt: number): number {
  const total = (m: number) => capacity.reduce((s, c, i) => s + c / hfValue(draws[i], dist, m), 0);
  let lo = 1e-6;
  let hi = 100;
  if (total(lo) < debt) throw new Error(`collateral supports at most ${total(lo).toFixed(0)} USD of debt, target ${debt.toFixed(0)}`);
  if (total(hi) > debt) throw new Error(`tail accounts alone exceed the debt target ${debt.toFixed(0)}`);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) > debt) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
