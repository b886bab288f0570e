import { ClientError, GraphQLClient } from 'graphql-request';
import type { Endpoint } from '../secrets.js';

/** Why a request failed, and whether trying again can help. */
export type FailureKind = 'rate-limited' | 'server-error' | 'timeout' | 'network' | 'malformed-json' | 'graphql-errors' | 'http-error';

export class TransportFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null = null,
    /** Server-requested wait (Retry-After), in ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'TransportFailure';
  }

  /** 429, 5xx, timeouts, dropped connections, unparseable bodies and GraphQL `errors` are retried; other 4xx are not. */
  get retryable(): boolean {
    return this.kind !== 'http-error';
  }
}

/**
 * Sends one GraphQL query and returns its `data`, or throws a classified `TransportFailure`.
 * graphql-request carries the request; this module only reads what it reports (status, headers,
 * errors) into the kinds the retry policy acts on.
 */
export async function postQuery(endpoint: Endpoint, query: string, variables: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
  const client = new GraphQLClient(endpoint.url, { headers: endpoint.headers, signal: AbortSignal.timeout(timeoutMs) });
  try {
    const response = await client.rawRequest<unknown>(query, variables);
    if (response.errors !== undefined && response.errors.length > 0) {
      throw new TransportFailure('graphql-errors', response.errors.map((e) => e.message).join('; '), response.status);
    }
    return response.data;
  } catch (error) {
    throw classify(error, timeoutMs);
  }
}

function classify(error: unknown, timeoutMs: number): TransportFailure {
  if (error instanceof TransportFailure) return error;
  if (error instanceof ClientError) {
    const status = error.response.status;
    const errors = error.response.errors ?? [];
    if (status === 429) return new TransportFailure('rate-limited', 'HTTP 429 Too Many Requests', status, retryAfter(error.response.headers));
    if (status >= 500) return new TransportFailure('server-error', `HTTP ${status}`, status, retryAfter(error.response.headers));
    if (errors.length > 0) return new TransportFailure('graphql-errors', errors.map((e) => e.message).join('; '), status);
    return new TransportFailure('http-error', `HTTP ${status}`, status);
  }
  if (error instanceof SyntaxError) return new TransportFailure('malformed-json', `response is not valid JSON (${error.message})`);
  // A 200 whose body parses but is no GraphQL result (an HTML error page from a proxy, say).
  if (error instanceof Error && /Invalid execution result/i.test(error.message)) {
    return new TransportFailure('malformed-json', `response is not a GraphQL result (${error.message.slice(0, 120)})`);
  }
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return new TransportFailure('timeout', `no response within ${timeoutMs} ms`);
  return new TransportFailure('network', `request failed: ${(error as Error).message ?? String(error)}`);
}

/** Retry-After in ms: seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfter(headers: Headers | Record<string, string> | undefined): number | null {
  const raw = headers instanceof Headers ? headers.get('retry-after') : undefined;
  if (raw === null || raw === undefined) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}
