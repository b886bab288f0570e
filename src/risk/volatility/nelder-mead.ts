/**
 * Nelder–Mead downhill simplex minimiser (J. A. Nelder & R. Mead, "A simplex method for function
 * minimization", Computer Journal 7(4), 1965, 308–313), with the standard coefficients and
 * acceptance rules of J. C. Lagarias, J. A. Reeds, M. H. Wright & P. E. Wright, "Convergence
 * properties of the Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9(1), 1998:
 * reflection 1, expansion 2, contraction 0.5, shrink 0.5. Derivative-free, so it copes with the
 * flat or kinked likelihoods of GARCH near the edge of its parameter space. A non-finite
 * objective counts as +Infinity (the simplex backs away from it).
 *
 * Stops when the spread of objective values over the simplex is ≤ fTolerance and its diameter
 * (max-norm, from the best vertex) is ≤ xTolerance, or after maxIterations.
 */
import { resolveOptions } from '../margin/index.js';

export interface NelderMeadOptions {
  /** Initial step along each coordinate. */
  step?: number;
  fTolerance?: number;
  xTolerance?: number;
  maxIterations?: number;
}

export const NELDER_MEAD_DEFAULTS = { step: 0.5, fTolerance: 1e-10, xTolerance: 1e-8, maxIterations: 5000 };

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export function nelderMead(f: (x: Float64Array) => number, x0: Float64Array, options: NelderMeadOptions = {}): NelderMeadResult {
  const o = resolveOptions<Required<NelderMeadOptions>>(NELDER_MEAD_DEFAULTS, options);
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const v = Float64Array.from(x0);
    v[i]! += o.step;
    simplex.push(v);
  }
  let values = simplex.map(evaluate);
  const centroid = new Float64Array(n);
  const along = (from: Float64Array, to: Float64Array, t: number) => Float64Array.from(from, (c, j) => c + t * (to[j]! - c));
  let iterations = 0;
  let converged = false;
  while (iterations < o.maxIterations) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const sorted = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    simplex.splice(0, simplex.length, ...sorted);
    let diameter = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) diameter = Math.max(diameter, Math.abs(simplex[i]![j]! - simplex[0]![j]!));
    if (values[n]! - values[0]! <= o.fTolerance && diameter <= o.xTolerance) {
      converged = true;
      break;
    }
    iterations++;
    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    const worst = simplex[n]!;
    const reflected = along(centroid, worst, -1);
    const fr = evaluate(reflected);
    if (fr < values[0]!) {
      const expanded = along(centroid, worst, -2);
      const fe = evaluate(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
      continue;
    }
    const outside = fr < values[n]!;
    const contracted = outside ? along(centroid, reflected, 0.5) : along(centroid, worst, 0.5);
    const fc = evaluate(contracted);
    if (outside ? fc <= fr : fc < values[n]!) {
      [simplex[n], values[n]] = [contracted, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = along(simplex[0]!, simplex[i]!, 0.5);
      values[i] = evaluate(simplex[i]!);
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, value: values[best]!, iterations, evaluations, converged };
}
