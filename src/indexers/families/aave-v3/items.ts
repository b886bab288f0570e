/**
 * The collections the Aave v3 family pages from Aave's own subgraph (aave/protocol-subgraphs,
 * schemas/v3.schema.graphql @ 975b22e9, copied to queries/subgraphs/schemas/aave-v3.schema.graphql),
 * and the shape of one item of each. Every id is an `ID` string: reserves are
 * `<underlying><pool>`, user reserves `<user><underlying><pool>`, categories their number.
 */
import { z } from 'zod';
import type { EntitySpec } from '../../source-family.js';
import { bigDecimalText, entityRef, hexBytes, rawAmount, tokenDecimals } from '../shared/subgraph-fields.js';

export const reserveItem = z.object({
  id: z.string().min(1),
  underlyingAsset: hexBytes,
  symbol: z.string(),
  name: z.string(),
  decimals: tokenDecimals,
  usageAsCollateralEnabled: z.boolean(),
  borrowingEnabled: z.boolean(),
  isActive: z.boolean(),
  isFrozen: z.boolean(),
  isPaused: z.boolean(),
  isDropped: z.boolean(),
  baseLTVasCollateral: rawAmount,
  reserveLiquidationThreshold: rawAmount,
  reserveLiquidationBonus: rawAmount,
  liquidityIndex: rawAmount,
  variableBorrowIndex: rawAmount,
  lastUpdateTimestamp: z.number().int(),
  borrowCap: rawAmount.nullable(),
  supplyCap: rawAmount.nullable(),
  debtCeiling: rawAmount.nullable(),
  borrowableInIsolation: z.boolean().nullable(),
  siloedBorrowing: z.boolean(),
  eMode: entityRef.nullable(),
  price: z.object({ id: z.string(), priceInEth: rawAmount, oracle: z.object({ id: z.string(), baseCurrency: hexBytes, baseCurrencyUnit: rawAmount }) }),
  pool: entityRef,
});
export type ReserveItem = z.infer<typeof reserveItem>;

export const userReserveItem = z.object({
  id: z.string().min(1),
  user: z.object({ id: z.string().min(1), eModeCategoryId: entityRef.nullable() }),
  reserve: entityRef,
  usageAsCollateralEnabledOnUser: z.boolean(),
  scaledATokenBalance: rawAmount,
  currentATokenBalance: rawAmount,
  scaledVariableDebt: rawAmount,
  currentVariableDebt: rawAmount,
  principalStableDebt: rawAmount,
  currentStableDebt: rawAmount,
});
export type UserReserveItem = z.infer<typeof userReserveItem>;

export const eModeCategoryItem = z.object({
  id: z.string().regex(/^\d+$/, 'must be the category number'),
  ltv: rawAmount,
  liquidationThreshold: rawAmount,
  liquidationBonus: rawAmount,
  label: z.string(),
});
export type EModeCategoryItem = z.infer<typeof eModeCategoryItem>;

export const eModeCategoryConfigItem = z.object({
  id: z.string().min(1),
  category: entityRef,
  asset: hexBytes,
  collateral: z.boolean(),
  borrowable: z.boolean(),
});
export type EModeCategoryConfigItem = z.infer<typeof eModeCategoryConfigItem>;

export const liquidationCallItem = z.object({
  id: z.string().regex(/^\d+:\d+:0x[0-9a-fA-F]+:\d+(:\d+)?$/, 'must be "<block>:<tx index>:<tx hash>:<log index>:<tx log index>"'),
  txHash: hexBytes,
  user: entityRef,
  collateralReserve: entityRef,
  collateralAmount: rawAmount,
  principalReserve: entityRef,
  principalAmount: rawAmount,
  liquidator: hexBytes,
  timestamp: z.number().int(),
  collateralAssetPriceUSD: bigDecimalText,
  borrowAssetPriceUSD: bigDecimalText,
});
export type LiquidationCallItem = z.infer<typeof liquidationCallItem>;

const spec = (entity: string, file: string, item: EntitySpec['item']): EntitySpec => ({ entity, queryFile: `subgraphs/aave-v3/${file}`, firstCursor: '', item });

export const AAVE_V3_ENTITIES: readonly EntitySpec[] = [
  spec('reserves', 'reserves', reserveItem),
  spec('userReserves', 'user-reserves', userReserveItem),
  spec('eModeCategories', 'emode-categories', eModeCategoryItem),
  spec('eModeCategoryConfigs', 'emode-category-configs', eModeCategoryConfigItem),
  spec('liquidationCalls', 'liquidation-calls', liquidationCallItem),
];
