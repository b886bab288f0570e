/**
 * Which pools a DEX source reads, from its config `options`:
 *
 *   { "pools": ["0x88e6…5640", …] }        these pools, whatever their size
 *   { "minTvlUsd": 5000000 }              every pool whose TVL (as the subgraph prices it) is ≥ $5M
 *   both                                  the union: the listed pools and every pool above the bound
 *
 * Each rule is its own collection (`pools` by id, `poolsAboveTvl` by TVL) because graph-node cannot
 * OR an `id_in` with a TVL bound next to the `id_gt` cursor in one `where`; a pool matched by both
 * comes back twice and is read once. A listed pool the subgraph does not have is an error: the
 * config names something that is not there.
 */
import { z } from 'zod';
import { IndexerError } from '../../errors.js';
import type { ResolvedSource } from '../../source-family.js';
import { parseItems, parseOptions } from './subgraph-fields.js';
import { ABSURD_USD } from './value-guards.js';

/** The selection fields; families spread them into their own strict options object. */
export const poolSelectionFields = {
  pools: z
    .array(z.string().regex(/^0x[0-9a-fA-F]+$/, 'a pool id is a 0x-prefixed hex address'))
    .min(1)
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
    .optional(),
  minTvlUsd: z.number().min(0).max(ABSURD_USD).optional(),
};

export interface PoolSelection {
  /** Lower-case pool ids, or null when the source does not list pools. */
  pools: string[] | null;
  minTvlUsd: number | null;
}

/** Parses a family's options with `schema` (which spreads `poolSelectionFields`), naming the field at fault. */
export function parseSelectionOptions<T extends { pools?: string[] | undefined; minTvlUsd?: number | undefined }>(
  source: ResolvedSource,
  schema: z.ZodType<T>,
): T & { selection: PoolSelection } {
  const options = parseOptions(schema, source.config.options, source.config.name);
  if (options.pools === undefined && options.minTvlUsd === undefined) {
    throw new IndexerError('config field "options": give "pools" (pool ids) and/or "minTvlUsd": a DEX source reads only the pools it is told to', {
      source: source.config.name,
    });
  }
  return { ...options, selection: { pools: options.pools ?? null, minTvlUsd: options.minTvlUsd ?? null } };
}

/** A BigDecimal literal for a GraphQL variable, never in exponent form for whole dollars. */
const bigDecimalVariable = (value: number): string => (Number.isInteger(value) ? value.toFixed(0) : String(value));

type Variables = (source: ResolvedSource) => Record<string, unknown> | null;

/**
 * The `variables` of a family's by-id collections (`{ pools }`) and by-TVL collections
 * (`{ minTvlUsd }`), read from the config with the family's options `schema`; null when the
 * source does not use that rule. An invalid config reads neither, and `normalize` then reports
 * the config field at fault.
 */
export function selectionVariables(schema: z.ZodType<{ pools?: string[] | undefined; minTvlUsd?: number | undefined }>): { byList: Variables; byTvl: Variables } {
  const read = (source: ResolvedSource) => {
    const parsed = schema.safeParse(source.config.options ?? {});
    return parsed.success ? parsed.data : {};
  };
  return {
    byList: (source) => {
      const { pools } = read(source);
      return pools === undefined ? null : { pools };
    },
    byTvl: (source) => {
      const { minTvlUsd } = read(source);
      return minTvlUsd === undefined ? null : { minTvlUsd: bigDecimalVariable(minTvlUsd) };
    },
  };
}

/** Whether a pool read from either collection belongs to the selection (union of both rules). */
export function isSelected(selection: PoolSelection, poolId: string, tvlUsd: number): boolean {
  return (selection.pools?.includes(poolId) ?? false) || (selection.minTvlUsd !== null && tvlUsd >= selection.minTvlUsd);
}

/** Listed pools that did not come back: the config names pools this subgraph does not have. */
export function checkListedPoolsFound(source: ResolvedSource, entity: string, selection: PoolSelection, found: ReadonlySet<string>): void {
  const missing = (selection.pools ?? []).filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new IndexerError(`options.pools names ${missing.length} pool(s) the subgraph does not have at block ${source.block}: ${missing.join(', ')}`, {
      source: source.config.name,
      entity,
    });
  }
}

/**
 * The items of the collections that together make one selection (`pools` and `poolsAboveTvl`):
 * each id once, with the collection it first came from, in id order. A collection the source did
 * not read (its `variables` were null) counts as empty.
 */
export function mergeSelected<T extends { id: string }>(
  schema: z.ZodType<T>,
  items: Readonly<Record<string, readonly unknown[]>>,
  source: string,
  entities: readonly string[],
): { entity: string; item: T }[] {
  const merged = new Map<string, { entity: string; item: T }>();
  for (const entity of entities) {
    for (const item of parseItems(schema, { [entity]: items[entity] ?? [] }, source, entity)) {
      const id = item.id.toLowerCase();
      if (!merged.has(id)) merged.set(id, { entity, item });
    }
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value);
}
