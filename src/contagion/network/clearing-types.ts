/**
 * Options and result of the Eisenberg–Noe clearing solvers (clearing.ts, fictitious-default.ts,
 * fixed-point.ts). Columns are in node order, the order of `LiabilityNetwork.ids`.
 */

/** `auto`: fictitious default when n ≤ `denseLimit`, fixed-point iteration above. */
export type ClearingMethod = 'auto' | 'fictitious-default' | 'fixed-point';

/** How the fictitious default algorithm solved each round's linear system. */
export type LinearSolver = 'dense-lu' | 'gauss-seidel';

export interface ClearingOptions {
  method: ClearingMethod;
  /**
   * Relative tolerance: a node defaults when its value falls below p̄_i·(1 − tolerance), and the
   * iterative solvers stop when their error estimate falls below tolerance·max(1, max p̄).
   */
  tolerance: number;
  /** Cap on fixed-point iterations, and on Gauss–Seidel sweeps per fictitious-default round. */
  maxIterations: number;
  /** Largest defaulting set solved densely (Gaussian elimination); larger ones by Gauss–Seidel. */
  denseLimit: number;
}

export interface ClearingResult {
  readonly method: 'fictitious-default' | 'fixed-point';
  /** Fictitious default only: how its linear systems were solved (the largest round's solver). */
  readonly linearSolver: LinearSolver | null;
  /** p*: what each node pays in total. */
  readonly payments: Float64Array;
  /** p̄: what each node owes in total. */
  readonly obligations: Float64Array;
  /** Σ_j Π_ji p*_j: what each node receives. */
  readonly received: Float64Array;
  /** 1 where p*_i < p̄_i. */
  readonly defaulted: Uint8Array;
  /**
   * The round in which a node joined the default set: for the fictitious default algorithm, EN's
   * round k (1 = defaults even if everyone else pays in full); for the fixed-point iteration, the
   * first iteration at which its payment fell short. `null` for nodes that pay in full.
   */
  readonly defaultWave: readonly (number | null)[];
  /** EN's equity value after clearing, e_i + Σ_j Π_ji p*_j − p*_i (≥ 0). */
  readonly equity: Float64Array;
  /** e_i + Σ_j Π_ji p*_j − p̄_i: negative by the unpaid shortfall of a defaulting node. */
  readonly netWorth: Float64Array;
  /** Fictitious-default rounds, or fixed-point iterations. */
  readonly iterations: number;
  /** Gauss–Seidel sweeps summed over the rounds (0 when every round was solved densely). */
  readonly innerIterations: number;
  readonly converged: boolean;
  /** max_i |p*_i − min(p̄_i, e_i + Σ_j Π_ji p*_j)|: how far p* is from a fixed point. */
  readonly residual: number;
  readonly warnings: readonly string[];
}

/** What a solver hands back to clearing.ts, which derives the rest. */
export interface SolverOutcome {
  readonly payments: Float64Array;
  readonly defaultWave: (number | null)[];
  readonly iterations: number;
  readonly innerIterations: number;
  readonly linearSolver: LinearSolver | null;
  readonly converged: boolean;
  readonly warnings: string[];
}
