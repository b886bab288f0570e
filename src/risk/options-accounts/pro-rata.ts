/**
 * Splits an integer number of cents pro rata to integer weights so that the parts add up to the
 * total exactly: the largest-remainder (Hamilton) method. Each part gets ⌊total·w_i / W⌋ and the
 * cents left over go one each to the largest fractional remainders (ties: lower index first).
 * Products are taken in `bigint`, so weights and totals up to 2^53 cents are exact.
 */
import { OptionsAccountError } from './errors.js';

/** Parts (cents) of `total` in proportion to `weights` (cents, ≥ 0, not all 0 unless total is 0). */
export function splitProRata(total: number, weights: Float64Array, record: string): Float64Array {
  const n = weights.length;
  const parts = new Float64Array(n);
  if (total === 0) return parts;
  let W = 0n;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(Number.isSafeInteger(w) && w >= 0)) throw new OptionsAccountError(`${record}: weight ${i} must be a non-negative whole number of cents, got ${w}`);
    W += BigInt(w);
  }
  if (!(Number.isSafeInteger(total) && total > 0)) throw new OptionsAccountError(`${record}: total must be a non-negative whole number of cents, got ${total}`);
  if (W === 0n) throw new OptionsAccountError(`${record}: cannot split ${total} cents over zero weights`);
  const T = BigInt(total);
  let given = 0n;
  const remainders: { i: number; r: bigint }[] = [];
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    const product = T * BigInt(weights[i]!);
    const q = product / W;
    parts[i] = Number(q);
    given += q;
    remainders.push({ i, r: product % W });
  }
  let left = Number(T - given);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) parts[remainders[k]!.i]! += 1;
  return parts;
}
