/**
 * Reading a Uniswap v3 pool's state in whole-token units, as floats for the tables.
 *
 *   √P_raw = sqrtPriceX96 / 2^96                  √(raw token1 per raw token0)
 *   price  = √P_raw² · 10^(decimals0 − decimals1)  token1 per token0, whole units
 *   x = L / √P_raw,  y = L · √P_raw               virtual reserves of the active range, raw
 *
 * (Adams et al., "Uniswap v3 Core", 2021, §2 and §6.2.1). Inside the active range the pool trades exactly like a
 * constant-product pool with reserves (x, y): that pool is what a liquidity row stores.
 */

const TWO_96 = 2 ** 96;

/** √P as a float, raw units. */
export const sqrtPriceRaw = (sqrtPriceX96: bigint): number => Number(sqrtPriceX96) / TWO_96;

/** Price of one whole token0 in whole token1. */
export function sqrtPriceX96ToPrice(sqrtPriceX96: bigint, decimals0: number, decimals1: number): number {
  const root = sqrtPriceRaw(sqrtPriceX96);
  return root * root * 10 ** (decimals0 - decimals1);
}

/** Price of one whole token0 in whole token1 at the lower edge of `tick`: 1.0001^tick · 10^(d0 − d1). */
export const tickToPrice = (tick: number, decimals0: number, decimals1: number): number => Math.pow(1.0001, tick) * 10 ** (decimals0 - decimals1);

export interface VirtualReserves {
  /** Whole token0. */
  reserve0: number;
  /** Whole token1. */
  reserve1: number;
}

/** Virtual reserves of the active range in whole tokens: L/√P and L·√P, scaled by decimals. */
export function virtualReserves(liquidity: bigint, sqrtPriceX96: bigint, decimals0: number, decimals1: number): VirtualReserves {
  if (sqrtPriceX96 <= 0n) throw new RangeError(`contagion/liquidity/uniswap-v3/price-math: sqrtPriceX96 ${sqrtPriceX96} is not positive`);
  const root = sqrtPriceRaw(sqrtPriceX96);
  const l = Number(liquidity);
  return { reserve0: l / root / 10 ** decimals0, reserve1: (l * root) / 10 ** decimals1 };
}
