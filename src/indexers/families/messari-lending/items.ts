/**
 * The shape of one item of each collection as The Graph returns it for Messari's lending schema
 * 3.x (queries/subgraphs/schemas/messari-schema-lending.graphql, v3.1.0; 3.0.1 has every field
 * selected here), and the types the rest of the family works on whatever the version: items of
 * 2.0.1 and 1.3.x (legacy-items.ts) are read into these shapes by read-items.ts.
 *
 * Versions: of the 93 production lending deployments in data/subgraphs/messari-deployments.json,
 * 40 are on 3.x (3.1.0: Aave v2/v3 and forks, Spark, Compound v3…; 3.0.1: Maple v2 and the Morpho
 * optimizers), 39 on 2.0.1 (Compound v2 forks, Liquity, MakerDAO…) and 14 on 1.3.x (QiDAO, Euler v1,
 * Inverse, Maple v1). 2.0.1 cannot share the 3.x queries: its Market and Liquidate ids are `ID`, not
 * `Bytes` (so `$lastId` has another type and the first cursor is "" not "0x"), Position has no `asset`,
 * Market has no `canIsolate`, `relation`, `borrowedToken` or caps, its side is LENDER not COLLATERAL,
 * and Liquidate has one `position`, not `positions`. 1.3.x has no Position entity at all.
 * LENDER (2.x) and SUPPLIER (the Morpho Blue subgraph's extension) are accepted as sides.
 */
import { z } from 'zod';
import { bigDecimalText, bigIntText, entityRef, hexBytes, messariToken, rawAmount } from '../shared/subgraph-fields.js';

const side = z.enum(['COLLATERAL', 'LENDER', 'SUPPLIER', 'BORROWER']);

export const marketItem = z.object({
  id: hexBytes,
  name: z.string().nullable(),
  isActive: z.boolean(),
  canBorrowFrom: z.boolean(),
  canUseAsCollateral: z.boolean(),
  canIsolate: z.boolean(),
  maximumLTV: bigDecimalText,
  liquidationThreshold: bigDecimalText,
  liquidationPenalty: bigDecimalText,
  relation: hexBytes.nullable(),
  inputToken: messariToken,
  inputTokenPriceUSD: bigDecimalText,
  borrowedToken: messariToken.nullable(),
  supplyCap: rawAmount.nullable(),
  borrowCap: rawAmount.nullable(),
  protocol: z.object({ id: hexBytes, slug: z.string().min(1), name: z.string(), schemaVersion: z.string() }),
});
/** A market as the family works on it; `canIsolate` is null where the schema (2.0.1, 1.3.x) has no such field. */
export type MarketItem = Omit<z.infer<typeof marketItem>, 'canIsolate'> & { canIsolate: boolean | null };

export const positionItem = z.object({
  id: z.string().min(1),
  account: entityRef,
  market: entityRef,
  asset: entityRef,
  side,
  isCollateral: z.boolean().nullable(),
  balance: rawAmount,
});
export type PositionItem = z.infer<typeof positionItem>;

export const liquidateItem = z.object({
  id: hexBytes,
  hash: hexBytes,
  logIndex: z.number().int().min(0),
  blockNumber: bigIntText,
  timestamp: bigIntText,
  liquidator: entityRef,
  liquidatee: entityRef,
  market: entityRef,
  asset: entityRef,
  amount: rawAmount,
  amountUSD: bigDecimalText,
  profitUSD: bigDecimalText,
  positions: z.array(z.object({ id: z.string().min(1), side, asset: entityRef })),
});
export type LiquidateItem = z.infer<typeof liquidateItem>;
