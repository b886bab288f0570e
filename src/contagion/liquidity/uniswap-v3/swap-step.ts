/**
 * One step of an exact-input swap within a single liquidity range (SwapMath.computeSwapStep of
 * Uniswap/v3-core, exact-input branch): from price √P towards `sqrtTarget` (the next initialised
 * tick or the caller's limit) at constant liquidity L, spending at most `amountRemaining`.
 *
 * The fee is taken from the input first (`feePips` in millionths: 500 = 0.05%); if what is left
 * reaches the target, the step ends there and the fee is charged on the input used; otherwise the
 * whole remainder is spent inside the range and whatever the input did not buy is the fee.
 */
import { mulDiv, mulDivRoundingUp } from './full-math.js';
import { amount0Delta, amount1Delta, nextSqrtPriceFromInput } from './sqrt-price-math.js';

export const FEE_DENOMINATOR = 1_000_000n;

export interface SwapStep {
  /** Sqrt price (Q64.96) where the step ends. */
  sqrtPriceNext: bigint;
  /** Input that moved the price, excluding the fee. */
  amountIn: bigint;
  amountOut: bigint;
  feeAmount: bigint;
}

export function computeSwapStep(sqrtPrice: bigint, sqrtTarget: bigint, liquidity: bigint, amountRemaining: bigint, feePips: number): SwapStep {
  if (!Number.isInteger(feePips) || feePips < 0 || feePips >= 1_000_000) {
    throw new RangeError(`contagion/liquidity/uniswap-v3/swap-step: fee ${feePips} pips is not an integer in 0..999999`);
  }
  const fee = BigInt(feePips);
  const zeroForOne = sqrtPrice >= sqrtTarget;
  const remainingLessFee = mulDiv(amountRemaining, FEE_DENOMINATOR - fee, FEE_DENOMINATOR);
  const inToTarget = zeroForOne ? amount0Delta(sqrtTarget, sqrtPrice, liquidity, true) : amount1Delta(sqrtPrice, sqrtTarget, liquidity, true);
  const sqrtPriceNext =
    remainingLessFee >= inToTarget ? sqrtTarget : nextSqrtPriceFromInput(sqrtPrice, liquidity, remainingLessFee, zeroForOne);
  // Like the contract, "reached the target" is decided by the prices, not by the comparison above:
  // a remainder too small to move the price at all is then kept whole as the fee, as on chain.
  const reached = sqrtPriceNext === sqrtTarget;
  const amountIn = reached
    ? inToTarget
    : zeroForOne
      ? amount0Delta(sqrtPriceNext, sqrtPrice, liquidity, true)
      : amount1Delta(sqrtPrice, sqrtPriceNext, liquidity, true);
  const amountOut = zeroForOne ? amount1Delta(sqrtPriceNext, sqrtPrice, liquidity, false) : amount0Delta(sqrtPrice, sqrtPriceNext, liquidity, false);
  const feeAmount = reached ? mulDivRoundingUp(amountIn, fee, FEE_DENOMINATOR - fee) : amountRemaining - amountIn;
  return { sqrtPriceNext, amountIn, amountOut, feeAmount };
}
