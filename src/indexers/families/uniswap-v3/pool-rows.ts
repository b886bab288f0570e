/**
 * A Uniswap v3 pool as two liquidity rows, one per token as the asset sold into it.
 *
 * Each row is the constant-product pool with the pool's local depth: the sold token's virtual
 * reserve of the active range (x = L/√P or y = L·√P, in whole tokens) against the other token's
 * virtual reserve valued in USD at that token's price. Selling into the row's cpmm moves the price
 * exactly as the pool does until the first initialised tick; beyond it the ticks take over.
 *
 * Both rows carry the full tick book. Selling token0 walks it downwards and selling token1
 * upwards, so each row's reader needs all of it; storing it once per row keeps every row
 * self-contained (`liquidity_ticks` is keyed by asset and venue) at the cost of one copy.
 */
import type { LiquidityRow } from '../../../store/index.js';
import { virtualReserves, type TickBook } from '../../../contagion/liquidity/index.js';

export interface PoolSide {
  /** Asset name in the tables. */
  asset: string;
  decimals: number;
  priceUsd: number;
}

export interface PricedPool {
  id: string;
  feeTier: number;
  book: TickBook;
  token0: PoolSide;
  token1: PoolSide;
  tvlUsd: number;
}

export const venueOf = (poolId: string): string => `uniswap-v3:${poolId}`;

export function poolLiquidityRows(pool: PricedPool): [LiquidityRow, LiquidityRow] {
  const { book, token0, token1 } = pool;
  const { reserve0, reserve1 } = virtualReserves(book.liquidity, book.sqrtPriceX96, token0.decimals, token1.decimals);
  const common = {
    pool: pool.id,
    fee_tier: String(pool.feeTier),
    sqrt_price_x96: book.sqrtPriceX96.toString(),
    tick: String(book.tick),
    liquidity: book.liquidity.toString(),
    token0: token0.asset,
    token1: token1.asset,
    decimals0: String(token0.decimals),
    decimals1: String(token1.decimals),
    tvl_usd: String(pool.tvlUsd),
  };
  const row = (sold: 'token0' | 'token1', assetReserve: number, counter: PoolSide, counterReserve: number): LiquidityRow => ({
    asset: sold === 'token0' ? token0.asset : token1.asset,
    venue: venueOf(pool.id),
    model: 'uniswap-v3',
    assetReserve,
    usdReserve: counterReserve * counter.priceUsd,
    ticks: book.ticks.map((t) => ({ tickIdx: t.tickIdx, liquidityNet: t.liquidityNet })),
    extra: { ...common, sold, counter_asset: counter.asset, counter_price_usd: String(counter.priceUsd) },
  });
  return [row('token0', reserve0, token1, reserve1), row('token1', reserve1, token0, reserve0)];
}
