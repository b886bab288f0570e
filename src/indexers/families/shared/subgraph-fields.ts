/**
 * Zod checks for the scalar values a subgraph returns, shared by the lending families (Messari,
 * Aave's own subgraph, Morpho Blue's). The Graph serialises `BigInt` and `BigDecimal` as strings
 * and `Bytes` as 0x-prefixed hex; anything else is rejected at the edge with the field named, so
 * a raw amount read as a float, a negative balance or a missing field never reaches the tables.
 */
import { z } from 'zod';
import { IndexerError } from '../../errors.js';

/** A raw on-chain amount: a non-negative integer written as a decimal string. */
export const rawAmount = z.string().regex(/^\d+$/, 'must be a non-negative integer amount (subgraph BigInt as a decimal string)');

/** Any subgraph `BigInt` (block numbers, timestamps, ids that are numbers). */
export const bigIntText = z.string().regex(/^-?\d+$/, 'must be an integer (subgraph BigInt as a decimal string)');

/** A subgraph `BigDecimal`: decimal text, possibly in exponent form. */
export const bigDecimalText = z.string().regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, 'must be a decimal number (subgraph BigDecimal as a string)');

/** A subgraph `Bytes` value (addresses, hashes, Bytes ids). */
export const hexBytes = z.string().regex(/^0x[0-9a-fA-F]*$/, 'must be 0x-prefixed hex (subgraph Bytes)');

/** A reference to another entity, as the query selects it: `{ id }`. */
export const entityRef = z.object({ id: z.string().min(1, 'must be a non-empty id') });

/** Token decimals the store can hold (assets.decimals is 0..36). */
export const tokenDecimals = z.number().int('must be a whole number').min(0).max(36, 'must be at most 36 (the store keeps 0..36)');

/** A Messari-schema `Token` as the lending queries select it. */
export const messariToken = z.object({
  id: hexBytes,
  symbol: z.string(),
  decimals: tokenDecimals,
  lastPriceUSD: bigDecimalText.nullable(),
});
export type MessariToken = z.infer<typeof messariToken>;

/**
 * Parses the staged items of one entity with its schema. The engine validated them when it read
 * the page; parsing again here gives them their types and makes `normalize` safe to call on its
 * own (tests, re-normalising staged data). A failure names the source, entity, item id and field.
 */
export function parseItems<T>(schema: z.ZodType<T>, items: Readonly<Record<string, readonly unknown[]>>, source: string, entity: string): T[] {
  const list = items[entity];
  if (list === undefined) throw new IndexerError(`no items were read for entity ${entity}`, { source, entity });
  return list.map((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : `#${index}`;
    throw new IndexerError(`malformed item ${JSON.stringify(id)}: field "${issue.path.join('.') || '(item)'}": ${issue.message}`, { source, entity });
  });
}

/** Checks a family's `options` object from the source config, naming the field at fault. */
export function parseOptions<T>(schema: z.ZodType<T>, options: unknown, source: string): T {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new IndexerError(`config field "options${issue.path.map((p) => `.${String(p)}`).join('')}": ${issue.message}`, { source });
}

/** `options.prices`: USD prices by token symbol or lower-case address, for tokens the subgraph does not price. */
export const pricesOption = z.record(z.string(), z.number().positive('must be a positive USD price').finite()).optional();
