/**
 * One pool's tick book from its subgraph items, checked. A book that fails `tickBookProblem` is
 * an error naming the pool and the block: the subgraph's ticks and pool state disagree at that
 * block (a subgraph bug, or ticks of a pool the selection did not read in full), and a depth curve
 * walked on it would be wrong in ways no later check can see.
 */
import { IndexerError } from '../../errors.js';
import type { PoolItem, TickItem } from './items.js';
import { tickBookProblem, type TickBook } from '../../../contagion/liquidity/index.js';

/** Ticks grouped by pool id (lower case), each list sorted by tick index. */
export function ticksByPool(ticks: readonly TickItem[]): Map<string, TickItem[]> {
  const byPool = new Map<string, TickItem[]>();
  for (const tick of ticks) {
    const pool = tick.pool.id.toLowerCase();
    byPool.set(pool, [...(byPool.get(pool) ?? []), tick]);
  }
  for (const list of byPool.values()) list.sort((a, b) => Number(a.tickIdx) - Number(b.tickIdx));
  return byPool;
}

/** The pool's book; `pool.tick` must not be null (an uninitialised pool has no price). */
export function poolBook(source: string, pool: PoolItem, ticks: readonly TickItem[], block: number): TickBook {
  const book: TickBook = {
    sqrtPriceX96: BigInt(pool.sqrtPrice),
    tick: Number(pool.tick),
    liquidity: BigInt(pool.liquidity),
    ticks: ticks.map((t) => ({ tickIdx: Number(t.tickIdx), liquidityNet: BigInt(t.liquidityNet) })),
  };
  const problem = tickBookProblem(book);
  if (problem !== null) {
    throw new IndexerError(`pool ${pool.id}: tick book inconsistent at block ${block} (${ticks.length} initialised ticks read): ${problem}`, {
      source,
      entity: 'ticks',
    });
  }
  return book;
}
