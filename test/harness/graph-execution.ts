/**
 * Runs one GraphQL request body against the derived API the way graph-node's HTTP service does
 * (server/http, graphql/src/execution): a body that is not a JSON object with a string `query` is
 * a 400 `{ "error" }`; a syntax error, an unknown field or an argument graph-node cannot use is a
 * 200 with `{ "errors" }` and no `data`. No I/O here: the server module owns the socket.
 */
import { execute, parse, validate, type GraphQLError } from 'graphql';
import type { ChainView } from './chain.js';
import type { RangeLimits } from './collection-query.js';
import type { EntityStore } from './entity-store.js';
import { RowReader } from './entity-rows.js';
import { GRAPH_NODE_LENIENT_RULES, type GraphApi } from './graph-api-schema.js';
import { isQueryLevel, toWireError, unknownFieldErrors, type WireError } from './graph-node-errors.js';
import type { CollectionRead, RequestContext } from './graph-resolvers.js';

export interface GraphRequestBody {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName: string | null;
}

export interface ExecutionOutcome {
  readonly status: number;
  /** The JSON body to send. */
  readonly payload: Record<string, unknown>;
  readonly reads: readonly CollectionRead[];
  readonly skipUses: number;
}

export interface ExecutionEnv {
  readonly api: GraphApi;
  readonly store: EntityStore;
  readonly chain: ChainView;
  readonly limits: RangeLimits;
  readonly hasIndexingErrors: boolean;
}

/** Checks a decoded JSON body as graph-node's `parse_graphql_request` does; a string is the 400 message. */
export function readRequestBody(json: unknown): GraphRequestBody | string {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'Request data is not an object';
  const body = json as Record<string, unknown>;
  if (!('query' in body)) return 'The "query" field is missing in request data';
  if (typeof body.query !== 'string') return 'The "query" field is not a string';
  const variables = body.variables;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return 'Invalid query variables provided';
  const operationName = typeof body.operationName === 'string' ? body.operationName : null;
  return { query: body.query, variables: (variables as Record<string, unknown> | null) ?? {}, operationName };
}

const failed = (errors: readonly WireError[]): ExecutionOutcome => ({ status: 200, payload: { errors }, reads: [], skipUses: 0 });

export async function executeGraphRequest(env: ExecutionEnv, body: GraphRequestBody, request: number): Promise<ExecutionOutcome> {
  let document;
  try {
    document = parse(body.query);
  } catch (error) {
    return failed([toWireError(error as GraphQLError)]);
  }
  const unknown = unknownFieldErrors(env.api.schema, document);
  if (unknown.length > 0) return failed(unknown);
  const invalid = validate(env.api.schema, document, GRAPH_NODE_LENIENT_RULES);
  if (invalid.length > 0) return failed(invalid.map(toWireError));

  const context: RequestContext = {
    request,
    reader: new RowReader(env.api.model, env.store),
    chain: env.chain,
    limits: env.limits,
    hasIndexingErrors: env.hasIndexingErrors,
    reads: [],
    skipUses: 0,
  };
  const result = await execute({
    schema: env.api.schema,
    document,
    variableValues: body.variables,
    operationName: body.operationName,
    contextValue: context,
  });
  const errors = result.errors ?? [];
  // graph-node refuses the whole query on these; graphql-js would have returned partial data.
  if (errors.some(isQueryLevel)) return { ...failed(errors.map(toWireError)), reads: context.reads, skipUses: context.skipUses };
  const payload: Record<string, unknown> = { data: result.data ?? null };
  if (errors.length > 0) payload.errors = errors.map(toWireError);
  return { status: 200, payload, reads: context.reads, skipUses: context.skipUses };
}
