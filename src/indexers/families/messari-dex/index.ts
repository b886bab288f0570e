/**
 * The Messari DEX family: Messari's standardised DEX AMM subgraphs (schema 1.3.x: Curve, Balancer
 * v2, Saddle, Uniswap v2 and its forks, Velodrome…) read for a chosen set of pools, one liquidity
 * row per pool token. Messari's Uniswap v3-style deployments use schema 4.x, which these queries
 * do not target; read those pools with the uniswap-v3 family.
 */
import type { SourceFamily } from '../../source-family.js';
import { MESSARI_DEX_ENTITIES } from './entities.js';
import { normalizeMessariDex } from './normalize.js';

export const messariDex: SourceFamily = {
  schema: 'messari-dex',
  entities: MESSARI_DEX_ENTITIES,
  normalize: normalizeMessariDex,
};

export { MESSARI_DEX_ENTITIES, messariDexOptions } from './entities.js';
