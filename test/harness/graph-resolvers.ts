/**
 * Resolvers giving a derived API schema graph-node's semantics over the entity store: root
 * fields read at the block their `block` argument names (or the head), every nested reference is
 * read at that same block, list references and `@derivedFrom` fields take the collection
 * arguments, and interfaces resolve to the stored concrete type.
 */
import { GraphQLInterfaceType, GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { BlockArg, ChainView } from './chain.js';
import { fakeBlockHash } from './chain.js';
import { applyCollection, checkRange, skipWasGiven, type CollectionArgs, type RangeLimits } from './collection-query.js';
import { EntityRow, type RowReader } from './entity-rows.js';
import type { GraphApi } from './graph-api-schema.js';
import { installScalars } from './graph-scalars.js';

/** One collection read at the root of a query, as the server's stats record it. */
export interface CollectionRead {
  /** Request number (from 1). */
  readonly request: number;
  /** The `Query` field, e.g. `positions`. */
  readonly field: string;
  /** The entity type or interface it reads. */
  readonly entity: string;
  /** `where.id_gt` as sent, or null: the cursor of `id_gt` pagination. */
  readonly idGt: string | null;
  readonly first: number;
  readonly skip: number;
  /** Block the read ran at (the head when the query gave no `block`). */
  readonly block: number;
  /** The `block` argument as sent, or null. */
  readonly blockArg: BlockArg | null;
  readonly orderBy: string | null;
  readonly orderDirection: string | null;
  readonly where: Readonly<Record<string, unknown>> | null;
  /** Entities returned (before any injected fault truncated them). */
  readonly returned: number;
}

/** What the resolvers of one request share. */
export interface RequestContext {
  readonly request: number;
  readonly reader: RowReader;
  readonly chain: ChainView;
  readonly limits: RangeLimits;
  readonly hasIndexingErrors: boolean;
  readonly reads: CollectionRead[];
  skipUses: number;
}

type RootArgs = CollectionArgs & { readonly id?: string; readonly block?: BlockArg | null };

/** Coerced input objects have a null prototype; stats hold plain copies that compare with toEqual. */
const plain = <T>(value: T | null | undefined): T | null => (value === null || value === undefined ? null : (JSON.parse(JSON.stringify(value)) as T));

function readCollection(ctx: RequestContext, info: GraphQLResolveInfo, typeName: string, rows: readonly EntityRow[], args: CollectionArgs): EntityRow[] {
  const range = checkRange(args, ctx.limits);
  if (skipWasGiven(info)) ctx.skipUses++;
  return applyCollection(ctx.reader, typeName, rows, args, range);
}

/** Attaches the resolvers to `api.schema` (in place) and returns it. */
export function installResolvers(api: GraphApi): GraphApi {
  const { schema, model, rootFields } = api;
  installScalars(schema);
  const query = schema.getQueryType()!;
  for (const [name, field] of Object.entries(query.getFields())) {
    if (name === '_meta') {
      field.resolve = (_source, args: { block?: BlockArg | null }, ctx: RequestContext) => {
        const block = ctx.chain.resolve(args.block);
        const parentHash = block.hash !== null && block.number > 0 ? fakeBlockHash(block.number - 1) : null;
        return { block: { ...block, parentHash }, deployment: ctx.chain.deployment, hasIndexingErrors: ctx.hasIndexingErrors };
      };
      continue;
    }
    const root = rootFields.get(name);
    if (root === undefined) continue;
    field.resolve = (_source, args: RootArgs, ctx: RequestContext, info) => {
      const block = ctx.chain.resolve(args.block);
      if (!root.collection) return ctx.reader.find(root.type, String(args.id), block.number) ?? null;
      const rows = readCollection(ctx, info, root.type, ctx.reader.all(root.type, block.number), args);
      const idGt = args.where?.id_gt;
      ctx.reads.push({
        request: ctx.request,
        field: name,
        entity: root.type,
        idGt: idGt === undefined || idGt === null ? null : String(idGt),
        first: args.first ?? 100,
        skip: args.skip ?? 0,
        block: block.number,
        blockArg: plain(args.block),
        orderBy: args.orderBy ?? null,
        orderDirection: args.orderDirection ?? null,
        where: plain(args.where),
        returned: rows.length,
      });
      return rows;
    };
  }

  for (const type of model.types.values()) {
    const served = schema.getType(type.name);
    if (served instanceof GraphQLInterfaceType) {
      served.resolveType = (value: unknown) => (value instanceof EntityRow ? value.type : undefined);
      continue;
    }
    if (!(served instanceof GraphQLObjectType)) continue;
    const fields = served.getFields();
    for (const field of type.fields) {
      const target = fields[field.name];
      if (target === undefined) continue;
      if (field.kind !== 'entity') {
        target.resolve = (row: EntityRow) => row.value(field) ?? null;
      } else if (!field.list) {
        target.resolve = (row: EntityRow, _args, ctx: RequestContext) => ctx.reader.related(row, field)[0] ?? null;
      } else {
        // A stored list left null stays null; an empty or derived list is a (possibly empty) collection.
        target.resolve = (row: EntityRow, args: CollectionArgs, ctx: RequestContext, info) =>
          field.derivedFrom === undefined && row.value(field) == null ? null : readCollection(ctx, info, field.baseType, ctx.reader.related(row, field), args);
      }
    }
  }
  return api;
}
