/**
 * The collections the Morpho Blue family pages from morpho-org/morpho-blue-subgraph (schema.graphql
 * @ b5f8c8c2c4144baac790628b50a08bc2a668e35e, copied to queries/subgraphs/schemas/morpho-blue.schema.graphql),
 * and the shape of one item of each. Market ids are the 32-byte Morpho market ids; in the subgraph
 * a market's `inputToken` is its collateral token and `borrowedToken` its loan token
 * (src/initializers/markets.ts createMarket).
 */
import { z } from 'zod';
import type { EntitySpec } from '../../source-family.js';
import { bigDecimalText, bigIntText, entityRef, hexBytes, messariToken, rawAmount } from '../shared/subgraph-fields.js';

export const morphoMarketItem = z.object({
  id: hexBytes,
  name: z.string(),
  isActive: z.boolean(),
  lltv: rawAmount,
  irm: hexBytes,
  oracle: z.object({ oracleAddress: hexBytes }),
  inputToken: messariToken,
  inputTokenPriceUSD: bigDecimalText,
  borrowedToken: messariToken,
  totalSupply: rawAmount,
  totalSupplyShares: rawAmount,
  totalBorrow: rawAmount,
  totalBorrowShares: rawAmount,
  totalCollateral: rawAmount,
  lastUpdate: bigIntText,
  fee: rawAmount,
});
export type MorphoMarketItem = z.infer<typeof morphoMarketItem>;

export const morphoPositionItem = z.object({
  id: z.string().min(1),
  account: entityRef,
  market: entityRef,
  asset: entityRef,
  side: z.enum(['COLLATERAL', 'SUPPLIER', 'BORROWER']),
  balance: rawAmount,
  /** Null for collateral positions. */
  shares: rawAmount.nullable(),
});
export type MorphoPositionItem = z.infer<typeof morphoPositionItem>;

export const morphoLiquidateItem = z.object({
  id: hexBytes,
  hash: hexBytes,
  logIndex: z.number().int().min(0),
  blockNumber: bigIntText,
  timestamp: bigIntText,
  liquidator: entityRef,
  liquidatee: entityRef,
  market: entityRef,
  asset: entityRef,
  collateralAsset: entityRef,
  amount: rawAmount,
  repaid: rawAmount,
  amountUSD: bigDecimalText,
});
export type MorphoLiquidateItem = z.infer<typeof morphoLiquidateItem>;

export const MORPHO_BLUE_ENTITIES: readonly EntitySpec[] = [
  { entity: 'markets', queryFile: 'subgraphs/morpho-blue/markets', firstCursor: '0x', item: morphoMarketItem },
  { entity: 'positions', queryFile: 'subgraphs/morpho-blue/positions', firstCursor: '', item: morphoPositionItem },
  { entity: 'liquidates', queryFile: 'subgraphs/morpho-blue/liquidates', firstCursor: '0x', item: morphoLiquidateItem },
];
