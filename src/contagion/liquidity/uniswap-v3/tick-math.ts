/**
 * Tick ↔ sqrt price (Adams et al., "Uniswap v3 Core", 2021, §6.1: p(i) = 1.0001^i, so √p(i) = 1.0001^(i/2)).
 *
 * `sqrtRatioAtTick` is TickMath.getSqrtRatioAtTick of Uniswap/v3-core bit for bit: the Q128.128
 * product of the precomputed 1/√1.0001^(2^k) constants for the bits of |tick|, inverted for
 * positive ticks, rounded up to Q64.96. The swap maths must use it, not the float formula, because
 * a swap stops at the contract's boundary prices to the last unit. `sqrtPriceAtTick` is the float
 * formula, for reading and for tests.
 */
import { MAX_UINT256 } from './full-math.js';

export const MIN_TICK = -887272;
export const MAX_TICK = 887272;
/** sqrtRatioAtTick(MIN_TICK) and sqrtRatioAtTick(MAX_TICK): the range a pool's price lives in. */
export const MIN_SQRT_RATIO = 4295128739n;
export const MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342n;

// 2^128 / √1.0001^(2^k) for k = 1…19, as in TickMath.sol (k = 0 seeds the product below).
const FACTORS: readonly bigint[] = [
  0xfff97272373d413259a46990580e213an, 0xfff2e50f5f656932ef12357cf3c7fdccn, 0xffe5caca7e10e4e61c3624eaa0941cd0n,
  0xffcb9843d60f6159c9db58835c926644n, 0xff973b41fa98c081472e6896dfb254c0n, 0xff2ea16466c96a3843ec78b326b52861n,
  0xfe5dee046a99a2a811c461f1969c3053n, 0xfcbe86c7900a88aedcffc83b479aa3a4n, 0xf987a7253ac413176f2b074cf7815e54n,
  0xf3392b0822b70005940c7a398e4b70f3n, 0xe7159475a2c29b7443b29c7fa6e889d9n, 0xd097f3bdfd2022b8845ad8f792aa5825n,
  0xa9f746462d870fdf8a65dc1f90e061e5n, 0x70d869a156d2a1b890bb3df62baf32f7n, 0x31be135f97d08fd981231505542fcfa6n,
  0x9aa508b5b7a84e1c677de54f3e99bc9n, 0x5d6af8dedb81196699c329225ee604n, 0x2216e584f5fa1ea926041bedfe98n,
  0x48a170391f7dc42444e8fa2n,
];

/** √(1.0001^tick) as a Q64.96 integer, exactly as the pool contract computes it. */
export function sqrtRatioAtTick(tick: number): bigint {
  if (!Number.isInteger(tick) || Math.abs(tick) > MAX_TICK) {
    throw new RangeError(`contagion/liquidity/uniswap-v3/tick-math: tick ${tick} is not an integer in ${MIN_TICK}..${MAX_TICK}`);
  }
  const absTick = Math.abs(tick);
  let ratio = (absTick & 1) !== 0 ? 0xfffcb933bd6fad37aa2d162d1a594001n : 1n << 128n;
  FACTORS.forEach((factor, index) => {
    if ((absTick & (2 << index)) !== 0) ratio = (ratio * factor) >> 128n;
  });
  if (tick > 0) ratio = MAX_UINT256 / ratio;
  // Q128.128 → Q64.96, rounding up so that the tick of the result is the tick given.
  return (ratio >> 32n) + (ratio % (1n << 32n) === 0n ? 0n : 1n);
}

/**
 * The greatest tick whose sqrt ratio is ≤ `sqrtPriceX96` (TickMath.getTickAtSqrtRatio). Found by
 * bisection over `sqrtRatioAtTick`, which is strictly increasing, so the answer is the contract's
 * exactly (the contract reaches it through a fixed-point log2 and the same final check).
 */
export function tickAtSqrtRatio(sqrtPriceX96: bigint): number {
  if (sqrtPriceX96 < MIN_SQRT_RATIO || sqrtPriceX96 >= MAX_SQRT_RATIO) {
    throw new RangeError(`contagion/liquidity/uniswap-v3/tick-math: sqrt price ${sqrtPriceX96} is outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO)`);
  }
  // Invariant: sqrtRatioAtTick(lo) ≤ sqrtPriceX96 < sqrtRatioAtTick(hi).
  let lo = MIN_TICK;
  let hi = MAX_TICK;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (sqrtRatioAtTick(mid) <= sqrtPriceX96) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** √(1.0001^tick) as a float: the price ratio of raw token1 per raw token0, square-rooted. */
export const sqrtPriceAtTick = (tick: number): number => Math.pow(1.0001, tick / 2);
