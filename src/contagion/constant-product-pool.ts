/**
 * Constant-product pool of an asset against USD (x·y = k, price = y/x), the reference cascade's
 * model of DEX liquidity (Uniswap v2 style: Adams, Zinsmeister & Robinson, "Uniswap v2 Core", 2020).
 * Pure functions over reserves; no fees.
 */

export interface PoolReserves {
  /** Asset units in the pool. */
  assetReserve: number;
  /** USD in the pool. */
  usdReserve: number;
}

/**
 * Reserves after arbitrageurs trade the pool to `priceUsd` with k unchanged:
 * x = √(k/p), y = √(k·p).
 */
export function arbitrageToPrice(pool: PoolReserves, priceUsd: number): PoolReserves {
  const k = pool.assetReserve * pool.usdReserve;
  return { assetReserve: Math.sqrt(k / priceUsd), usdReserve: Math.sqrt(k * priceUsd) };
}

/** Reserves after `units` of the asset are sold into the pool (x' = x + Δ, y' = k / x'). */
export function sellIntoPool(pool: PoolReserves, units: number): PoolReserves {
  const assetReserve = pool.assetReserve + units;
  return { assetReserve, usdReserve: (pool.assetReserve * pool.usdReserve) / assetReserve };
}

export const poolPrice = (pool: PoolReserves): number => pool.usdReserve / pool.assetReserve;
