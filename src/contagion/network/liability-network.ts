/**
 * The liabilities network every solver in this folder reads, built once from edge triplets.
 *
 * Eisenberg & Noe (2001), "Systemic Risk in Financial Systems", Management Science 47(2) 236–249,
 * §2: n nodes, nominal liabilities L (L_ij = what i owes j, L_ii = 0), external assets e ≥ 0, total
 * obligations p̄_i = Σ_j L_ij and relative liabilities Π_ij = L_ij / p̄_i. Π's row i is undefined
 * when p̄_i = 0: such a node pays nothing and cannot default (the solvers treat the row as zero).
 *
 * Columnar and sparse: L is stored row by debtor (CSR), `rowStart[i] … rowStart[i + 1] − 1` index
 * the creditors and amounts of node i, creditors ascending; duplicate edges are summed, zeros
 * dropped. `equity` is the capital DebtRank divides by (Battiston et al. 2012): the input's where
 * given, else book equity before clearing, e_i + Σ_j L_ji − p̄_i.
 */
import { NetworkError } from './errors.js';

const WHERE = 'contagion/network/liability-network';

export interface LiabilityNetwork {
  readonly ids: readonly string[];
  readonly externalAssets: Float64Array;
  readonly rowStart: Int32Array;
  readonly creditor: Int32Array;
  readonly amount: Float64Array;
  /** p̄_i = Σ_j L_ij. */
  readonly obligations: Float64Array;
  /** Σ_j L_ji: what the others owe node i (its interbank assets). */
  readonly claims: Float64Array;
  readonly equity: Float64Array;
  /** 1 where `equity` came from the input, 0 where it is book equity. */
  readonly equityGiven: Uint8Array;
  readonly warnings: readonly string[];
}

/** Liabilities as parallel columns: `from[k]` owes `to[k]` the amount `amount[k]` (node indices). */
export interface LiabilityEdges {
  readonly from: ArrayLike<number>;
  readonly to: ArrayLike<number>;
  readonly amount: ArrayLike<number>;
}

export interface LiabilityNetworkInput {
  readonly ids: readonly string[];
  readonly externalAssets: ArrayLike<number>;
  readonly edges: LiabilityEdges;
  /** Capital per node for DebtRank; `null`/missing entries fall back to book equity. */
  readonly equity?: readonly (number | null | undefined)[];
}

/** Checks the columns and builds the CSR network; throws a `NetworkError` naming the field. */
export function liabilityNetwork(input: LiabilityNetworkInput): LiabilityNetwork {
  const { ids, edges } = input;
  const n = ids.length;
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new NetworkError(`${WHERE}: ids[${i}]: duplicate id "${id}" (also ids[${seen.get(id)}])`);
    seen.set(id, i);
  });
  if (input.externalAssets.length !== n) throw new NetworkError(`${WHERE}: externalAssets: has ${input.externalAssets.length} entries for ${n} nodes`);
  const externalAssets = Float64Array.from(input.externalAssets);
  externalAssets.forEach((e, i) => {
    if (!(e >= 0 && e < Infinity)) throw new NetworkError(`${WHERE}: externalAssets[${i}] (node "${ids[i]}"): must be a finite number ≥ 0, got ${e}`);
  });
  const m = edges.from.length;
  if (edges.to.length !== m || edges.amount.length !== m) {
    throw new NetworkError(`${WHERE}: edges: from, to and amount have ${m}, ${edges.to.length} and ${edges.amount.length} entries`);
  }
  const count = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    const from = edges.from[k]!;
    const to = edges.to[k]!;
    const amount = edges.amount[k]!;
    if (!(Number.isInteger(from) && from >= 0 && from < n)) throw new NetworkError(`${WHERE}: edges[${k}].from: index ${from} outside 0…${n - 1}`);
    if (!(Number.isInteger(to) && to >= 0 && to < n)) throw new NetworkError(`${WHERE}: edges[${k}].to: index ${to} outside 0…${n - 1}`);
    if (!(amount >= 0 && amount < Infinity)) throw new NetworkError(`${WHERE}: edges[${k}].amount: must be a finite number ≥ 0, got ${amount}`);
    if (from === to && amount > 0) throw new NetworkError(`${WHERE}: edges[${k}]: node "${ids[from]}" cannot owe itself`);
    if (amount > 0) count[from + 1]!++;
  }
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  const order = new Int32Array(count[n]!);
  const fill = count.slice(0, n);
  for (let k = 0; k < m; k++) if (edges.amount[k]! > 0) order[fill[edges.from[k]!]!++] = k;

  const rowStart = new Int32Array(n + 1);
  const creditorList: number[] = [];
  const amountList: number[] = [];
  let duplicates = 0;
  for (let i = 0; i < n; i++) {
    const row = Array.from(order.subarray(count[i]!, count[i + 1]!)).sort((a, b) => edges.to[a]! - edges.to[b]!);
    for (const k of row) {
      const to = edges.to[k]!;
      if (creditorList.length > rowStart[i]! && creditorList[creditorList.length - 1] === to) {
        amountList[amountList.length - 1]! += edges.amount[k]!;
        duplicates++;
      } else {
        creditorList.push(to);
        amountList.push(edges.amount[k]!);
      }
    }
    rowStart[i + 1] = creditorList.length;
  }
  const creditor = Int32Array.from(creditorList);
  const amount = Float64Array.from(amountList);
  const obligations = new Float64Array(n);
  const claims = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      obligations[i]! += amount[k]!;
      claims[creditor[k]!]! += amount[k]!;
    }
  }
  const equity = new Float64Array(n);
  const equityGiven = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const given = input.equity?.[i];
    if (given === null || given === undefined) {
      equity[i] = externalAssets[i]! + claims[i]! - obligations[i]!;
    } else {
      if (!Number.isFinite(given)) throw new NetworkError(`${WHERE}: equity[${i}] (node "${ids[i]}"): must be a finite number, got ${given}`);
      equity[i] = given;
      equityGiven[i] = 1;
    }
  }
  const warnings = duplicates > 0 ? [`${WHERE}: ${duplicates} duplicate edge(s) (same debtor and creditor): their amounts were summed`] : [];
  return { ids, externalAssets, rowStart, creditor, amount, obligations, claims, equity, equityGiven, warnings };
}

/** The edges of a dense matrix, `matrix[i][j]` = what i owes j (zeros skipped). */
export function denseEdges(matrix: readonly (readonly number[])[]): LiabilityEdges {
  const from: number[] = [];
  const to: number[] = [];
  const amount: number[] = [];
  matrix.forEach((row, i) => row.forEach((value, j) => {
    if (value !== 0) {
      from.push(i);
      to.push(j);
      amount.push(value);
    }
  }));
  return { from, to, amount };
}
