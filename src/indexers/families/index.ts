import type { SourceSchema } from '../config.js';
import type { SourceFamily } from '../source-family.js';
import { aaveV3 } from './aave-v3/index.js';
import { messariDex } from './messari-dex/index.js';
import { messariLending } from './messari-lending/index.js';
import { messariOptions } from './messari-options/index.js';
import { morphoBlue } from './morpho-blue/index.js';
import { uniswapV3 } from './uniswap-v3/index.js';

/** The indexer for each schema family named in a source's config. */
export const SOURCE_FAMILIES: Record<SourceSchema, SourceFamily> = {
  'messari-lending': messariLending,
  'aave-v3': aaveV3,
  'morpho-blue': morphoBlue,
  'messari-options': messariOptions,
  'uniswap-v3': uniswapV3,
  'messari-dex': messariDex,
};
