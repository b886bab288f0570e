/**
 * Selling an exact amount of one token into a Uniswap v3 pool, walking its initialised ticks: the
 * loop of UniswapV3Pool.swap (Uniswap/v3-core; Adams et al., "Uniswap v3 Core", 2021, §6.3) for exact input. Within a range
 * the pool is the constant-product pool of its virtual reserves; at each initialised tick the
 * active liquidity changes by `liquidityNet` (subtracted when the price moves down through it).
 *
 *   repeat while input remains and the price is not at the limit:
 *     next = nearest initialised tick in the direction of the trade (or the price limit)
 *     step = computeSwapStep(√P, √p(next), L, remaining, fee)   // in-range constant product
 *     at next: L ± liquidityNet, tick moves past it
 *
 * Amounts are raw integers and rounding is the contract's, so the output is the chain's to the
 * unit, with one difference: the contract also stops at every 256-tick bitmap word boundary, and
 * each extra step can round one unit differently. The liquidity curves' exact concentrated venue
 * (`../concentrated-exact-venue.ts`) walks its books with this.
 */
import { MAX_SQRT_RATIO, MAX_TICK, MIN_SQRT_RATIO, MIN_TICK, sqrtRatioAtTick, tickAtSqrtRatio } from './tick-math.js';
import type { InitialisedTick, TickBook } from './tick-book.js';
import { computeSwapStep } from './swap-step.js';

const MODULE = 'contagion/liquidity/uniswap-v3/swap-walk';

export interface SwapRequest {
  /** True when token0 is sold for token1 (the price falls). */
  zeroForOne: boolean;
  /** Raw amount of the sold token, fee included. */
  amountIn: bigint;
  /** Fee in millionths of the input (the pool's feeTier: 500 = 0.05%); 0 ignores fees. */
  feePips?: number;
  /** Price the swap may not pass; default: the extreme price the pool allows. */
  sqrtPriceLimitX96?: bigint;
}

export interface SwapResult {
  /** Raw input spent, fee included. */
  amountIn: bigint;
  amountOut: bigint;
  feeAmount: bigint;
  sqrtPriceX96: bigint;
  /** The pool's tick where the swap ended (as slot0.tick: `tick − 1` after stopping on a tick downwards). */
  tick: number;
  /** Active liquidity where the swap ended. */
  liquidity: bigint;
  ticksCrossed: number;
  /** True when input is left over: the price reached the limit (the book ran out of liquidity). */
  exhausted: boolean;
}

/** The nearest initialised tick at or below `tick` (selling token0) or above it (selling token1). */
function nextInitialised(ticks: readonly InitialisedTick[], tick: number, zeroForOne: boolean): InitialisedTick | null {
  let lo = 0;
  let hi = ticks.length;
  // First index whose tickIdx is > tick.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ticks[mid]!.tickIdx > tick) hi = mid;
    else lo = mid + 1;
  }
  return (zeroForOne ? ticks[lo - 1] : ticks[lo]) ?? null;
}

export function swapExactInput(book: TickBook, request: SwapRequest): SwapResult {
  const { zeroForOne } = request;
  const feePips = request.feePips ?? 0;
  const limit = request.sqrtPriceLimitX96 ?? (zeroForOne ? MIN_SQRT_RATIO + 1n : MAX_SQRT_RATIO - 1n);
  const validLimit = zeroForOne ? limit < book.sqrtPriceX96 && limit > MIN_SQRT_RATIO : limit > book.sqrtPriceX96 && limit < MAX_SQRT_RATIO;
  if (!validLimit) throw new RangeError(`${MODULE}: price limit ${limit} is not beyond the current price ${book.sqrtPriceX96} in the trade's direction`);
  if (request.amountIn < 0n) throw new RangeError(`${MODULE}: amountIn ${request.amountIn} is negative`);

  let sqrtPrice = book.sqrtPriceX96;
  let tick = book.tick;
  let liquidity = book.liquidity;
  let remaining = request.amountIn;
  let amountOut = 0n;
  let feeAmount = 0n;
  let ticksCrossed = 0;
  while (remaining > 0n && sqrtPrice !== limit) {
    const next = nextInitialised(book.ticks, tick, zeroForOne);
    const tickNext = next?.tickIdx ?? (zeroForOne ? MIN_TICK : MAX_TICK);
    const sqrtNext = sqrtRatioAtTick(tickNext);
    const target = zeroForOne ? (sqrtNext < limit ? limit : sqrtNext) : sqrtNext > limit ? limit : sqrtNext;
    const step = computeSwapStep(sqrtPrice, target, liquidity, remaining, feePips);
    remaining -= step.amountIn + step.feeAmount;
    amountOut += step.amountOut;
    feeAmount += step.feeAmount;
    const moved = step.sqrtPriceNext !== sqrtPrice;
    sqrtPrice = step.sqrtPriceNext;
    // Stopped inside the range: the input is spent or the limit reached, either way the end (the
    // contract then reads the tick off the price).
    if (sqrtPrice !== sqrtNext) {
      if (moved) tick = tickAtSqrtRatio(sqrtPrice);
      break;
    }
    if (next !== null) {
      liquidity += zeroForOne ? -next.liquidityNet : next.liquidityNet;
      if (liquidity < 0n) throw new RangeError(`${MODULE}: liquidity is negative after crossing tick ${tickNext}: the tick book is inconsistent`);
      ticksCrossed++;
    }
    tick = zeroForOne ? tickNext - 1 : tickNext;
  }
  return { amountIn: request.amountIn - remaining, amountOut, feeAmount, sqrtPriceX96: sqrtPrice, tick, liquidity, ticksCrossed, exhausted: remaining > 0n };
}
