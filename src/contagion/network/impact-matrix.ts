/**
 * DebtRank's impact matrix and economic values, from a liabilities network.
 *
 * Battiston, Puliga, Kaushik, Tasca & Caldarelli (2012), "DebtRank: Too Central to Fail?
 * Financial Networks, the FED and Systemic Risk", Scientific Reports 2:541, section "DebtRank":
 * with A_ij "the amount invested by j in funding i" (j's exposure to i) and E_j j's capital,
 *
 *   W_ij = min(1, A_ij / E_j)        the impact of i's default on j,
 *   v_i  = A_i / Σ_j A_j             i's relative economic value, A_i = Σ_l A_li its interbank assets.
 *
 * Here A_ij = L_ij (what i owes j is what j has lent i), so W shares the network's CSR rows: row i
 * lists i's creditors. E is `network.equity` (given, or book equity). A node with E_j ≤ 0 is
 * already insolvent: any exposure of it gets W_ij = 1, with a warning. The paper allows other
 * proxies for v; `economicValue` replaces it (normalised to sum 1).
 *
 * Bardoscia, Battiston, Caccioli & Caldarelli (2015), "DebtRank: A Microscopic Foundation for
 * Shock Propagation", PLoS ONE 10(6): e0130406, use the interbank leverage matrix
 * Λ_ji = A_ij / E_j without the cap (`cap: false`): the cap moves to the distress h ≤ 1.
 */
import { NetworkError } from './errors.js';
import type { LiabilityNetwork } from './liability-network.js';

const WHERE = 'contagion/network/impact-matrix';

export interface ImpactMatrix {
  /** Row i (the distressed node) spans rowStart[i] … rowStart[i + 1] − 1. */
  readonly rowStart: Int32Array;
  /** The node hit: a creditor of the row's node. */
  readonly target: Int32Array;
  readonly weight: Float64Array;
  /** v, summing to 1 (or all 0 when nothing is exposed). */
  readonly value: Float64Array;
}

export interface ImpactOptions {
  /** min(1, ·) on each weight: Battiston et al. 2012 (true) or Bardoscia et al. 2015 (false). */
  readonly cap: boolean;
  readonly economicValue?: ArrayLike<number>;
}

export function impactMatrix(network: LiabilityNetwork, options: ImpactOptions): { matrix: ImpactMatrix; warnings: string[] } {
  const { rowStart, creditor, amount, equity, claims, ids } = network;
  const n = ids.length;
  const warnings: string[] = [];
  const weight = new Float64Array(amount.length);
  const insolvent = new Set<number>();
  for (let k = 0; k < amount.length; k++) {
    const j = creditor[k]!;
    if (equity[j]! <= 0) {
      weight[k] = 1;
      insolvent.add(j);
    } else {
      const w = amount[k]! / equity[j]!;
      weight[k] = options.cap ? Math.min(1, w) : w;
    }
  }
  if (insolvent.size > 0) {
    const named = [...insolvent].slice(0, 5).map((j) => `"${ids[j]}" (${equity[j]})`).join(', ');
    warnings.push(`${WHERE}: ${insolvent.size} exposed node(s) with equity ≤ 0 before any shock, ${named}${insolvent.size > 5 ? ', …' : ''}: any loss wipes them out (W = 1)`);
  }

  const raw = options.economicValue ?? claims;
  if (raw.length !== n) throw new NetworkError(`${WHERE}: economicValue: has ${raw.length} entries for ${n} nodes`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = raw[i]!;
    if (!(v >= 0 && v < Infinity)) throw new NetworkError(`${WHERE}: economicValue[${i}] (node "${ids[i]}"): must be a finite number ≥ 0, got ${v}`);
    total += v;
  }
  const value = new Float64Array(n);
  if (total > 0) for (let i = 0; i < n; i++) value[i] = raw[i]! / total;
  else warnings.push(`${WHERE}: every economic value is 0 (no interbank assets): every DebtRank is 0`);
  return { matrix: { rowStart, target: creditor, weight, value }, warnings };
}
