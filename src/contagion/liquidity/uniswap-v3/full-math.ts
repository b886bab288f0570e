/**
 * Integer helpers of Uniswap v3's libraries (FullMath.sol, UnsafeMath.sol, FixedPoint96.sol in
 * Uniswap/v3-core), on `bigint`. Solidity needs 512-bit intermediate products for `mulDiv`;
 * `bigint` has no width, so each is the plain expression with the contract's rounding. Every
 * argument is a non-negative integer: the callers are the swap maths, where amounts, prices and
 * liquidity are unsigned.
 */

export const Q96 = 1n << 96n;
export const MAX_UINT256 = (1n << 256n) - 1n;
export const MAX_UINT160 = (1n << 160n) - 1n;

/** ⌊a·b / d⌋. */
export function mulDiv(a: bigint, b: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('contagion/liquidity/uniswap-v3/full-math: mulDiv by zero');
  return (a * b) / d;
}

/** ⌈a·b / d⌉. */
export function mulDivRoundingUp(a: bigint, b: bigint, d: bigint): bigint {
  const product = a * b;
  const quotient = product / d;
  return product % d === 0n ? quotient : quotient + 1n;
}

/** ⌈a / d⌉ (UnsafeMath.divRoundingUp). */
export function divRoundingUp(a: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('contagion/liquidity/uniswap-v3/full-math: divRoundingUp by zero');
  return a / d + (a % d === 0n ? 0n : 1n);
}
