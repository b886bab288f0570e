/**
 * A local stand-in for The Graph's graph-node, on 127.0.0.1 and an ephemeral port, serving the
 * query API of a real subgraph schema over a block-versioned in-memory store, with injectable
 * faults and a record of every read, so indexers can be tested with no network beyond loopback.
 *
 *   POST /<any path> { query, variables, operationName }
 *     ─▶ fault? (queue first, then the `faults` rule) ─▶ graph-execution ─▶ fault transforms ─▶ reply
 *
 * `stop()` cancels delayed replies, destroys open sockets and closes the listener, so nothing the
 * server made keeps the event loop alive afterwards.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { ChainView } from './chain.js';
import { EntityStore } from './entity-store.js';
import { dropField, malformedResponse, shortenCollections, statusResponse, type Fault, type FaultRequest, type RawResponse } from './faults.js';
import { deriveGraphApi, type GraphApi } from './graph-api-schema.js';
import { executeGraphRequest, readRequestBody, type ExecutionEnv, type GraphRequestBody } from './graph-execution.js';
import { installResolvers } from './graph-resolvers.js';
import { emptyStats, type FakeGraphNodeStats, type LoggedRequest } from './server-stats.js';

export type { FakeGraphNodeStats, LoggedRequest };

export interface FakeGraphNodeOptions {
  /** The subgraph schema (SDL text), e.g. `loadSubgraphSdl('messari-lending')`. */
  readonly schema: string;
  /** Entities to serve; a new empty store by default (reachable as `node.store`). */
  readonly store?: EntityStore;
  /** Indexed head block; by default it follows the highest block loaded into the store. */
  readonly head?: number;
  /** Deployment id in `_meta` and in graph-node's error messages. */
  readonly deployment?: string;
  /** Rule deciding a fault per request (after the `enqueueFault` queue is empty). */
  readonly faults?: (request: FaultRequest) => Fault | null;
  /** Serve a schema with fields renamed, e.g. `{ 'Position.balance': 'amount' }` (schema drift). */
  readonly renameFields?: Readonly<Record<string, string>>;
  /** Largest `first` (graph-node's GRAPH_GRAPHQL_MAX_FIRST, default 1000). */
  readonly maxFirst?: number;
  /** Largest `skip` (default 5000, as on The Graph's network; graph-node alone has no limit). */
  readonly maxSkip?: number;
  /** What `_meta.hasIndexingErrors` says. */
  readonly hasIndexingErrors?: boolean;
  /** Block timestamps for `_meta` (default: `defaultBlockTimestamp`, as the generators use). */
  readonly blockTimestamp?: (block: number) => number;
  /** Log one line per request to stderr. */
  readonly verbose?: boolean;
}

export interface FakeGraphNode {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** A graph-node-like query URL on this server (any path is served). */
  readonly url: string;
  readonly port: number;
  readonly store: EntityStore;
  readonly schema: GraphQLSchema;
  readonly head: number;
  readonly stats: FakeGraphNodeStats;
  readonly requests: readonly LoggedRequest[];
  setHead(block: number): void;
  enqueueFault(fault: Fault): void;
  resetStats(): void;
  stop(): Promise<void>;
}

const DEFAULTS = { deployment: 'QmFakeGraphNodeDeployment0000000000000000000000', maxFirst: 1000, maxSkip: 5000, maxBodyBytes: 10 * 1024 * 1024 };

/** Deriving a large API schema takes a few hundred ms; servers of one schema share it (resolvers keep no state). */
const apiCache = new Map<string, GraphApi>();
function apiFor(schema: string, renameFields: Readonly<Record<string, string>> | undefined): GraphApi {
  const key = `${JSON.stringify(renameFields ?? {})}\n${schema}`;
  let api = apiCache.get(key);
  if (api === undefined) apiCache.set(key, (api = installResolvers(deriveGraphApi(schema, { renameFields }))));
  return api;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DEFAULTS.maxBodyBytes) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeGraphNode(options: FakeGraphNodeOptions): Promise<FakeGraphNode> {
  const api = apiFor(options.schema, options.renameFields);
  const store = options.store ?? new EntityStore();
  let explicitHead = options.head;
  const chain = new ChainView(options.deployment ?? DEFAULTS.deployment, () => explicitHead ?? store.latestBlock, options.blockTimestamp);
  const env: ExecutionEnv = {
    api,
    store,
    chain,
    limits: { maxFirst: options.maxFirst ?? DEFAULTS.maxFirst, maxSkip: options.maxSkip ?? DEFAULTS.maxSkip },
    hasIndexingErrors: options.hasIndexingErrors ?? false,
  };
  let stats = emptyStats();
  const requests: LoggedRequest[] = [];
  const queue: Fault[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let count = 0;

  const send = (res: ServerResponse, response: RawResponse): void => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  };
  const json = (status: number, payload: unknown): RawResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const n = ++count;
    stats.requests++;
    const path = req.url ?? '/';
    const log = (body: GraphRequestBody | null, fault: Fault | null, response: RawResponse, delayMs = 0): void => {
      requests.push({ n, method: req.method ?? '', path, body, fault, status: response.status });
      if (options.verbose) console.error(`[fake-graph-node] #${n} ${req.method} ${path} -> ${response.status}${fault === null ? '' : ` fault=${fault.kind}`}`);
      if (delayMs <= 0) return send(res, response);
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(res, response);
      }, delayMs);
      timers.add(timer);
    };
    if (req.method !== 'POST') return log(null, null, json(405, { error: `method ${req.method} not allowed; POST a GraphQL request` }));

    let decoded: unknown;
    try {
      decoded = JSON.parse(await readBody(req));
    } catch (error) {
      return log(null, null, json(400, { error: (error as Error).message }));
    }
    const body = readRequestBody(decoded);
    if (typeof body === 'string') return log(null, null, json(400, { error: body }));

    const fault = queue.shift() ?? options.faults?.({ n, body: { query: body.query, variables: body.variables } }) ?? null;
    if (fault !== null) stats.faults[fault.kind]++;
    if (fault?.kind === 'status') return log(body, fault, statusResponse(fault));
    if (fault?.kind === 'graphql-error') return log(body, fault, json(200, { errors: [{ message: fault.message }] }));

    const outcome = await executeGraphRequest(env, body, n);
    stats.reads.push(...outcome.reads);
    stats.skipUsed += outcome.skipUses;
    if ('errors' in outcome.payload) stats.graphqlErrors++;
    let payload = outcome.payload;
    if (fault?.kind === 'short') payload = shortenCollections(payload, fault.keep);
    if (fault?.kind === 'drop-field') payload = dropField(payload, fault.field, fault.absent);
    const response = fault?.kind === 'malformed' ? malformedResponse(payload) : json(outcome.status, payload);
    log(body, fault, response, fault?.kind === 'delay' ? fault.ms : 0);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, { status: 500, headers: { 'content-type': 'text/plain' }, body: `test/harness/fake-graph-node: ${(error as Error).stack ?? String(error)}` }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('test/harness/fake-graph-node: server has no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    url: `${origin}/subgraphs/name/contagion/fake`,
    port: address.port,
    store,
    schema: api.schema,
    get head() {
      return chain.head;
    },
    get stats() {
      return stats;
    },
    requests,
    setHead(block: number) {
      if (!Number.isInteger(block) || block < 0) throw new Error(`test/harness/fake-graph-node: setHead(${block}): not a block number`);
      explicitHead = block;
    },
    enqueueFault(fault: Fault) {
      queue.push(fault);
    },
    resetStats() {
      stats = emptyStats();
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
