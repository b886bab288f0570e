import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIndexerConfig } from '../../src/indexers/config.js';
import { backoffDelay, DEFAULTS, withRetry, type RetryPolicy } from '../../src/indexers/engine/retry.js';
import { runBounded, serialized } from '../../src/indexers/engine/serialize.js';
import { postQuery, TransportFailure } from '../../src/indexers/engine/transport.js';
import { Redactor, resolveEndpoint } from '../../src/indexers/secrets.js';
import { scaleRawAmount, percentToFraction } from '../../src/indexers/units.js';

/** A loopback server whose next responses are scripted per test. */
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end();
const seen: { headers: IncomingMessage['headers']; url: string | undefined }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    seen.push({ headers: req.headers, url: req.url });
    handler(req, body, res);
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/subgraphs/name/test`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const endpoint = () => ({ url, headers: {} });

describe('GraphQL transport classifies failures', () => {
  it('returns data on success', async () => {
    handler = (_q, _b, res) => json(res, 200, { data: { items: [{ id: '0x01' }] } });
    expect(await postQuery(endpoint(), '{ items { id } }', {}, 2000)).toEqual({ items: [{ id: '0x01' }] });
  });

  const cases: [string, Handler, string, number | null][] = [
    ['429 with Retry-After', (_q, _b, res) => json(res, 429, { error: 'slow down' }, { 'retry-after': '2' }), 'rate-limited', 2000],
    ['500', (_q, _b, res) => json(res, 500, { error: 'boom' }), 'server-error', null],
    ['a truncated JSON body', (_q, _b, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"data": {"items": [{"id"'); }, 'malformed-json', null],
    ['GraphQL errors', (_q, _b, res) => json(res, 200, { errors: [{ message: 'Type `Position` has no field `balance`' }] }), 'graphql-errors', null],
    ['a 404', (_q, _b, res) => json(res, 404, { error: 'no such subgraph' }), 'http-error', null],
  ];
  it.each(cases)('%s', async (_what, respond, kind, retryAfterMs) => {
    handler = respond;
    const failure = await postQuery(endpoint(), '{ items { id } }', {}, 2000).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TransportFailure);
    expect((failure as TransportFailure).kind).toBe(kind);
    expect((failure as TransportFailure).retryAfterMs).toBe(retryAfterMs);
    expect((failure as TransportFailure).retryable).toBe(kind !== 'http-error');
  });

  it('times out a slow response', async () => {
    handler = (_q, _b, res) => {
      const timer = setTimeout(() => json(res, 200, { data: { items: [] } }), 1500);
      res.on('close', () => clearTimeout(timer));
    };
    const failure = (await postQuery(endpoint(), '{ items { id } }', {}, 200).catch((e: unknown) => e)) as TransportFailure;
    expect(failure.kind).toBe('timeout');
  });
});

describe('retry policy', () => {
  const policy = (over: Partial<RetryPolicy> = {}): RetryPolicy => ({ ...DEFAULTS, random: () => 0.5, sleep: async () => {}, ...over });

  it('draws full-jitter delays within [0, min(cap, base·2^n)] and honours Retry-After', () => {
    const failure = new TransportFailure('server-error', 'x', 500);
    expect(backoffDelay(policy({ random: () => 0.999999 }), 3, failure)).toBeCloseTo(500 * 8, -1);
    expect(backoffDelay(policy({ random: () => 0 }), 3, failure)).toBe(0);
    expect(backoffDelay(policy({ random: () => 1 - 1e-12 }), 20, failure)).toBeLessThanOrEqual(30_000);
    expect(backoffDelay(policy(), 0, new TransportFailure('rate-limited', 'x', 429, 7000))).toBe(7000);
  });

  it('retries what can succeed later, and gives up after maxRetries', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw new TransportFailure('server-error', 'boom', 503);
        return 'ok';
      },
      policy(),
      (_f, _r, delay) => delays.push(delay),
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toEqual([250, 500]);
    calls = 0;
    await expect(withRetry(async () => { calls++; throw new TransportFailure('timeout', 'slow'); }, policy({ maxRetries: 2 }))).rejects.toThrow('slow');
    expect(calls).toBe(3);
  });

  it('does not retry a client error', async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw new TransportFailure('http-error', 'HTTP 404', 404); }, policy())).rejects.toThrow('404');
    expect(calls).toBe(1);
  });
});

describe('bounded concurrency and serialized writes', () => {
  it('never runs more than the limit at once, and runs every task', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    const tasks = Array.from({ length: 12 }, (_, i) => async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5 + (i % 3)));
      inFlight--;
      done.push(i);
    });
    await runBounded(tasks, 3);
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('runs serialized tasks one at a time, even after a failure', async () => {
    const lane = serialized();
    const order: string[] = [];
    const slow = lane(async () => { order.push('a-start'); await new Promise((r) => setTimeout(r, 10)); order.push('a-end'); });
    const failing = lane(async () => { order.push('b'); throw new Error('b failed'); });
    const last = lane(async () => { order.push('c'); });
    await slow;
    await expect(failing).rejects.toThrow('b failed');
    await last;
    expect(order).toEqual(['a-start', 'a-end', 'b', 'c']);
  });
});

describe('API keys', () => {
  const config = (endpointUrl: string) =>
    parseIndexerConfig({ sources: [{ name: 'aave-v3-ethereum', schema: 'messari-lending', chain: 'ethereum', endpoint: endpointUrl, apiKeyEnv: 'GRAPH_API_KEY' }] }, 'test');

  it('sends the key as a bearer header, or in the URL where the endpoint asks for it', () => {
    const redactor = new Redactor();
    const header = resolveEndpoint(config('https://gateway.example/api/subgraphs/id/x').sources[0]!, { GRAPH_API_KEY: 'k3y-secret' }, redactor);
    expect(header.headers.Authorization).toBe('Bearer k3y-secret');
    const inUrl = resolveEndpoint(config('https://gateway.example/api/{apiKey}/subgraphs/id/x').sources[0]!, { GRAPH_API_KEY: 'k3y-secret' }, redactor);
    expect(inUrl.url).toBe('https://gateway.example/api/k3y-secret/subgraphs/id/x');
    expect(redactor.redact(`GET ${inUrl.url} failed`)).toBe('GET https://gateway.example/api/[redacted]/subgraphs/id/x failed');
  });

  it('names a missing variable, never a value', () => {
    expect(() => resolveEndpoint(config('https://g.example/x').sources[0]!, {}, new Redactor())).toThrow(
      'contagion/indexers: source aave-v3-ethereum: environment variable GRAPH_API_KEY (apiKeyEnv) is not set',
    );
  });

  it('rejects a config with an unknown schema or a duplicate name, naming the field', () => {
    expect(() => parseIndexerConfig({ sources: [{ name: 'x', schema: 'compound', chain: 'ethereum', endpoint: 'https://x' }] }, 'contagion.config.json')).toThrow(
      /contagion\.config\.json: field "sources\.0\.schema"/,
    );
    const source = { name: 'x', schema: 'aave-v3', chain: 'ethereum', endpoint: 'http://127.0.0.1:8000/subgraphs/name/x' };
    expect(() => parseIndexerConfig({ sources: [source, source] }, 'c.json')).toThrow(/source name "x" appears twice/);
  });
});

describe('units at the edge', () => {
  const origin = { source: 's', entity: 'positions', id: '0xabc' };
  it('scales raw amounts exactly', () => {
    expect(scaleRawAmount('1500000', 6, origin, 'balance')).toBe('1.5');
    expect(scaleRawAmount('1', 18, origin, 'balance')).toBe('0.000000000000000001');
    expect(scaleRawAmount('123456789012345678901234567890', 18, origin, 'balance')).toBe('123456789012.34567890123456789');
    expect(scaleRawAmount('5', 0, origin, 'balance')).toBe('5');
    expect(scaleRawAmount('1', 24, origin, 'balance')).toBe('0');
  });
  it('rejects what is not an amount, naming source, entity, id and field', () => {
    expect(() => scaleRawAmount('12.5', 6, origin, 'balance')).toThrow('contagion/indexers: source s, entity positions: balance "12.5" of id 0xabc is not an integer amount');
    expect(() => scaleRawAmount('-3', 6, origin, 'balance')).toThrow(/is negative/);
    expect(() => percentToFraction('182.5', origin, 'liquidationThreshold')).toThrow(/outside 0–100%/);
    expect(percentToFraction('82.5', origin, 'liquidationThreshold')).toBeCloseTo(0.825, 12);
  });
});

describe('GraphQL transport, a proxy error page', () => {
  it('calls a 200 HTML body malformed, not a network failure', async () => {
    handler = (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
    };
    const failure = (await postQuery(endpoint(), '{ items { id } }', {}, 2000).catch((e: unknown) => e)) as TransportFailure;
    expect(failure).toBeInstanceOf(TransportFailure);
    expect(failure.kind).toBe('malformed-json');
    expect(failure.retryable).toBe(true);
  });
});
