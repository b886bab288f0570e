/**
 * Nelder–Mead simplex minimiser (Nelder & Mead 1965, "A simplex method for function minimization",
 * The Computer Journal 7(4)), in the form of Lagarias, Reeds, Wright & Wright (1998, SIAM J. Optim.
 * 9(1)): reflection 1, expansion 2, contraction ½ (outside and inside), shrink ½. Bounds are kept by
 * projecting every trial point onto the box. Used for the two nonlinear SVI parameters (m, σ); for
 * a handful of dimensions it is robust and needs no derivatives.
 */

export interface NelderMeadOptions {
  /** Stop when every vertex lies within this distance (per coordinate) of the best vertex… */
  xTolerance: number;
  /** …and every vertex's value lies within fTolerance + fRelativeTolerance·|best value| of the best value. */
  fTolerance: number;
  fRelativeTolerance: number;
  maxIterations: number;
  /** Initial simplex edge per coordinate, as a fraction of the box width. */
  initialStep: number;
}

export const DEFAULTS: NelderMeadOptions = { xTolerance: 1e-10, fTolerance: 1e-20, fRelativeTolerance: 1e-13, maxIterations: 2000, initialStep: 0.1 };

export interface NelderMeadResult {
  x: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(
  fn: (x: Float64Array) => number,
  start: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  options: Partial<NelderMeadOptions> = {},
): NelderMeadResult {
  const { xTolerance, fTolerance, fRelativeTolerance, maxIterations, initialStep } = { ...DEFAULTS, ...options };
  const n = start.length;
  const clamp = (x: Float64Array): Float64Array => {
    for (let j = 0; j < n; j++) x[j] = Math.min(upper[j]!, Math.max(lower[j]!, x[j]!));
    return x;
  };
  const simplex: Float64Array[] = [clamp(Float64Array.from(start))];
  for (let j = 0; j < n; j++) {
    const v = Float64Array.from(simplex[0]!);
    const step = initialStep * (upper[j]! - lower[j]!);
    v[j] = v[j]! + step <= upper[j]! ? v[j]! + step : v[j]! - step;
    simplex.push(clamp(v));
  }
  const values = simplex.map(fn);
  // x_new = c + t·(c − worst), c the centroid of all but the worst vertex.
  const along = (c: Float64Array, worst: Float64Array, t: number): Float64Array => {
    const x = new Float64Array(n);
    for (let j = 0; j < n; j++) x[j] = c[j]! + t * (c[j]! - worst[j]!);
    return clamp(x);
  };

  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((p, q) => values[p]! - values[q]!);
    const sorted = order.map((i) => simplex[i]!);
    const sortedValues = order.map((i) => values[i]!);
    for (let i = 0; i <= n; i++) {
      simplex[i] = sorted[i]!;
      values[i] = sortedValues[i]!;
    }
    const best = simplex[0]!;
    let spread = 0;
    let size = 0;
    for (let i = 1; i <= n; i++) {
      spread = Math.max(spread, Math.abs(values[i]! - values[0]!));
      for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(simplex[i]![j]! - best[j]!));
    }
    if (spread <= fTolerance + fRelativeTolerance * Math.abs(values[0]!) && size <= xTolerance) {
      converged = true;
      break;
    }
    const centroid = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = centroid[j]! + simplex[i]![j]! / n;
    const worst = simplex[n]!;
    const xr = along(centroid, worst, 1);
    const fr = fn(xr);
    if (fr < values[0]!) {
      const xe = along(centroid, worst, 2);
      const fe = fn(xe);
      [simplex[n], values[n]] = fe < fr ? [xe, fe] : [xr, fr];
      continue;
    }
    if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [xr, fr];
      continue;
    }
    const outside = fr < values[n]!;
    const xc = along(centroid, worst, outside ? 0.5 : -0.5);
    const fc = fn(xc);
    if (fc < (outside ? fr : values[n]!)) {
      [simplex[n], values[n]] = [xc, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const v = new Float64Array(n);
      for (let j = 0; j < n; j++) v[j] = best[j]! + 0.5 * (simplex[i]![j]! - best[j]!);
      simplex[i] = v;
      values[i] = fn(v);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
  return { x: simplex[bestIndex]!, f: values[bestIndex]!, iterations, converged };
}
