/**
 * Gaussian elimination with partial pivoting for one dense m × m system A x = b, the exact solve
 * inside each round of the fictitious default algorithm (Eisenberg & Noe 2001, §3). The systems
 * there are I − Π_DDᵀ for a default set D that never contains a closed group of nodes (one that
 * owes nothing outside itself), so they are nonsingular M-matrices; a zero pivot means the input
 * broke that, and is reported rather than divided by.
 *
 * Row-major `a` (overwritten) and `b` (overwritten with x). O(m³/3) flops: the caller keeps m
 * under `denseLimit` and hands larger systems to Gauss–Seidel.
 */
import { NetworkError } from './errors.js';

export function solveDense(a: Float64Array, b: Float64Array, m: number): Float64Array {
  for (let col = 0; col < m; col++) {
    let pivotRow = col;
    let pivotSize = Math.abs(a[col * m + col]!);
    for (let r = col + 1; r < m; r++) {
      const size = Math.abs(a[r * m + col]!);
      if (size > pivotSize) {
        pivotSize = size;
        pivotRow = r;
      }
    }
    if (pivotSize === 0) {
      throw new NetworkError(`contagion/network/dense-solve: singular system at column ${col} of ${m}: a group of defaulting nodes owes nothing outside itself and has no external assets`);
    }
    if (pivotRow !== col) {
      for (let c = col; c < m; c++) {
        const t = a[col * m + c]!;
        a[col * m + c] = a[pivotRow * m + c]!;
        a[pivotRow * m + c] = t;
      }
      const t = b[col]!;
      b[col] = b[pivotRow]!;
      b[pivotRow] = t;
    }
    const pivot = a[col * m + col]!;
    for (let r = col + 1; r < m; r++) {
      const factor = a[r * m + col]! / pivot;
      if (factor === 0) continue;
      for (let c = col + 1; c < m; c++) a[r * m + c]! -= factor * a[col * m + c]!;
      b[r]! -= factor * b[col]!;
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    let sum = b[r]!;
    for (let c = r + 1; c < m; c++) sum -= a[r * m + c]! * b[c]!;
    b[r] = sum / a[r * m + r]!;
  }
  return b;
}
