/**
 * A Messari DEX pool as one liquidity row per token, the token being the asset sold into it.
 *
 * Two tokens: the row is the constant-product pool of the real balances, x = the sold token's
 * balance, y = the other token's balance in USD: exact for Uniswap-v2-style pools. More tokens
 * (Curve 3pool, Balancer weighted pools): x = the sold token's balance, y = the USD value of all
 * the other tokens. That is an approximation: a sale into such a pool is paid out in one token,
 * drawn from that token's balance only, and the curve is the pool's own (StableSwap, weighted
 * product), not x·y = k. It keeps the pool's total depth against the sold token, which is what
 * the cascade's price impact needs, and the row says which approximation it carries.
 *
 * StableSwap pools with a known amplification coefficient A (Egorov, "StableSwap – efficient
 * mechanism for Stablecoin liquidity", 2019) are model `stableswap` with A in `extra`; they keep
 * the constant-product-equivalent reserves, which the reference cascade reads.
 */
import type { LiquidityRow } from '../../../store/index.js';

export interface DexPoolToken {
  /** Asset name in the tables. */
  asset: string;
  /** Whole tokens held by the pool. */
  balance: number;
  priceUsd: number;
}

export interface PricedDexPool {
  id: string;
  venue: string;
  protocol: string;
  name: string | null;
  tokens: DexPoolToken[];
  /** StableSwap A from the config, or null. */
  amplification: number | null;
  /** Messari's `inputTokenWeights` (percent, token order): 50/50 for constant product, e.g. 80/20 for a Balancer weighted pool. */
  weights: string[];
  /** Trading fee as a fraction of the input, when the subgraph gives a fixed one. */
  feeFraction: number | null;
  tvlUsd: number;
}

export function dexPoolRows(pool: PricedDexPool): LiquidityRow[] {
  const valuesUsd = pool.tokens.map((t) => t.balance * t.priceUsd);
  const approximation = pool.tokens.length === 2 ? 'two-token pool' : `${pool.tokens.length}-token pool: sold token against the rest of the pool's value`;
  return pool.tokens.map((token, i) => {
    const extra: Record<string, string> = {
      pool: pool.id,
      protocol: pool.protocol,
      tokens: pool.tokens.map((t) => t.asset).join(','),
      counter: pool.tokens.length === 2 ? pool.tokens[1 - i]!.asset : 'rest of pool',
      approximation,
      tvl_usd: String(pool.tvlUsd),
    };
    if (pool.name !== null) extra.pool_name = pool.name;
    if (pool.weights.length === pool.tokens.length) extra.weights = pool.weights.join(',');
    if (pool.feeFraction !== null) extra.fee_fraction = String(pool.feeFraction);
    if (pool.amplification !== null) extra.A = String(pool.amplification);
    return {
      asset: token.asset,
      venue: pool.venue,
      model: pool.amplification !== null ? 'stableswap' : 'cpmm',
      assetReserve: token.balance,
      // Summed, not total − own: a subtraction would cost the small side its precision.
      usdReserve: valuesUsd.reduce((sum, value, j) => (j === i ? sum : sum + value), 0),
      extra,
    };
  });
}
