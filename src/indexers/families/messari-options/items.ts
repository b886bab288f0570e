/**
 * The items the Messari options queries return (queries/subgraphs/messari-options/*.graphql), as
 * zod schemas. Field types follow Messari's derivatives-options schema 1.3.2
 * (queries/subgraphs/schemas/messari-schema-derivatives-options.graphql): ids are `Bytes`,
 * `Position.amount`, `Option.totalSupply` and pool balances raw `BigInt`, `Option.strikePrice` a
 * `BigDecimal` already scaled into the strike asset's units, timestamps unix seconds.
 */
import { z } from 'zod';
import { bigDecimalText, bigIntText, entityRef, hexBytes, messariToken, rawAmount } from '../shared/subgraph-fields.js';

export const tokenItem = messariToken;

export const optionItem = z.object({
  id: hexBytes,
  type: z.enum(['CALL', 'PUT']),
  name: z.string(),
  symbol: z.string(),
  pool: entityRef,
  underlyingAsset: entityRef,
  strikeAsset: entityRef.nullable(),
  collateralAsset: entityRef,
  strikePrice: bigDecimalText,
  expirationTimestamp: bigIntText.nullable(),
  lastPriceUSD: bigDecimalText.nullable(),
  totalSupply: rawAmount.nullable(),
});
export type OptionItem = z.infer<typeof optionItem>;

export const positionItem = z.object({
  id: hexBytes,
  account: entityRef,
  option: entityRef,
  asset: entityRef,
  pool: entityRef,
  amount: rawAmount,
  premium: rawAmount,
  takenTimestamp: bigIntText,
  closedTimestamp: bigIntText.nullable(),
  exercisedTimestamp: bigIntText.nullable(),
});
export type PositionItem = z.infer<typeof positionItem>;

export const optionPoolItem = z.object({
  id: hexBytes,
  name: z.string().nullable(),
  inputTokens: z.array(entityRef),
  inputTokenBalances: z.array(rawAmount),
  totalValueLockedUSD: bigDecimalText,
});
export type OptionPoolItem = z.infer<typeof optionPoolItem>;
