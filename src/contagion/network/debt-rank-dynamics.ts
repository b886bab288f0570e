/**
 * The two distress dynamics DebtRank runs on an impact matrix (impact-matrix.ts), from an initial
 * distress h(1) = ψ on a set S_f of nodes, returning the final distress h(T).
 *
 * Battiston et al. (2012), "DebtRank: Too Central to Fail?", Scientific Reports 2:541, section
 * "DebtRank": each node has distress h_i ∈ [0, 1] and a state s_i ∈ {U undistressed,
 * D distressed, I inactive}; h_i(1) = ψ and s_i(1) = D on S_f, 0 and U elsewhere; then
 *
 *   h_i(t) = min(1, h_i(t−1) + Σ_{j : s_j(t−1) = D} W_ji h_j(t−1)),
 *   s_i(t) = I if s_i(t−1) = D;  D if h_i(t) > 0 and s_i(t−1) ≠ I;  s_i(t−1) otherwise,
 *
 * until no node is distressed: each node passes its distress on once (no reverberation), though
 * an inactive node's own h can still rise.
 *
 * Bardoscia, Battiston, Caccioli & Caldarelli (2015), "DebtRank: A Microscopic Foundation for
 * Shock Propagation", PLoS ONE 10(6): e0130406 (linear DebtRank): no states; each step passes on
 * only the new distress, h_i(t+1) = min(1, h_i(t) + Σ_j Λ_ji (h_j(t) − h_j(t−1))), h(0) = 0,
 * until the largest increment is ≤ `tolerance` (or `maxIterations`, reported).
 *
 * Both touch only the nodes the shock reaches; `DistressScratch` is reused across runs.
 */
import type { ImpactMatrix } from './impact-matrix.js';

const UNDISTRESSED = 0;
const DISTRESSED = 1;
const INACTIVE = 2;

export interface DistressScratch {
  readonly h: Float64Array;
  readonly state: Uint8Array;
  readonly incoming: Float64Array;
  /** Linear variant: the increment h_i(t) − h_i(t−1) a moving node passes on. */
  readonly delta: Float64Array;
  readonly listed: Uint8Array;
  /** Every node whose h, state or listing changed, for `resetScratch`. */
  readonly touched: number[];
}

export function distressScratch(n: number): DistressScratch {
  return { h: new Float64Array(n), state: new Uint8Array(n), incoming: new Float64Array(n), delta: new Float64Array(n), listed: new Uint8Array(n), touched: [] };
}

export function resetScratch(s: DistressScratch): void {
  for (const i of s.touched) {
    s.h[i] = 0;
    s.state[i] = UNDISTRESSED;
    s.incoming[i] = 0;
    s.delta[i] = 0;
    s.listed[i] = 0;
  }
  s.touched.length = 0;
}

/** Battiston et al. (2012): leaves h(T) in `s.h`; returns the number of steps T − 1. */
export function battistonDynamics(w: ImpactMatrix, seeds: readonly number[], psi: readonly number[], s: DistressScratch): number {
  let frontier: number[] = [];
  seeds.forEach((i, k) => {
    s.touched.push(i);
    s.h[i] = psi[k]!;
    if (psi[k]! > 0) {
      s.state[i] = DISTRESSED;
      frontier.push(i);
    }
  });
  let steps = 0;
  while (frontier.length > 0) {
    steps++;
    const hit: number[] = [];
    for (const j of frontier) {
      const hj = s.h[j]!;
      for (let k = w.rowStart[j]!; k < w.rowStart[j + 1]!; k++) {
        const i = w.target[k]!;
        if (!s.listed[i]) {
          s.listed[i] = 1;
          hit.push(i);
          s.touched.push(i);
        }
        s.incoming[i]! += w.weight[k]! * hj;
      }
    }
    for (const j of frontier) s.state[j] = INACTIVE;
    const next: number[] = [];
    for (const i of hit) {
      s.h[i] = Math.min(1, s.h[i]! + s.incoming[i]!);
      s.incoming[i] = 0;
      s.listed[i] = 0;
      if (s.state[i] === UNDISTRESSED && s.h[i]! > 0) {
        s.state[i] = DISTRESSED;
        next.push(i);
      }
    }
    frontier = next;
  }
  return steps;
}

/** Bardoscia et al. (2015): leaves h(T) in `s.h`; returns steps taken, negative if capped. */
export function linearDynamics(
  w: ImpactMatrix,
  seeds: readonly number[],
  psi: readonly number[],
  s: DistressScratch,
  tolerance: number,
  maxIterations: number,
): number {
  // `moving` holds the nodes with a nonzero increment, kept in `s.delta`.
  let moving: number[] = [];
  seeds.forEach((i, k) => {
    s.touched.push(i);
    s.h[i] = Math.min(1, psi[k]!);
    if (s.h[i]! > 0) {
      moving.push(i);
      s.delta[i] = s.h[i]!;
    }
  });
  for (let step = 1; step <= maxIterations; step++) {
    if (moving.length === 0) return step - 1;
    const hit: number[] = [];
    for (const j of moving) {
      const dj = s.delta[j]!;
      for (let k = w.rowStart[j]!; k < w.rowStart[j + 1]!; k++) {
        const i = w.target[k]!;
        if (!s.listed[i]) {
          s.listed[i] = 1;
          hit.push(i);
          s.touched.push(i);
        }
        s.incoming[i]! += w.weight[k]! * dj;
      }
    }
    for (const j of moving) s.delta[j] = 0;
    const next: number[] = [];
    let largest = 0;
    for (const i of hit) {
      const before = s.h[i]!;
      s.h[i] = Math.min(1, before + s.incoming[i]!);
      s.incoming[i] = 0;
      s.listed[i] = 0;
      const d = s.h[i]! - before;
      if (d > 0) {
        s.delta[i] = d;
        next.push(i);
      }
      largest = Math.max(largest, d);
    }
    moving = next;
    if (largest <= tolerance) return step;
  }
  return -maxIterations;
}

/** R = Σ_j h_j(T) v_j − Σ_j h_j(1) v_j, the DebtRank of the run left in `s`. */
export function debtRankOfRun(s: DistressScratch, value: Float64Array, seeds: readonly number[], psi: readonly number[]): number {
  let total = 0;
  for (const i of s.touched) {
    if (s.listed[i]) continue; // `listed` is all 0 between steps: borrow it to count each node once
    s.listed[i] = 1;
    total += s.h[i]! * value[i]!;
  }
  for (const i of s.touched) s.listed[i] = 0;
  seeds.forEach((i, k) => {
    total -= Math.min(1, psi[k]!) * value[i]!;
  });
  return Math.max(0, total);
}
