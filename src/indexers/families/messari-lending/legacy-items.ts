/**
 * Item shapes of Messari's lending schemas 2.0.1 and 1.3.x as the v2/ and v1/ queries select them
 * (queries/subgraphs/schemas/messari-schema-lending-2.0.1.graphql and -1.3.0.graphql). Against 3.x:
 * every id is `ID` (not `Bytes`; Burrow on NEAR has ids like "wrap.near"), a Market has no
 * `canIsolate`, `relation`, `borrowedToken` or caps, the protocol says whether it is a CDP and which
 * tokens it mints. 2.0.1 positions have no `asset` and their lending side is LENDER; 1.3.x has no
 * Position entity, and its Liquidate names the liquidator (`from`) and liquidatee as plain strings.
 */
import { z } from 'zod';
import { bigDecimalText, bigIntText, entityRef, rawAmount, tokenDecimals } from '../shared/subgraph-fields.js';

const anyId = z.string().min(1, 'must be a non-empty id');

/** A `Token` of schema 2.0.1 / 1.3.x: its id is `ID`, an address on EVM chains. */
export const legacyToken = z.object({ id: anyId, symbol: z.string(), decimals: tokenDecimals, lastPriceUSD: bigDecimalText.nullable() });
export type LegacyToken = z.infer<typeof legacyToken>;

export const legacyMarketItem = z.object({
  id: anyId,
  name: z.string().nullable(),
  isActive: z.boolean(),
  canBorrowFrom: z.boolean(),
  canUseAsCollateral: z.boolean(),
  maximumLTV: bigDecimalText,
  liquidationThreshold: bigDecimalText,
  liquidationPenalty: bigDecimalText,
  inputToken: legacyToken,
  inputTokenPriceUSD: bigDecimalText,
  protocol: z.object({
    id: anyId,
    slug: z.string().min(1),
    name: z.string(),
    schemaVersion: z.string(),
    lendingType: z.enum(['CDP', 'POOLED']).nullable(),
    mintedTokens: z.array(legacyToken).nullable(),
  }),
});
export type LegacyMarketItem = z.infer<typeof legacyMarketItem>;

export const positionItem201 = z.object({
  id: anyId,
  account: entityRef,
  market: entityRef,
  side: z.enum(['LENDER', 'BORROWER']),
  isCollateral: z.boolean().nullable(),
  balance: rawAmount,
});
export type PositionItem201 = z.infer<typeof positionItem201>;

const liquidateFields = {
  id: anyId,
  hash: z.string().min(1),
  logIndex: z.number().int().min(0),
  blockNumber: bigIntText,
  timestamp: bigIntText,
  market: entityRef,
  asset: legacyToken,
  amount: rawAmount,
  amountUSD: bigDecimalText,
  profitUSD: bigDecimalText,
};

export const liquidateItem201 = z.object({ ...liquidateFields, liquidator: entityRef, liquidatee: entityRef });
export type LiquidateItem201 = z.infer<typeof liquidateItem201>;

export const liquidateItem13 = z.object({ ...liquidateFields, from: anyId, liquidatee: anyId });
export type LiquidateItem13 = z.infer<typeof liquidateItem13>;
