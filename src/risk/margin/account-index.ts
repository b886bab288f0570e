/**
 * Rows grouped by account without moving them: a counting sort of a row → account column into
 * CSR form (`start[a]` … `start[a + 1]` index `order`, which lists row numbers). O(rows + accounts),
 * stable, into reusable scratch.
 */
import type { MarginScratch } from './scratch.js';

export interface AccountIndex {
  /** accountCount + 1 offsets into `order`. */
  start: Int32Array;
  /** Row numbers, grouped by account, in row order within an account. */
  order: Int32Array;
}

export function indexByAccount(account: Int32Array, accountCount: number, scratch: MarginScratch, key: string): AccountIndex {
  const start = scratch.int32(`${key}.start`, accountCount + 1);
  const order = scratch.int32(`${key}.order`, account.length);
  start.fill(0);
  for (let r = 0; r < account.length; r++) start[account[r]! + 1]!++;
  for (let a = 0; a < accountCount; a++) start[a + 1]! += start[a]!;
  const cursor = scratch.int32(`${key}.cursor`, accountCount);
  cursor.set(start.subarray(0, accountCount));
  for (let r = 0; r < account.length; r++) order[cursor[account[r]!]!++] = r;
  return { start, order };
}
