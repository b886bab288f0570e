/**
 * The two sparse products the Eisenberg–Noe solvers are built from (Eisenberg & Noe 2001, §2):
 * received = Πᵀp, i.e. received_j = Σ_i Π_ij p_i = Σ_i (L_ij / p̄_i) p_i, and the clearing map
 * Φ(p) = min(p̄, e + Πᵀp) whose greatest fixed point is the clearing vector p*. A node with
 * p̄_i = 0 has no Π row and contributes nothing.
 *
 * Also the by-creditor transpose, which Gauss–Seidel needs to update one node from its debtors.
 */
import type { LiabilityNetwork } from './liability-network.js';

/** Writes Πᵀp into `out` (length n) and returns it. */
export function receivedPayments(network: LiabilityNetwork, p: Float64Array, out: Float64Array): Float64Array {
  const { rowStart, creditor, amount, obligations } = network;
  out.fill(0);
  for (let i = 0; i < obligations.length; i++) {
    const owed = obligations[i]!;
    if (owed === 0) continue;
    const share = p[i]! / owed;
    if (share === 0) continue;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) out[creditor[k]!]! += amount[k]! * share;
  }
  return out;
}

/** max_i |p_i − Φ(p)_i|, with `scratch` a length-n buffer. */
export function fixedPointResidual(network: LiabilityNetwork, p: Float64Array, scratch: Float64Array): number {
  receivedPayments(network, p, scratch);
  let residual = 0;
  for (let i = 0; i < p.length; i++) {
    const mapped = Math.min(network.obligations[i]!, network.externalAssets[i]! + scratch[i]!);
    residual = Math.max(residual, Math.abs(p[i]! - mapped));
  }
  return residual;
}

/** Π by creditor (CSC): for node j, its debtors `debtor[k]` and shares Π_ij = `share[k]`. */
export interface ByCreditor {
  readonly colStart: Int32Array;
  readonly debtor: Int32Array;
  readonly share: Float64Array;
}

export function byCreditor(network: LiabilityNetwork): ByCreditor {
  const { rowStart, creditor, amount, obligations } = network;
  const n = obligations.length;
  const colStart = new Int32Array(n + 1);
  for (let k = 0; k < creditor.length; k++) colStart[creditor[k]! + 1]!++;
  for (let j = 0; j < n; j++) colStart[j + 1]! += colStart[j]!;
  const fill = colStart.slice(0, n);
  const debtor = new Int32Array(creditor.length);
  const share = new Float64Array(creditor.length);
  for (let i = 0; i < n; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const slot = fill[creditor[k]!]!++;
      debtor[slot] = i;
      share[slot] = amount[k]! / obligations[i]!;
    }
  }
  return { colStart, debtor, share };
}

/**
 * Stopping rule for a linearly converging iteration: with step δ_k (in the 1-norm, where Πᵀ is a
 * contraction or nearly one, so steps never grow) and ratio r = δ_k / δ_{k−1} < 1, the distance to
 * the limit is about δ_k·r / (1 − r). True when that estimate (or the step, once it is 0) is within
 * `bound`; never on the first step.
 */
export function closeEnough(step: number, previousStep: number, bound: number): boolean {
  if (step === 0) return true;
  if (!(previousStep > 0 && previousStep < Infinity)) return false;
  const ratio = step / previousStep;
  if (!(ratio < 1)) return false;
  return (step * ratio) / (1 - ratio) <= bound;
}
