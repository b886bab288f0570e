/**
 * The items the Uniswap v3 queries return (queries/subgraphs/uniswap-v3/*.graphql), as zod
 * schemas: what the engine validates each page with and what `normalize` parses again. Field
 * types follow Uniswap/v3-subgraph `schema.graphql` (queries/subgraphs/schemas/uniswap-v3.schema.graphql):
 * `Token.decimals`, `Pool.liquidity`, `Pool.sqrtPrice`, `Pool.tick`, `Tick.tickIdx` and
 * `Tick.liquidityNet` are `BigInt` (strings; `liquidityNet` is a signed int128), prices and TVLs
 * `BigDecimal`; `Pool.tick` is null until the pool is initialised.
 */
import { z } from 'zod';
import { bigDecimalText, bigIntText, entityRef, hexBytes, rawAmount } from '../shared/subgraph-fields.js';

const token = z.object({
  id: hexBytes,
  symbol: z.string(),
  decimals: bigIntText,
  /** Price in ETH (the chain's native token) as the subgraph derives it; "0" when it cannot. */
  derivedETH: bigDecimalText,
});

export const poolItem = z.object({
  id: hexBytes,
  feeTier: bigIntText,
  liquidity: rawAmount,
  sqrtPrice: rawAmount,
  tick: bigIntText.nullable(),
  token0: token,
  token1: token,
  totalValueLockedToken0: bigDecimalText,
  totalValueLockedToken1: bigDecimalText,
  totalValueLockedUSD: bigDecimalText,
});
export type PoolItem = z.infer<typeof poolItem>;

export const tickItem = z.object({
  /** "<pool address>#<tick index>". */
  id: z.string().min(1),
  pool: entityRef,
  tickIdx: bigIntText,
  liquidityNet: bigIntText,
  liquidityGross: rawAmount,
});
export type TickItem = z.infer<typeof tickItem>;

export const bundleItem = z.object({
  id: z.string().min(1),
  ethPriceUSD: bigDecimalText,
});
export type BundleItem = z.infer<typeof bundleItem>;
