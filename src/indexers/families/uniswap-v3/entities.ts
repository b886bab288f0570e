/**
 * The collections a Uniswap v3 source reads, and the source options that choose its pools.
 *
 *   bundles        ethPriceUSD (one entity)                     whole collection
 *   pools          pools listed in options.pools                 id_in: $pools
 *   poolsAboveTvl  pools with TVL ≥ options.minTvlUsd            totalValueLockedUSD_gte
 *   ticks          initialised ticks of the listed pools         pool_in: $pools
 *   ticksAboveTvl  initialised ticks of the pools above the TVL  pool_: { totalValueLockedUSD_gte }
 *
 * Tick ids are "<pool address>#<tick index>", so ordered by id the ticks of one pool are
 * contiguous and the single id cursor pages all selected pools in one pass (the order within a pool
 * is textual, "#-10" before "#-5" before "#100"; `normalize` sorts by tickIdx). The two "above
 * TVL" collections select the same pools at the same pinned block, so a pool's ticks arrive
 * whichever way the pool was selected.
 */
import { z } from 'zod';
import { pricesOption } from '../shared/subgraph-fields.js';
import { poolSelectionFields, selectionVariables } from '../shared/pool-selection.js';
import type { SelectiveEntitySpec } from '../shared/selective-entity-spec.js';
import { bundleItem, poolItem, tickItem } from './items.js';

/** `options` of a uniswap-v3 source: which pools (see pool-selection.ts) and USD price overrides by token address or symbol. */
export const uniswapV3Options = z.strictObject({ ...poolSelectionFields, prices: pricesOption });

const { byList, byTvl } = selectionVariables(uniswapV3Options);

export const UNISWAP_V3_ENTITIES: readonly SelectiveEntitySpec[] = [
  { entity: 'bundles', queryFile: 'subgraphs/uniswap-v3/bundles', firstCursor: '', item: bundleItem, variables: () => ({}) },
  { entity: 'pools', queryFile: 'subgraphs/uniswap-v3/pools', firstCursor: '0x', item: poolItem, variables: byList },
  { entity: 'poolsAboveTvl', queryFile: 'subgraphs/uniswap-v3/pools-above-tvl', firstCursor: '0x', item: poolItem, variables: byTvl },
  { entity: 'ticks', queryFile: 'subgraphs/uniswap-v3/ticks', firstCursor: '', item: tickItem, variables: byList },
  { entity: 'ticksAboveTvl', queryFile: 'subgraphs/uniswap-v3/ticks-above-tvl', firstCursor: '', item: tickItem, variables: byTvl },
];
