/**
 * The collections a Messari DEX source reads, and its options.
 *
 *   liquidityPools          pools listed in options.pools           id_in: $pools
 *   liquidityPoolsAboveTvl  pools with TVL ≥ options.minTvlUsd       totalValueLockedUSD_gte
 *
 * A pool's tokens and balances come with the pool (`inputTokens { … }`), so no token collection
 * is paged. `options.amplification` gives the StableSwap amplification coefficient A of pools
 * whose curve is StableSwap (Curve, Saddle, Ellipsis), which Messari's schema does not carry:
 * read it from the pool contract's `A()` at the pinned block.
 */
import { z } from 'zod';
import { pricesOption } from '../shared/subgraph-fields.js';
import { poolSelectionFields, selectionVariables } from '../shared/pool-selection.js';
import type { SelectiveEntitySpec } from '../shared/selective-entity-spec.js';
import { liquidityPoolItem } from './items.js';

export const messariDexOptions = z.strictObject({
  ...poolSelectionFields,
  prices: pricesOption,
  amplification: z
    .record(z.string().regex(/^0x[0-9a-fA-F]+$/, 'keys are pool ids (0x-prefixed hex)'), z.number().positive('A must be positive').finite())
    .transform((byPool) => Object.fromEntries(Object.entries(byPool).map(([id, a]) => [id.toLowerCase(), a])))
    .optional(),
});

const { byList, byTvl } = selectionVariables(messariDexOptions);

export const MESSARI_DEX_ENTITIES: readonly SelectiveEntitySpec[] = [
  { entity: 'liquidityPools', queryFile: 'subgraphs/messari-dex/liquidity-pools', firstCursor: '', item: liquidityPoolItem, variables: byList },
  {
    entity: 'liquidityPoolsAboveTvl',
    queryFile: 'subgraphs/messari-dex/liquidity-pools-above-tvl',
    firstCursor: '',
    item: liquidityPoolItem,
    variables: byTvl,
  },
];
