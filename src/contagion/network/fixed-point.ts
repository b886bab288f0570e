/**
 * Picard iteration for the Eisenberg–Noe clearing vector (Eisenberg & Noe 2001, "Systemic Risk in
 * Financial Systems", Management Science 47(2), §2, Theorem 1 and Lemma 4): from p⁰ = p̄,
 *
 *   p^{k+1} = Φ(p^k) = min(p̄, e + Πᵀp^k),
 *
 * a decreasing sequence (Φ is monotone and Φ(p̄) ≤ p̄) that converges to the greatest fixed point
 * p*. It needs only sparse products, so it is the method for large n and the brute-force check on
 * the fictitious default algorithm. Convergence is linear; the iteration stops when the estimated
 * remaining distance (1-norm steps and their ratio, inflows.ts) is within
 * tolerance·max(1, max p̄), or after `maxIterations` with `converged: false` and a warning.
 *
 * A node's `defaultWave` here is the first iteration at which its payment fell below
 * p̄_i·(1 − tolerance): iteration 1 agrees with the fictitious default algorithm's round 1, later
 * ones count iterations, not rounds.
 */
import type { ClearingOptions, SolverOutcome } from './clearing-types.js';
import { closeEnough, receivedPayments } from './inflows.js';
import type { LiabilityNetwork } from './liability-network.js';

export function fixedPoint(network: LiabilityNetwork, settings: ClearingOptions): SolverOutcome {
  const { obligations, externalAssets } = network;
  const n = obligations.length;
  let p = Float64Array.from(obligations);
  let next = new Float64Array(n);
  const received = new Float64Array(n);
  const defaultWave: (number | null)[] = new Array<number | null>(n).fill(null);
  let bound = 1;
  for (let i = 0; i < n; i++) bound = Math.max(bound, obligations[i]!);
  bound *= settings.tolerance;
  let previousStep = Infinity;
  for (let iteration = 1; iteration <= settings.maxIterations; iteration++) {
    receivedPayments(network, p, received);
    let step = 0;
    for (let i = 0; i < n; i++) {
      const value = Math.min(obligations[i]!, externalAssets[i]! + received[i]!);
      next[i] = value;
      step += Math.abs(value - p[i]!);
      if (defaultWave[i] === null && value < obligations[i]! * (1 - settings.tolerance)) defaultWave[i] = iteration;
    }
    [p, next] = [next, p];
    if (closeEnough(step, previousStep, bound)) {
      return { payments: p, defaultWave, iterations: iteration, innerIterations: 0, linearSolver: null, converged: true, warnings: [] };
    }
    previousStep = step;
  }
  return {
    payments: p,
    defaultWave,
    iterations: settings.maxIterations,
    innerIterations: 0,
    linearSolver: null,
    converged: false,
    warnings: [`contagion/network/fixed-point: stopped after maxIterations = ${settings.maxIterations} before reaching tolerance ${settings.tolerance}; payments are an upper bound on p*`],
  };
}
