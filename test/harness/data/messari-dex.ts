/**
 * A Messari dex-amm subgraph (schema-dex-amm) for a constant-product exchange shaped like
 * Uniswap v2: `LiquidityPool`s of two input tokens holding equal USD value, with
 * `inputTokenBalances` in raw units in the same order as `inputTokens` (as Messari requires),
 * 50/50 `inputTokenWeights`, an LP `outputToken`, trading/LP/protocol fees (0.3% split 0.25/0.05)
 * and `totalValueLockedUSD` equal to the balances at the tokens' prices. String ids (`ID!`) as
 * this schema version writes them: lower-case addresses.
 */
import { defaultBlockTimestamp } from '../chain.js';
import { decimal, toRaw } from './amounts.js';
import { EntitySetBuilder, type GeneratedData } from './entity-set.js';
import { entityFiller } from './fill-defaults.js';
import { createRng } from './prng.js';
import { TOKEN_CATALOGUE, type CatalogueToken } from './token-catalogue.js';

export interface MessariDexOptions {
  readonly seed: number;
  readonly pools: number;
  readonly block?: number;
}

/** Uniswap v2's factory, the protocol id Messari's uniswap-v2 subgraph uses. */
export const MESSARI_DEX_PROTOCOL_ID = '0x5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f';
const FEES = [
  ['FIXED_TRADING_FEE', '0.3'],
  ['FIXED_LP_FEE', '0.25'],
  ['FIXED_PROTOCOL_FEE', '0.05'],
] as const;

export function messariDexData(options: MessariDexOptions): GeneratedData {
  const rng = createRng(options.seed);
  const block = options.block ?? 18_460_000;
  const timestamp = defaultBlockTimestamp(block);
  const fill = entityFiller('messari-dex');
  const out = new EntitySetBuilder();
  const pairs: [CatalogueToken, CatalogueToken][] = [];
  for (const a of TOKEN_CATALOGUE) for (const b of TOKEN_CATALOGUE) if (a.address < b.address) pairs.push([a, b]);
  if (options.pools > pairs.length) throw new Error(`test/harness/data/messari-dex: at most ${pairs.length} pools can be generated`);
  const locked = new Map<string, { token: CatalogueToken; usd: number }>();
  let protocolTvl = 0;

  for (const [token0, token1] of rng.sample(pairs, options.pools)) {
    const poolId = rng.address();
    const tvlUsd = rng.lognormal(3_000_000, 1.5);
    protocolTvl += tvlUsd;
    for (const token of [token0, token1]) locked.set(token.address, { token, usd: (locked.get(token.address)?.usd ?? 0) + tvlUsd / 2 });
    const fees = FEES.map(([feeType, pct]) => String(out.add('LiquidityPoolFee', fill('LiquidityPoolFee', { id: `${feeType.toLowerCase()}-${poolId}`, feePercentage: pct, feeType })).id));
    // The LP token is the pool contract itself, with 18 decimals, as in Uniswap v2.
    const lpSupply = Math.sqrt((tvlUsd / 2 / token0.priceUsd) * (tvlUsd / 2 / token1.priceUsd));
    out.add('Token', fill('Token', { id: poolId, name: 'Uniswap V2', symbol: 'UNI-V2', decimals: 18, lastPriceUSD: decimal(tvlUsd / lpSupply), lastPriceBlockNumber: String(block), _totalSupply: toRaw(lpSupply, 18) }));
    const created = block - rng.int(100_000, 3_000_000);
    const volumeUsd = tvlUsd * rng.float(5, 200);
    out.add('LiquidityPool', fill('LiquidityPool', {
      id: poolId, protocol: MESSARI_DEX_PROTOCOL_ID, name: `Uniswap V2 ${token0.symbol}/${token1.symbol}`, symbol: 'UNI-V2',
      inputTokens: [token0.address, token1.address], outputToken: poolId, fees, isSingleSided: false,
      createdTimestamp: String(defaultBlockTimestamp(created)), createdBlockNumber: String(created),
      totalValueLockedUSD: decimal(tvlUsd, 2), cumulativeVolumeUSD: decimal(volumeUsd, 2),
      cumulativeSupplySideRevenueUSD: decimal(volumeUsd * 0.0025, 2), cumulativeProtocolSideRevenueUSD: decimal(volumeUsd * 0.0005, 2), cumulativeTotalRevenueUSD: decimal(volumeUsd * 0.003, 2),
      inputTokenBalances: [toRaw(tvlUsd / 2 / token0.priceUsd, token0.decimals), toRaw(tvlUsd / 2 / token1.priceUsd, token1.decimals)],
      inputTokenWeights: ['50', '50'], outputTokenSupply: toRaw(lpSupply, 18), outputTokenPriceUSD: decimal(tvlUsd / lpSupply),
    }));
  }
  for (const { token, usd } of locked.values()) {
    out.add('Token', fill('Token', {
      id: token.address, name: token.name, symbol: token.symbol, decimals: token.decimals, lastPriceUSD: decimal(token.priceUsd), lastPriceBlockNumber: String(block),
      _totalSupply: '0', _totalValueLockedUSD: decimal(usd, 2),
    }));
  }
  out.add('DexAmmProtocol', fill('DexAmmProtocol', {
    id: MESSARI_DEX_PROTOCOL_ID, name: 'Uniswap V2', slug: 'uniswap-v2', schemaVersion: '1.3.0', subgraphVersion: '1.0.0', methodologyVersion: '1.0.0',
    network: 'MAINNET', type: 'EXCHANGE', totalValueLockedUSD: decimal(protocolTvl, 2), totalPoolCount: options.pools,
  }));
  return { entities: out.entities, block, timestamp };
}
