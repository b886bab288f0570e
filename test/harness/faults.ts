/**
 * Faults the fake graph-node injects into a response, to test how indexers cope with what
 * The Graph's gateways and indexers really send back: rate limits and proxy errors (with the
 * bodies a proxy sends: JSON, plain text or HTML), late answers, cut-off bodies, pages shorter
 * than asked though more exist, GraphQL errors, and a field that stops coming (data drift).
 */

export type Fault =
  | { readonly kind: 'status'; readonly status: 429 | 500 | 502 | 503; readonly retryAfterSeconds?: number }
  /** Answer normally, but only after `ms` (for client timeouts); cancelled by `stop()`. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** 200 with a body cut in the middle of the JSON. */
  | { readonly kind: 'malformed' }
  /** Every root collection in the answer cut to `keep` items. */
  | { readonly kind: 'short'; readonly keep: number }
  /** 200 with `{ "errors": [{ "message" }] }` and no data. */
  | { readonly kind: 'graphql-error'; readonly message: string }
  /** Entities in the answer have `field` set to null (or removed with `absent: true`). */
  | { readonly kind: 'drop-field'; readonly field: string; readonly absent?: boolean };

export type FaultKind = Fault['kind'];
export const FAULT_KINDS: readonly FaultKind[] = ['status', 'delay', 'malformed', 'short', 'graphql-error', 'drop-field'];

/** What a fault rule is shown of each request: its number (from 1) and its body. */
export interface FaultRequest {
  readonly n: number;
  readonly body: { readonly query: string; readonly variables: Readonly<Record<string, unknown>> };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** The response of a `status` fault, with the body the layer that usually sends it would send. */
export function statusResponse(fault: Extract<Fault, { kind: 'status' }>): RawResponse {
  const retry: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
  switch (fault.status) {
    case 429:
      return { status: 429, headers: { ...JSON_TYPE, ...retry }, body: JSON.stringify({ errors: [{ message: 'Too many requests, try again later' }] }) };
    case 500:
      return { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8', ...retry }, body: 'Internal server error: injected by fake-graph-node' };
    case 502:
    case 503: {
      const title = fault.status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
      const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
      return { status: fault.status, headers: { 'content-type': 'text/html', ...retry }, body };
    }
  }
}

/** A JSON body cut off half-way, as a dropped proxy connection leaves it. */
export function malformedResponse(payload: unknown): RawResponse {
  const text = JSON.stringify(payload);
  return { status: 200, headers: JSON_TYPE, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
}

/** `payload` with each root collection of its `data` cut to `keep` items. */
export function shortenCollections(payload: Record<string, unknown>, keep: number): Record<string, unknown> {
  const data = payload.data as Record<string, unknown> | null | undefined;
  if (data === null || data === undefined) return payload;
  const cut = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Array.isArray(v) ? v.slice(0, Math.max(0, keep)) : v]));
  return { ...payload, data: cut };
}

/** `payload` with `field` nulled (or removed) in every entity object under `data`. */
export function dropField(payload: Record<string, unknown>, field: string, absent = false): Record<string, unknown> {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k !== field) out[k] = walk(v);
      else if (!absent) out[k] = null;
    }
    return out;
  };
  const data = payload.data as Record<string, unknown> | null | undefined;
  if (data === null || data === undefined) return payload;
  return { ...payload, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, walk(v)])) };
}
