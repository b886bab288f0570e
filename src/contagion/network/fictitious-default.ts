/**
 * Eisenberg & Noe's fictitious default algorithm (Eisenberg & Noe 2001, "Systemic Risk in
 * Financial Systems", Management Science 47(2), §3), which finds the greatest clearing vector in
 * at most n rounds:
 *
 *   p⁰ = p̄, D₀ = ∅. Round k: D_k = D_{k−1} ∪ {i : e_i + Σ_j Π_ji p^{k−1}_j < p̄_i}; stop if it
 *   did not grow. Otherwise p^k solves p_i = p̄_i (i ∉ D_k), p_i = e_i + Σ_j Π_ji p_j (i ∈ D_k),
 *   i.e. (I − Π_DDᵀ) p_D = e_D + Σ_{j∉D} L_jD, a linear system in the defaulters alone.
 *
 * The sequence p^k decreases to p*, and a node's round is its default "wave": round 1 holds the
 * nodes that default even if everyone else pays in full, round k those pushed over by the
 * defaults of rounds < k. Each round's system is solved by Gaussian elimination when |D| ≤
 * `denseLimit`, else by Gauss–Seidel sweeps from p^{k−1} (monotone, from above) to `tolerance`.
 */
import type { ClearingOptions, LinearSolver, SolverOutcome } from './clearing-types.js';
import { solveDense } from './dense-solve.js';
import { byCreditor, closeEnough, receivedPayments, type ByCreditor } from './inflows.js';
import type { LiabilityNetwork } from './liability-network.js';

export function fictitiousDefault(network: LiabilityNetwork, settings: ClearingOptions): SolverOutcome {
  const { obligations, externalAssets } = network;
  const n = obligations.length;
  const p = Float64Array.from(obligations);
  const received = new Float64Array(n);
  const defaultWave: (number | null)[] = new Array<number | null>(n).fill(null);
  const members: number[] = [];
  const warnings: string[] = [];
  let rounds = 0;
  let innerIterations = 0;
  let linearSolver: LinearSolver | null = null;
  let converged = true;
  let transpose: ByCreditor | null = null;
  for (;;) {
    receivedPayments(network, p, received);
    let grew = false;
    for (let i = 0; i < n; i++) {
      if (defaultWave[i] === null && externalAssets[i]! + received[i]! < obligations[i]! * (1 - settings.tolerance)) {
        defaultWave[i] = rounds + 1;
        members.push(i);
        grew = true;
      }
    }
    if (!grew) break;
    rounds++;
    if (members.length <= settings.denseLimit) {
      solveRoundDense(network, members, p);
      if (linearSolver === null) linearSolver = 'dense-lu';
    } else {
      transpose ??= byCreditor(network);
      const sweeps = solveRoundGaussSeidel(network, transpose, members, p, settings);
      innerIterations += Math.abs(sweeps);
      linearSolver = 'gauss-seidel';
      if (sweeps < 0) {
        converged = false;
        warnings.push(`contagion/network/fictitious-default: round ${rounds}: Gauss–Seidel stopped after maxIterations = ${settings.maxIterations} sweeps before reaching tolerance ${settings.tolerance}`);
      }
    }
  }
  return { payments: p, defaultWave, iterations: rounds, innerIterations, linearSolver, converged, warnings };
}

/** Solves the round's system exactly and writes p_D, clamped to [0, p̄] against rounding. */
function solveRoundDense(network: LiabilityNetwork, members: readonly number[], p: Float64Array): void {
  const { rowStart, creditor, amount, obligations, externalAssets } = network;
  const m = members.length;
  const position = new Map<number, number>();
  members.forEach((node, slot) => position.set(node, slot));
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let slot = 0; slot < m; slot++) {
    a[slot * m + slot] = 1;
    b[slot] = externalAssets[members[slot]!]!;
  }
  for (let j = 0; j < obligations.length; j++) {
    const jSlot = position.get(j);
    for (let k = rowStart[j]!; k < rowStart[j + 1]!; k++) {
      const iSlot = position.get(creditor[k]!);
      if (iSlot === undefined) continue;
      if (jSlot === undefined) b[iSlot]! += amount[k]!; // j pays in full: Π_ji p̄_j = L_ji
      else a[iSlot * m + jSlot]! -= amount[k]! / obligations[j]!;
    }
  }
  const x = solveDense(a, b, m);
  members.forEach((node, slot) => {
    p[node] = Math.min(obligations[node]!, Math.max(0, x[slot]!));
  });
}

/** Gauss–Seidel on p_i = e_i + Σ_j Π_ji p_j for i ∈ D, in place; sweeps used (negative if capped). */
function solveRoundGaussSeidel(
  network: LiabilityNetwork,
  transpose: ByCreditor,
  members: readonly number[],
  p: Float64Array,
  settings: ClearingOptions,
): number {
  const { obligations, externalAssets } = network;
  const { colStart, debtor, share } = transpose;
  let bound = 1;
  for (const i of members) bound = Math.max(bound, obligations[i]!);
  bound *= settings.tolerance;
  let previousStep = Infinity;
  for (let sweep = 1; sweep <= settings.maxIterations; sweep++) {
    let step = 0;
    for (const i of members) {
      let value = externalAssets[i]!;
      for (let k = colStart[i]!; k < colStart[i + 1]!; k++) value += share[k]! * p[debtor[k]!]!;
      const next = Math.min(obligations[i]!, value);
      step += Math.abs(next - p[i]!);
      p[i] = next;
    }
    if (closeEnough(step, previousStep, bound)) return sweep;
    previousStep = step;
  }
  return -settings.maxIterations;
}
