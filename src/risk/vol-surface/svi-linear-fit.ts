/**
 * The linear half of the quasi-explicit SVI calibration of De Marco & Martini (2009, Zeliade
 * Systems white paper, "Quasi-explicit calibration of Gatheral's SVI model"). For fixed (m, σ) and
 * y = (k − m)/σ, raw SVI is linear in (a, d, c) = (a, ρbσ, bσ):
 *
 *   w = a + d·y + c·√(y² + 1),
 *
 * so the weighted least-squares fit over a polytope is a small convex quadratic programme. The
 * domain is theirs, |d| ≤ c, |d| ≤ 4σ − c (b(1 + |ρ|) ≤ 4, the Rogers–Tehranchi slope bound) and
 * a ≤ max wᵢ, except that their a ≥ 0 is relaxed to a ≥ |d| − c: still linear, and still enough for
 * a + √(c² − d²) ≥ 0 (non-negative total variance) since √(c² − d²) ≥ c − |d|.
 *
 * Solved exactly by enumerating active sets: the minimiser of a strictly convex quadratic over a
 * polytope is the equality-constrained minimiser on the face it lies in, so the best feasible
 * solution over every set of at most three active constraints (64 small KKT systems) is optimal.
 * The unconstrained solution is tried first, and when it is feasible the search stops there.
 */

export interface LinearFitInput {
  k: Float64Array;
  totalVariance: Float64Array;
  weight: Float64Array;
}

export interface LinearFit {
  a: number;
  d: number;
  c: number;
  /** Σ weight·(model − quote)². */
  sse: number;
}

/** Constraint rows g·(a, d, c) ≤ h; the caller's σ and max w fill in h. */
const G: readonly (readonly [number, number, number])[] = [
  [1, 0, 0], // a ≤ max w
  [-1, 1, -1], // a ≥ d − c
  [-1, -1, -1], // a ≥ −d − c
  [0, 1, -1], // d ≤ c
  [0, -1, -1], // −d ≤ c
  [0, 1, 1], // d ≤ 4σ − c
  [0, -1, 1], // −d ≤ 4σ − c
];

const SUBSETS: readonly (readonly number[])[] = (() => {
  const out: number[][] = [[]];
  for (let i = 0; i < G.length; i++) {
    out.push([i]);
    for (let j = i + 1; j < G.length; j++) {
      out.push([i, j]);
      for (let l = j + 1; l < G.length; l++) out.push([i, j, l]);
    }
  }
  return out;
})();

/** Solves M·x = r in place by Gaussian elimination with partial pivoting; false when singular. */
function solve(M: Float64Array[], r: Float64Array): boolean {
  const n = r.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(M[row]![col]!) > Math.abs(M[pivot]![col]!)) pivot = row;
    if (!(Math.abs(M[pivot]![col]!) > 1e-13)) return false;
    [M[col], M[pivot]] = [M[pivot]!, M[col]!];
    [r[col], r[pivot]] = [r[pivot]!, r[col]!];
    for (let row = col + 1; row < n; row++) {
      const f = M[row]![col]! / M[col]![col]!;
      for (let j = col; j < n; j++) M[row]![j] = M[row]![j]! - f * M[col]![j]!;
      r[row] = r[row]! - f * r[col]!;
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    let s = r[row]!;
    for (let j = row + 1; j < n; j++) s -= M[row]![j]! * r[j]!;
    r[row] = s / M[row]![row]!;
  }
  return true;
}

/** Best (a, d, c) for fixed (m, σ) over the domain above. */
export function fitSviLinear(input: LinearFitInput, m: number, sigma: number): LinearFit {
  const { k, totalVariance: w, weight } = input;
  const n = k.length;
  const H = [new Float64Array(3), new Float64Array(3), new Float64Array(3)];
  const g = new Float64Array(3);
  let maxW = 0;
  for (let i = 0; i < n; i++) {
    const y = (k[i]! - m) / sigma;
    const row = [1, y, Math.sqrt(y * y + 1)];
    for (let p = 0; p < 3; p++) {
      g[p] = g[p]! + weight[i]! * row[p]! * w[i]!;
      for (let q = 0; q < 3; q++) H[p]![q] = H[p]![q]! + weight[i]! * row[p]! * row[q]!;
    }
    maxW = Math.max(maxW, w[i]!);
  }
  const h = [maxW, 0, 0, 0, 0, 4 * sigma, 4 * sigma];
  const slack = 1e-12 * (1 + maxW + 4 * sigma);
  let best: [number, number, number] = [0, 0, 0];
  let bestObjective = Infinity;
  for (const active of SUBSETS) {
    const size = 3 + active.length;
    const M = Array.from({ length: size }, () => new Float64Array(size));
    const r = new Float64Array(size);
    for (let p = 0; p < 3; p++) {
      M[p]!.set(H[p]!);
      r[p] = g[p]!;
    }
    active.forEach((c, s) => {
      for (let p = 0; p < 3; p++) M[3 + s]![p] = M[p]![3 + s] = G[c]![p]!;
      r[3 + s] = h[c]!;
    });
    if (!solve(M, r)) continue;
    const x: [number, number, number] = [r[0]!, r[1]!, r[2]!];
    if (!G.every((row, c) => row[0] * x[0] + row[1] * x[1] + row[2] * x[2] <= h[c]! + slack)) continue;
    // ½xᵀHx − gᵀx orders candidates; the reported error is recomputed from residuals below.
    let objective = 0;
    for (let p = 0; p < 3; p++) {
      objective -= g[p]! * x[p]!;
      for (let q = 0; q < 3; q++) objective += 0.5 * x[p]! * H[p]![q]! * x[q]!;
    }
    if (objective < bestObjective) {
      bestObjective = objective;
      best = x;
    }
    if (active.length === 0) break; // the unconstrained minimiser is feasible, hence optimal
  }
  const [a, d, c] = best;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const y = (k[i]! - m) / sigma;
    const e = a + d * y + c * Math.sqrt(y * y + 1) - w[i]!;
    sse += weight[i]! * e * e;
  }
  return { a, d, c, sse };
}
