/**
 * The query API graph-node serves for a subgraph schema (The Graph docs, "GraphQL API"; graph-node
 * graph/src/schema/api.rs and meta.graphql), as a graphql-js schema:
 *
 *   subgraph SDL ──buildSubgraphModel──▶ model ──apiSdl──▶ API SDL ──buildSchema──▶ GraphQLSchema
 *
 * For each entity type or interface `Foo`: `foo(id, block, subgraphError)` and
 * `foos(skip, first, orderBy, orderDirection, where, block, subgraphError)` on `Query`, the
 * `Foo_filter` input and `Foo_orderBy` enum; list fields of entity type take the same collection
 * arguments (without `block`); `_meta` gives the block the query ran at. Subgraph directives
 * (`@entity`, `@derivedFrom`, Messari's `@regularPolling`…) are not served.
 */
import {
  buildSchema,
  GraphQLError,
  NoUnusedFragmentsRule,
  NoUnusedVariablesRule,
  parse,
  specifiedRules,
  validate,
  VariablesInAllowedPositionRule,
  type GraphQLSchema,
} from 'graphql';
import { filterKeys, orderByValues } from './graph-api-filters.js';
import { queryFieldNames } from './graph-names.js';
import { buildSubgraphModel, CUSTOM_SCALARS, type ModelField, type ModelType, type SubgraphModel } from './subgraph-model.js';

/** Types every graph-node API schema has (meta.graphql, less the aggregation and logs types). */
const META_SDL = `
${CUSTOM_SCALARS.map((s) => `scalar ${s}`).join('\n')}

"The type for the top-level _meta field"
type _Meta_ {
  "Information about a specific subgraph block. The hash of the block will be null if the _meta field has a block constraint that asks for a block number."
  block: _Block_!
  "The deployment ID"
  deployment: String!
  "If \`true\`, the subgraph encountered indexing errors at some past block"
  hasIndexingErrors: Boolean!
}

type _Block_ {
  hash: Bytes
  number: Int!
  timestamp: Int
  parentHash: Bytes
}

input BlockChangedFilter {
  number_gte: Int!
}

"The block at which the query should be executed."
input Block_height {
  hash: Bytes
  number: Int
  number_gte: Int
}

enum _SubgraphErrorPolicy_ {
  allow
  deny
}

enum OrderDirection {
  asc
  desc
}
`;

export interface GraphApi {
  readonly schema: GraphQLSchema;
  readonly model: SubgraphModel;
  /** `Query` field name → the entity type it reads and whether it is a collection. */
  readonly rootFields: ReadonlyMap<string, { readonly type: string; readonly collection: boolean }>;
}

export interface GraphApiOptions {
  /** Serve `Type.field` under another name (schema drift), e.g. `{ 'Position.balance': 'amount' }`. */
  readonly renameFields?: Readonly<Record<string, string>>;
}

const describe = (text: string | undefined, indent = ''): string => (text === undefined ? '' : `${indent}${JSON.stringify(text)}\n`);

const collectionArgs = (type: string): string =>
  `skip: Int = 0, first: Int = 100, orderBy: ${type}_orderBy, orderDirection: OrderDirection, where: ${type}_filter`;
const BLOCK_ARG = 'block: Block_height';
const ERROR_ARG = 'subgraphError: _SubgraphErrorPolicy_! = deny';

function fieldSdl(field: ModelField, model: SubgraphModel): string {
  const args = field.list && field.kind === 'entity' && model.types.has(field.baseType) ? `(${collectionArgs(field.baseType)})` : '';
  return `${describe(field.description, '  ')}  ${field.name}${args}: ${field.typeText}`;
}

function typeSdl(type: ModelType, model: SubgraphModel): string {
  const keyword = type.isInterface ? 'interface' : 'type';
  const implementsClause = type.interfaces.length > 0 ? ` implements ${type.interfaces.join(' & ')}` : '';
  const fields = type.fields.map((f) => fieldSdl(f, model)).join('\n');
  const filter = filterKeys(model, type.name)
    .map((k) => `  ${k.key}: ${k.valueType}`)
    .join('\n');
  const orderBy = orderByValues(model, type.name)
    .map((v) => `  ${v.value}`)
    .join('\n');
  return `${describe(type.description)}${keyword} ${type.name}${implementsClause} {\n${fields}\n}\n\ninput ${type.name}_filter {\n${filter}\n}\n\nenum ${type.name}_orderBy {\n${orderBy}\n}\n`;
}

/** Derives the API from a subgraph schema: the served schema, the model behind it and the root fields. */
export function deriveGraphApi(subgraphSdl: string, options: GraphApiOptions = {}): GraphApi {
  const model = buildSubgraphModel(subgraphSdl, options.renameFields);
  const rootFields = new Map<string, { type: string; collection: boolean }>();
  const queryFields: string[] = [];
  const types = [...model.types.values()];
  // graph-node lists object types before interfaces on `Query`.
  for (const type of [...types.filter((t) => !t.isInterface), ...types.filter((t) => t.isInterface)]) {
    const { single, collection } = queryFieldNames(type.name);
    for (const name of [single, collection]) {
      if (rootFields.has(name)) throw new Error(`test/harness/graph-api-schema: two types map to the query field \`${name}\``);
    }
    rootFields.set(single, { type: type.name, collection: false });
    rootFields.set(collection, { type: type.name, collection: true });
    queryFields.push(`  ${single}(id: ID!, ${BLOCK_ARG}, ${ERROR_ARG}): ${type.name}`);
    queryFields.push(`  ${collection}(${collectionArgs(type.name)}, ${BLOCK_ARG}, ${ERROR_ARG}): [${type.name}!]!`);
  }
  queryFields.push(`  "Access to subgraph metadata"\n  _meta(${BLOCK_ARG}): _Meta_`);
  const sdl = [META_SDL, ...model.enumSdl, ...types.map((t) => typeSdl(t, model)), `type Query {\n${queryFields.join('\n')}\n}\n`].join('\n');
  try {
    // The SDL is generated here; graphql-js still checks the built schema (assertValidSchema) on first use.
    return { schema: buildSchema(sdl, { assumeValidSDL: true }), model, rootFields };
  } catch (error) {
    throw new Error(`test/harness/graph-api-schema: the derived API schema does not build: ${(error as Error).message}`);
  }
}

/** The query API graph-node would serve for `subgraphSdl`. */
export function buildGraphApiSchema(subgraphSdl: string, options: GraphApiOptions = {}): GraphQLSchema {
  return deriveGraphApi(subgraphSdl, options).schema;
}

/**
 * The spec's rules less three that graph-node, which by default runs none of them
 * (ENABLE_GRAPHQL_VALIDATIONS is off), would not enforce: unused variables and fragments, and a
 * variable whose declared type differs from the argument's (`$after: String!` for `id_gt: ID`).
 * The fake graph-node validates with these, so it accepts what graph-node accepts.
 */
export const GRAPH_NODE_LENIENT_RULES = specifiedRules.filter(
  (rule) => rule !== NoUnusedVariablesRule && rule !== NoUnusedFragmentsRule && rule !== VariablesInAllowedPositionRule,
);

export interface ValidateQueryOptions {
  /** Check only what the fake (and real) graph-node enforce, not every rule of the spec. */
  readonly lenient?: boolean;
}

/**
 * Parses and validates a query document against an API schema, by default with every rule of the
 * GraphQL specification: stricter than graph-node's defaults, so a query file that passes is
 * accepted by graph-node with or without validations on. Syntax errors are returned too.
 */
export function validateQuery(schema: GraphQLSchema, queryText: string, options: ValidateQueryOptions = {}): readonly GraphQLError[] {
  let document;
  try {
    document = parse(queryText);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  return validate(schema, document, options.lenient === true ? GRAPH_NODE_LENIENT_RULES : specifiedRules);
}
