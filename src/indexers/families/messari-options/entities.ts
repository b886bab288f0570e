/**
 * The collections a Messari options source reads (whole: an options venue is small next to a
 * DEX), and its options.
 *
 *   tokens          prices and decimals of every token, option tokens included
 *   options         every option contract
 *   positions       open positions only (closedTimestamp and exercisedTimestamp null)
 *   liquidityPools  the writers and the collateral they hold
 */
import { z } from 'zod';
import type { EntitySpec } from '../../source-family.js';
import { pricesOption } from '../shared/subgraph-fields.js';
import { optionItem, optionPoolItem, positionItem, tokenItem } from './items.js';

export const messariOptionsOptions = z.strictObject({
  /** USD prices by token address or symbol, for tokens Messari does not price. */
  prices: pricesOption,
  /**
   * Decimals of position amounts and total supplies for options that are not themselves tokens in
   * the subgraph (Dopex: 18, its SSOV option tokens; Opyn's oTokens are tokens, 8 decimals).
   */
  optionDecimals: z.number().int().min(0).max(36).optional(),
  /** Unix seconds: options that expired before this are left out (an expired oToken nobody redeemed stays "open" forever). */
  skipExpiredBefore: z.number().int().min(0).optional(),
});
export type MessariOptionsOptions = z.infer<typeof messariOptionsOptions>;

export const MESSARI_OPTIONS_ENTITIES: readonly EntitySpec[] = [
  { entity: 'tokens', queryFile: 'subgraphs/messari-options/tokens', firstCursor: '0x', item: tokenItem },
  { entity: 'options', queryFile: 'subgraphs/messari-options/options', firstCursor: '0x', item: optionItem },
  { entity: 'positions', queryFile: 'subgraphs/messari-options/positions', firstCursor: '0x', item: positionItem },
  { entity: 'liquidityPools', queryFile: 'subgraphs/messari-options/liquidity-pools', firstCursor: '0x', item: optionPoolItem },
];
