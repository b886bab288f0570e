/**
 * Uniswap v3's subgraph (Uniswap/v3-subgraph, src/v3/schema.graphql): pools whose price matches
 * the tokens' USD prices, and an initialized-tick book built from liquidity positions
 * [tickLower, tickUpper) on the pool's tick spacing, so the book is consistent the way the
 * concentrated-liquidity maths needs it: Σ liquidityNet over ticks ≤ the current tick equals the
 * pool's active `liquidity`, Σ liquidityNet over all ticks is 0, and liquidityGross sums |L| of
 * the positions touching a tick. `sqrtPrice` is Q64.96 at the middle of the current tick, so the
 * tick recomputed from it is the pool's `tick`. Token amounts locked follow from the positions
 * (Uniswap v3 whitepaper, §6.2.3). Ids: pools and tokens are addresses, ticks `<pool>#<tickIdx>`.
 */
import { defaultBlockTimestamp } from '../chain.js';
import { decimal } from './amounts.js';
import { EntitySetBuilder, type GeneratedData } from './entity-set.js';
import { entityFiller } from './fill-defaults.js';
import { createRng } from './prng.js';
import { TOKEN_CATALOGUE, type CatalogueToken } from './token-catalogue.js';

export interface UniswapV3Options {
  readonly seed: number;
  readonly pools: number;
  /** Liquidity positions per pool (default 12); each initializes up to two ticks. */
  readonly positionsPerPool?: number;
  readonly block?: number;
}

export const UNISWAP_V3_FACTORY = '0x1f98431c8ad98523631ae4a59f267346ea31f984';
/** Fee tier (hundredths of a bip) → tick spacing, as the factory enables them. */
const TICK_SPACING: Record<number, number> = { 100: 1, 500: 10, 3000: 60, 10000: 200 };
const Q96 = 2n ** 96n;

/** A float square root price (raw token1 per raw token0) as Q64.96. */
const toQ96 = (sqrtPrice: number): bigint => (BigInt(Math.round(sqrtPrice * 2 ** 48)) * Q96) / 2n ** 48n;

export function uniswapV3Data(options: UniswapV3Options): GeneratedData {
  const rng = createRng(options.seed);
  const block = options.block ?? 18_460_000;
  const timestamp = defaultBlockTimestamp(block);
  const fill = entityFiller('uniswap-v3');
  const out = new EntitySetBuilder();
  const eth = TOKEN_CATALOGUE[0]!;
  const tokenStats = new Map<string, { token: CatalogueToken; locked: number; pools: number }>();
  let factoryTvlUsd = 0;

  const pairs: [CatalogueToken, CatalogueToken, number][] = [];
  for (const a of TOKEN_CATALOGUE) for (const b of TOKEN_CATALOGUE) if (a.address < b.address) for (const fee of [500, 3000]) pairs.push([a, b, fee]);
  if (options.pools > pairs.length) throw new Error(`test/harness/data/uniswap-v3: at most ${pairs.length} pools can be generated`);

  for (const [token0, token1, feeTier] of rng.sample(pairs, options.pools)) {
    const spacing = TICK_SPACING[feeTier]!;
    const poolId = rng.address();
    // Raw price: units of token1 per unit of token0, in the tokens' smallest units.
    const rawPrice = (token0.priceUsd / token1.priceUsd) * 10 ** (token1.decimals - token0.decimals);
    const tick = Math.floor(Math.log(rawPrice) / Math.log(1.0001));
    const sqrtPrice = Math.sqrt(1.0001 ** (tick + 0.5));
    const net = new Map<number, bigint>();
    const gross = new Map<number, bigint>();
    let active = 0n;
    let amount0 = 0;
    let amount1 = 0;
    for (let i = 0; i < (options.positionsPerPool ?? 12); i++) {
      // The first position always spans the current tick, so the pool has active liquidity.
      const below = rng.int(i === 0 ? 1 : -20, 40) * spacing;
      const width = rng.int(1, 60) * spacing;
      const lower = Math.floor(tick / spacing) * spacing - below;
      const upper = i === 0 ? Math.max(lower + width, Math.floor(tick / spacing) * spacing + spacing) : lower + width;
      // Size each position in USD, then solve for its liquidity (amounts are linear in L).
      const [sa, sb] = [Math.sqrt(1.0001 ** lower), Math.sqrt(1.0001 ** upper)];
      const sp = Math.min(Math.max(sqrtPrice, sa), sb);
      const unit0 = (sb - sp) / (sp * sb) / 10 ** token0.decimals;
      const unit1 = (sp - sa) / 10 ** token1.decimals;
      const liquidity = BigInt(Math.max(1, Math.round(rng.lognormal(200_000, 1.5) / (unit0 * token0.priceUsd + unit1 * token1.priceUsd))));
      net.set(lower, (net.get(lower) ?? 0n) + liquidity);
      net.set(upper, (net.get(upper) ?? 0n) - liquidity);
      gross.set(lower, (gross.get(lower) ?? 0n) + liquidity);
      gross.set(upper, (gross.get(upper) ?? 0n) + liquidity);
      if (lower <= tick && tick < upper) active += liquidity;
      amount0 += Number(liquidity) * unit0;
      amount1 += Number(liquidity) * unit1;
    }
    for (const [tickIdx, liquidityNet] of [...net].sort((a, b) => a[0] - b[0])) {
      const created = block - rng.int(1, 1_000_000);
      const price0 = 1.0001 ** tickIdx;
      out.add('Tick', fill('Tick', {
        id: `${poolId}#${tickIdx}`, poolAddress: poolId, tickIdx: String(tickIdx), pool: poolId,
        liquidityGross: gross.get(tickIdx)!.toString(), liquidityNet: liquidityNet.toString(),
        price0: decimal(price0, 18), price1: decimal(1 / price0, 18),
        createdAtTimestamp: String(defaultBlockTimestamp(created)), createdAtBlockNumber: String(created),
      }));
    }
    const tvlUsd = amount0 * token0.priceUsd + amount1 * token1.priceUsd;
    factoryTvlUsd += tvlUsd;
    for (const [token, amount] of [[token0, amount0], [token1, amount1]] as const) {
      const s = tokenStats.get(token.address) ?? { token, locked: 0, pools: 0 };
      s.locked += amount;
      s.pools++;
      tokenStats.set(token.address, s);
    }
    const humanPrice1 = token0.priceUsd / token1.priceUsd;
    const created = block - rng.int(100_000, 2_000_000);
    out.add('Pool', fill('Pool', {
      id: poolId, createdAtTimestamp: String(defaultBlockTimestamp(created)), createdAtBlockNumber: String(created), token0: token0.address, token1: token1.address,
      feeTier: String(feeTier), liquidity: active.toString(), sqrtPrice: toQ96(sqrtPrice).toString(),
      // The subgraph's token0Price is token0 per token1, token1Price token1 per token0.
      token0Price: decimal(1 / humanPrice1, 18), token1Price: decimal(humanPrice1, 18), tick: String(tick),
      totalValueLockedToken0: decimal(amount0, 8), totalValueLockedToken1: decimal(amount1, 8),
      totalValueLockedETH: decimal(tvlUsd / eth.priceUsd, 8), totalValueLockedUSD: decimal(tvlUsd, 2), liquidityProviderCount: String(options.positionsPerPool ?? 12),
    }));
  }

  for (const { token, locked, pools } of tokenStats.values()) {
    out.add('Token', fill('Token', {
      id: token.address, symbol: token.symbol, name: token.name, decimals: String(token.decimals), totalSupply: '0', poolCount: String(pools),
      totalValueLocked: decimal(locked, 8), totalValueLockedUSD: decimal(locked * token.priceUsd, 2), derivedETH: decimal(token.priceUsd / eth.priceUsd, 18),
    }));
  }
  out.add('Bundle', fill('Bundle', { id: '1', ethPriceUSD: decimal(eth.priceUsd, 8) }));
  out.add('Factory', fill('Factory', {
    id: UNISWAP_V3_FACTORY, poolCount: String(options.pools), totalValueLockedUSD: decimal(factoryTvlUsd, 2), totalValueLockedETH: decimal(factoryTvlUsd / eth.priceUsd, 8),
    owner: '0x1a9c8182c09f50c8318d769245bea52c32be35bc',
  }));
  return { entities: out.entities, block, timestamp };
}
