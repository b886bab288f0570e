/**
 * DebtRank of each node and of a set of nodes (Battiston, Puliga, Kaushik, Tasca & Caldarelli
 * (2012), "DebtRank: Too Central to Fail? Financial Networks, the FED and Systemic Risk",
 * Scientific Reports 2:541, section "DebtRank"): the economic value lost by the rest of the system
 * when a set S_f starts in distress ψ,
 *
 *   R = Σ_j h_j(T) v_j − Σ_j h_j(1) v_j,
 *
 * and, for one node i in default (S_f = {i}, ψ = 1), R_i = Σ_{j} h_j(T) v_j − v_i ∈ [0, 1 − v_i]:
 * the share of the system's economic value its default puts in distress, beyond its own.
 *
 * `variant: 'linear'` runs the linear DebtRank of Bardoscia, Battiston, Caccioli & Caldarelli
 * (2015), "DebtRank: A Microscopic Foundation for Shock Propagation", PLoS ONE 10(6): e0130406,
 * where distress reverberates (only increments pass on) and losses are not underestimated on
 * cycles. Impact matrix and values: impact-matrix.ts; dynamics: debt-rank-dynamics.ts.
 */
import { battistonDynamics, debtRankOfRun, distressScratch, linearDynamics, resetScratch } from './debt-rank-dynamics.js';
import { NetworkError } from './errors.js';
import { impactMatrix, type ImpactMatrix } from './impact-matrix.js';
import type { LiabilityNetwork } from './liability-network.js';

export type DebtRankVariant = 'battiston-2012' | 'linear';

export interface DebtRankOptions {
  variant: DebtRankVariant;
  /** Replaces v = interbank assets / total (normalised to sum 1). */
  economicValue?: ArrayLike<number>;
  /** Linear variant: stop when the largest increment of h is ≤ tolerance. */
  tolerance: number;
  /** Linear variant: cap on steps per run. */
  maxIterations: number;
}

export const DEFAULTS: DebtRankOptions = { variant: 'battiston-2012', tolerance: 1e-12, maxIterations: 10_000 };

export interface DebtRankResult {
  readonly variant: DebtRankVariant;
  /** R_i per node, in node order. */
  readonly debtRank: Float64Array;
  readonly economicValue: Float64Array;
  readonly warnings: readonly string[];
}

/** The initially distressed nodes (indices) and their distress ψ ∈ [0, 1] (default 1: default). */
export interface DistressShock {
  readonly nodes: readonly number[];
  readonly psi?: number | readonly number[];
}

export interface DistressRun {
  readonly debtRank: number;
  /** h(T) per node. */
  readonly distress: Float64Array;
  readonly steps: number;
  readonly converged: boolean;
}

const WHERE = 'contagion/network/debt-rank';

/** DebtRank of every node's default, R_i with S_f = {i}, ψ = 1. */
export function debtRank(network: LiabilityNetwork, options: Partial<DebtRankOptions> = {}): DebtRankResult {
  const settings = resolve(options);
  const { matrix, warnings } = impactMatrix(network, { cap: settings.variant === 'battiston-2012', economicValue: settings.economicValue });
  const n = network.ids.length;
  const result = new Float64Array(n);
  const scratch = distressScratch(n);
  let capped = 0;
  for (let i = 0; i < n; i++) {
    const steps = runDynamics(matrix, [i], [1], scratch, settings);
    if (steps < 0) capped++;
    result[i] = debtRankOfRun(scratch, matrix.value, [i], [1]);
    resetScratch(scratch);
  }
  if (capped > 0) warnings.push(`${WHERE}: ${capped} run(s) stopped at maxIterations = ${settings.maxIterations} before the increments fell below ${settings.tolerance}`);
  return { variant: settings.variant, debtRank: result, economicValue: matrix.value, warnings };
}

/** DebtRank R of a set of nodes in initial distress ψ, with the final distress of every node. */
export function debtRankOfSet(
  network: LiabilityNetwork,
  shock: DistressShock,
  options: Partial<DebtRankOptions> = {},
): DistressRun & { readonly economicValue: Float64Array; readonly warnings: readonly string[] } {
  const settings = resolve(options);
  const { matrix, warnings } = impactMatrix(network, { cap: settings.variant === 'battiston-2012', economicValue: settings.economicValue });
  const run = distressRun(matrix, shock, settings);
  if (!run.converged) warnings.push(`${WHERE}: stopped at maxIterations = ${settings.maxIterations} before the increments fell below ${settings.tolerance}`);
  return { ...run, economicValue: matrix.value, warnings };
}

/** One DebtRank run on a prepared impact matrix (for matrices not built from a network). */
export function distressRun(matrix: ImpactMatrix, shock: DistressShock, options: Partial<DebtRankOptions> = {}): DistressRun {
  const settings = resolve(options);
  const n = matrix.value.length;
  const { nodes } = shock;
  const psi = typeof shock.psi === 'number' || shock.psi === undefined ? nodes.map(() => (shock.psi as number | undefined) ?? 1) : [...shock.psi];
  if (psi.length !== nodes.length) throw new NetworkError(`${WHERE}: shock.psi: has ${psi.length} entries for ${nodes.length} nodes`);
  const seen = new Set<number>();
  nodes.forEach((i, k) => {
    if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new NetworkError(`${WHERE}: shock.nodes[${k}]: index ${i} outside 0…${n - 1}`);
    if (seen.has(i)) throw new NetworkError(`${WHERE}: shock.nodes[${k}]: node ${i} listed twice`);
    seen.add(i);
    if (!(psi[k]! >= 0 && psi[k]! <= 1)) throw new NetworkError(`${WHERE}: shock.psi[${k}]: must be in [0, 1], got ${psi[k]}`);
  });
  const scratch = distressScratch(n);
  const steps = runDynamics(matrix, nodes, psi, scratch, settings);
  const debtRankValue = debtRankOfRun(scratch, matrix.value, nodes, psi);
  return { debtRank: debtRankValue, distress: Float64Array.from(scratch.h), steps: Math.abs(steps), converged: steps >= 0 };
}

function runDynamics(matrix: ImpactMatrix, nodes: readonly number[], psi: readonly number[], scratch: ReturnType<typeof distressScratch>, settings: DebtRankOptions): number {
  return settings.variant === 'linear'
    ? linearDynamics(matrix, nodes, psi, scratch, settings.tolerance, settings.maxIterations)
    : battistonDynamics(matrix, nodes, psi, scratch);
}

function resolve(options: Partial<DebtRankOptions>): DebtRankOptions {
  const settings: DebtRankOptions = { ...DEFAULTS, ...options };
  if (settings.variant !== 'battiston-2012' && settings.variant !== 'linear') {
    throw new NetworkError(`${WHERE}: option variant must be battiston-2012 or linear, got ${JSON.stringify(settings.variant)}`);
  }
  if (!(settings.tolerance > 0 && settings.tolerance < 1)) throw new NetworkError(`${WHERE}: option tolerance must be in (0, 1), got ${settings.tolerance}`);
  if (!(Number.isInteger(settings.maxIterations) && settings.maxIterations >= 1)) {
    throw new NetworkError(`${WHERE}: option maxIterations must be a whole number ≥ 1, got ${settings.maxIterations}`);
  }
  return settings;
}
