/**
 * The liquidity book of one Uniswap v3 pool at one block: its price, current tick, active
 * liquidity and initialised ticks, and the checks that make it a book a swap can be walked on.
 *
 * A position [a, b) with liquidity ℓ adds +ℓ to `liquidityNet` at tick a and −ℓ at tick b, so
 * (Adams et al., "Uniswap v3 Core", 2021, §6.3): the active liquidity is the sum of `liquidityNet` over the initialised ticks
 * at or below the current tick; every prefix of that sum is ≥ 0; the sum over all ticks is 0; and
 * the price lies in the current tick's range, √p(tick) ≤ √P ≤ √p(tick + 1) (equal to the upper end
 * after a downward swap stopped exactly on a tick, which the pool records as tick − 1).
 * A book that fails any of these was read inconsistently (ticks from one state, pool from another)
 * and no depth computed from it can be trusted.
 */
import { MAX_TICK, MIN_TICK, sqrtRatioAtTick } from './tick-math.js';

export interface InitialisedTick {
  tickIdx: number;
  /** Raw int128: what crossing this tick upwards adds to the active liquidity. */
  liquidityNet: bigint;
}

export interface TickBook {
  /** √(token1/token0) in raw units, Q64.96 (the pool's `sqrtPrice`). */
  sqrtPriceX96: bigint;
  /** The pool's current tick (slot0.tick). */
  tick: number;
  /** Raw liquidity L of the current range. */
  liquidity: bigint;
  /** Initialised ticks, ascending by index. */
  ticks: readonly InitialisedTick[];
}

/** Null when the book is consistent, else what is wrong with it. */
export function tickBookProblem(book: TickBook): string | null {
  const { ticks } = book;
  for (let i = 0; i < ticks.length; i++) {
    const idx = ticks[i]!.tickIdx;
    if (!Number.isInteger(idx) || idx < MIN_TICK || idx > MAX_TICK) return `tick ${idx} is outside ${MIN_TICK}..${MAX_TICK}`;
    if (i > 0 && ticks[i - 1]!.tickIdx >= idx) return `ticks are not strictly ascending at tick ${idx}`;
  }
  if (!Number.isInteger(book.tick) || book.tick < MIN_TICK || book.tick >= MAX_TICK) return `current tick ${book.tick} is outside ${MIN_TICK}..${MAX_TICK - 1}`;
  const lower = sqrtRatioAtTick(book.tick);
  const upper = sqrtRatioAtTick(book.tick + 1);
  if (book.sqrtPriceX96 < lower || book.sqrtPriceX96 > upper) {
    return `sqrtPrice ${book.sqrtPriceX96} is outside the range of tick ${book.tick} [${lower}, ${upper}]`;
  }
  let running = 0n;
  let active: bigint | null = null;
  for (const { tickIdx, liquidityNet } of ticks) {
    if (active === null && tickIdx > book.tick) active = running;
    running += liquidityNet;
    if (running < 0n) return `liquidity below tick ${tickIdx} would be negative (${running})`;
  }
  active ??= running;
  if (running !== 0n) return `liquidityNet sums to ${running} over all ticks, not 0 (a position's upper tick is missing)`;
  if (active !== book.liquidity) {
    return `active liquidity ${book.liquidity} differs from the sum of liquidityNet at or below tick ${book.tick}, ${active}`;
  }
  return null;
}
