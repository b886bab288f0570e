/**
 * One collection read (`positions(...)` at the root, or `market { positions(...) }` nested):
 * range checks as graph-node's `build_range` (graphql/src/store/query.rs) makes them, then
 * filter, order, skip and first.
 */
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { compileFilter } from './entity-filter.js';
import { sortRows, type OrderArgs } from './entity-order.js';
import type { EntityRow, RowReader } from './entity-rows.js';
import { rangeError } from './graph-node-errors.js';

export interface CollectionArgs extends OrderArgs {
  readonly skip?: number | null;
  readonly first?: number | null;
  readonly where?: Readonly<Record<string, unknown>> | null;
}

export interface RangeLimits {
  /** graph-node's GRAPH_GRAPHQL_MAX_FIRST, 1000 by default. */
  readonly maxFirst: number;
  /** graph-node's GRAPH_GRAPHQL_MAX_SKIP: unlimited by default, 5000 on The Graph's hosted service. */
  readonly maxSkip: number;
}

/** `first` must be in 1..maxFirst (null means 100) and `skip` in 0..maxSkip, or the query fails. */
export function checkRange(args: CollectionArgs, limits: RangeLimits): { first: number; skip: number } {
  const first = args.first ?? 100;
  if (!(first > 0 && first <= limits.maxFirst)) throw rangeError('first', limits.maxFirst, first);
  const skip = args.skip ?? 0;
  if (!(skip >= 0 && skip <= limits.maxSkip)) throw rangeError('skip', limits.maxSkip, skip);
  return { first, skip };
}

/** Filters, sorts and slices `rows` of `typeName`. */
export function applyCollection(reader: RowReader, typeName: string, rows: readonly EntityRow[], args: CollectionArgs, range: { first: number; skip: number }): EntityRow[] {
  const keep = compileFilter(reader, typeName, args.where);
  const sorted = sortRows(reader, typeName, rows.filter(keep), args);
  return sorted.slice(range.skip, range.skip + range.first);
}

/** True when the query itself passed `skip` (a literal, or a variable that was given a value). */
export function skipWasGiven(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    (node.arguments ?? []).some((arg) => {
      if (arg.name.value !== 'skip') return false;
      if (arg.value.kind !== Kind.VARIABLE) return arg.value.kind !== Kind.NULL;
      const value = info.variableValues[arg.value.name.value];
      return value !== undefined && value !== null;
    }),
  );
}
