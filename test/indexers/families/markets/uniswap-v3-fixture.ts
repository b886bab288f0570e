/**
 * A hand-built Uniswap v3 subgraph payload, shaped as queries/subgraphs/uniswap-v3/*.graphql
 * return it: the USDC/WETH 0.05% pool of Ethereum mainnet (0x88e6…5640; token0 USDC, 6 decimals;
 * token1 WETH, 18) in a made-up state chosen so that the numbers can be worked by hand:
 *
 *   sqrtPrice = 22360·2^96   √P_raw = 22360, P_raw = 499,969,600 raw WETH per raw USDC
 *                            → 1 WETH = 10^12 / 499,969,600 = 2000.1216 USDC
 *   tick 200310              ⌊log_1.0001(499,969,600)⌋ = ⌊200310.59⌋
 *   liquidity L = 2.236e18   one position [190000, 210000) holding all of it
 *   ethPriceUSD 2000, derivedETH USDC 0.0005 and WETH 1 → USDC $1, WETH $2000
 */
import type { ResolvedSource } from '../../../../src/indexers/source-family.js';

export const POOL = '0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640';
export const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
export const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
export const L = 2_236_000_000_000_000_000n;
export const SQRT_PRICE = 22360n << 96n;

export const usdcWethPool = (over: Record<string, unknown> = {}) => ({
  id: POOL,
  feeTier: '500',
  liquidity: L.toString(),
  sqrtPrice: SQRT_PRICE.toString(),
  tick: '200310',
  token0: { id: USDC, symbol: 'USDC', decimals: '6', derivedETH: '0.0005' },
  token1: { id: WETH, symbol: 'WETH', decimals: '18', derivedETH: '1' },
  totalValueLockedToken0: '30000000',
  totalValueLockedToken1: '15000',
  totalValueLockedUSD: '60000000',
  ...over,
});

export const usdcWethTicks = (pool = POOL, liquidity = L) => [
  { id: `${pool}#190000`, pool: { id: pool }, tickIdx: '190000', liquidityNet: liquidity.toString(), liquidityGross: liquidity.toString() },
  { id: `${pool}#210000`, pool: { id: pool }, tickIdx: '210000', liquidityNet: (-liquidity).toString(), liquidityGross: liquidity.toString() },
];

export const bundles = [{ id: '1', ethPriceUSD: '2000' }];

export const uniswapSource = (options: Record<string, unknown>): ResolvedSource => ({
  config: { name: 'uniswap-mainnet', schema: 'uniswap-v3', chain: 'ethereum', endpoint: 'https://gateway.example/api/subgraphs/id/x', options },
  protocol: 'uniswap-mainnet',
  block: 19_000_000,
  blockTimestamp: null,
});
