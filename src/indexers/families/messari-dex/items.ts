/**
 * The items the Messari DEX queries return (queries/subgraphs/messari-dex/*.graphql), as zod
 * schemas. Field types follow Messari's DEX AMM schema 1.3.x
 * (queries/subgraphs/schemas/messari-schema-dex-amm.graphql): `inputTokenBalances` are raw `BigInt`
 * in the order of `inputTokens`, weights and fees are percentages (`BigDecimal`), a token's
 * `lastPriceUSD` is optional. Pool ids are `ID` (lower-case addresses in every deployment).
 */
import { z } from 'zod';
import { bigDecimalText, messariToken, rawAmount } from '../shared/subgraph-fields.js';

export const liquidityPoolItem = z.object({
  id: z.string().min(1),
  name: z.string().nullable(),
  protocol: z.object({ name: z.string(), slug: z.string() }),
  inputTokens: z.array(messariToken).min(1),
  inputTokenBalances: z.array(rawAmount),
  inputTokenWeights: z.array(bigDecimalText),
  totalValueLockedUSD: bigDecimalText,
  fees: z.array(z.object({ feeType: z.string(), feePercentage: bigDecimalText.nullable() })),
});
export type LiquidityPoolItem = z.infer<typeof liquidityPoolItem>;
