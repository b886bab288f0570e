/**
 * Amounts between two sqrt prices at constant liquidity, and the price an input moves to
 * (SqrtPriceMath.sol of Uniswap/v3-core; Adams et al., "Uniswap v3 Core", 2021, §6.2.3):
 *
 *   Δx = L·(1/√Pa − 1/√Pb) = L·2^96·(√Pb − √Pa) / (√Pb·√Pa)      token0, prices in Q64.96
 *   Δy = L·(√Pb − √Pa) / 2^96                                    token1
 *
 * with the contract's rounding: amounts a trader pays round up, amounts the pool pays round down,
 * so the pool never loses a unit to rounding. All values are raw integers (Q64.96 prices, raw
 * token amounts, raw liquidity).
 */
import { divRoundingUp, MAX_UINT256, mulDiv, mulDivRoundingUp, Q96 } from './full-math.js';

const MODULE = 'contagion/liquidity/uniswap-v3/sqrt-price-math';

/** Token0 between two prices: ⌈·⌉ when the trader pays it (`roundUp`), ⌊·⌋ when the pool does. */
export function amount0Delta(sqrtA: bigint, sqrtB: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const [lower, upper] = sqrtA < sqrtB ? [sqrtA, sqrtB] : [sqrtB, sqrtA];
  if (lower <= 0n) throw new RangeError(`${MODULE}: sqrt price ${lower} is not positive`);
  const numerator1 = liquidity << 96n;
  const numerator2 = upper - lower;
  return roundUp ? divRoundingUp(mulDivRoundingUp(numerator1, numerator2, upper), lower) : mulDiv(numerator1, numerator2, upper) / lower;
}

/** Token1 between two prices, rounded as for `amount0Delta`. */
export function amount1Delta(sqrtA: bigint, sqrtB: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const [lower, upper] = sqrtA < sqrtB ? [sqrtA, sqrtB] : [sqrtB, sqrtA];
  return roundUp ? mulDivRoundingUp(liquidity, upper - lower, Q96) : mulDiv(liquidity, upper - lower, Q96);
}

/**
 * The sqrt price after `amountIn` enters the pool at liquidity L: token0 in (`zeroForOne`) lowers
 * it, √P' = L·√P / (L + Δx·√P) rounded up; token1 in raises it, √P' = √P + Δy/L rounded down. Both
 * roundings keep the price on the side that gives the trader less.
 */
export function nextSqrtPriceFromInput(sqrtPrice: bigint, liquidity: bigint, amountIn: bigint, zeroForOne: boolean): bigint {
  if (sqrtPrice <= 0n) throw new RangeError(`${MODULE}: sqrt price ${sqrtPrice} is not positive`);
  if (liquidity <= 0n) throw new RangeError(`${MODULE}: liquidity ${liquidity} is not positive`);
  if (amountIn === 0n) return sqrtPrice;
  if (zeroForOne) {
    const numerator1 = liquidity << 96n;
    const product = amountIn * sqrtPrice;
    // The contract takes the precise form while L·2^96 + amount·√P fits 256 bits, else a form that
    // cannot overflow but rounds differently; following it keeps results identical to the chain's.
    if (numerator1 + product <= MAX_UINT256) return mulDivRoundingUp(numerator1, sqrtPrice, numerator1 + product);
    return divRoundingUp(numerator1, numerator1 / sqrtPrice + amountIn);
  }
  return sqrtPrice + (amountIn << 96n) / liquidity;
}
