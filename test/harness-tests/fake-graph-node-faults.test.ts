import { ClientError, GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messariLendingData } from '../harness/data/messari-lending.js';
import { EntityStore } from '../harness/entity-store.js';
import { startFakeGraphNode, type FakeGraphNode } from '../harness/fake-graph-node.js';
import type { Fault } from '../harness/faults.js';
import { loadSubgraphSdl } from '../harness/subgraph-schemas.js';
import { post, query } from './http-client.js';

const data = messariLendingData({ seed: 11, accounts: 100, markets: 4 });
const store = new EntityStore();
store.load(data.entities, data.block);
const PAGE = '{ positions(first: 10) { id balance side } }';
let node: FakeGraphNode;

beforeAll(async () => {
  node = await startFakeGraphNode({ schema: loadSubgraphSdl('messari-lending'), store });
});
afterAll(() => node.stop());

describe('fake graph-node: injected faults', () => {
  it.each([
    [429, 'application/json', /Too many requests/],
    [500, 'text/plain; charset=utf-8', /Internal server error/],
    [502, 'text/html', /502 Bad Gateway/],
    [503, 'text/html', /503 Service Temporarily Unavailable/],
  ] as const)('status %i answers with that status, its usual body and Retry-After', async (status, type, body) => {
    node.enqueueFault({ kind: 'status', status, retryAfterSeconds: 3 });
    const result = await post(node.url, PAGE);
    expect(result.status).toBe(status);
    expect(result.headers.get('content-type')).toBe(type);
    expect(result.headers.get('retry-after')).toBe('3');
    expect(result.text).toMatch(body);
    expect((await post(node.url, PAGE)).status, 'a queued fault is used once').toBe(200);
  });

  it('surfaces a status fault to graphql-request as a ClientError with the status and headers', async () => {
    node.enqueueFault({ kind: 'status', status: 429, retryAfterSeconds: 7 });
    const client = new GraphQLClient(node.url);
    const error = await client.rawRequest(PAGE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).response.status).toBe(429);
    expect((error as ClientError).response.headers?.get('retry-after')).toBe('7');
  });

  it('delays a reply past a client timeout, and still completes it', async () => {
    node.enqueueFault({ kind: 'delay', ms: 600 });
    const started = Date.now();
    const timedOut = await fetch(node.url, { method: 'POST', body: JSON.stringify({ query: PAGE }), signal: AbortSignal.timeout(100) }).catch((e: Error) => e);
    expect((timedOut as Error).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeLessThan(500);
    node.enqueueFault({ kind: 'delay', ms: 150 });
    const late = Date.now();
    const data = await query<{ positions: unknown[] }>(node.url, PAGE);
    expect(Date.now() - late).toBeGreaterThanOrEqual(140);
    expect(data.positions).toHaveLength(10);
  });

  it('sends a cut-off JSON body that a client cannot parse', async () => {
    node.enqueueFault({ kind: 'malformed' });
    const response = await fetch(node.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PAGE }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toBeInstanceOf(SyntaxError);
    node.enqueueFault({ kind: 'malformed' });
    await expect(new GraphQLClient(node.url).rawRequest(PAGE)).rejects.toThrow();
  });

  it('returns a short page though more entities exist', async () => {
    node.resetStats();
    node.enqueueFault({ kind: 'short', keep: 3 });
    const { positions } = await query<{ positions: unknown[] }>(node.url, PAGE);
    expect(positions).toHaveLength(3);
    expect(node.stats.reads[0]!.returned, 'stats record what the store returned').toBe(10);
  });

  it('answers 200 with GraphQL errors and no data', async () => {
    node.enqueueFault({ kind: 'graphql-error', message: 'store error: canceling statement due to statement timeout' });
    const result = await post(node.url, PAGE);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ errors: [{ message: 'store error: canceling statement due to statement timeout' }] });
  });

  it('drops a field from returned entities (null, or absent)', async () => {
    node.enqueueFault({ kind: 'drop-field', field: 'balance' });
    const nulled = await query<{ positions: Record<string, unknown>[] }>(node.url, PAGE);
    expect(nulled.positions.every((p) => p.balance === null && typeof p.side === 'string')).toBe(true);
    node.enqueueFault({ kind: 'drop-field', field: 'balance', absent: true });
    const absent = await query<{ positions: Record<string, unknown>[] }>(node.url, PAGE);
    expect(absent.positions.every((p) => !('balance' in p))).toBe(true);
  });

  it('decides faults per request with a rule, after the queue, and counts them', async () => {
    const seen: number[] = [];
    const ruled = await startFakeGraphNode({
      schema: loadSubgraphSdl('messari-lending'),
      store,
      faults: ({ n, body }): Fault | null => {
        seen.push(n);
        return n % 2 === 0 && body.query.includes('positions') ? { kind: 'status', status: 503 } : null;
      },
    });
    try {
      ruled.enqueueFault({ kind: 'graphql-error', message: 'first' });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(ruled.url, PAGE)).status);
      expect(statuses).toEqual([200, 503, 200, 503, 200]);
      expect(seen, 'the rule is not asked while the queue has a fault').toEqual([2, 3, 4, 5]);
      expect(ruled.stats.requests).toBe(5);
      expect(ruled.stats.faults).toEqual({ status: 2, delay: 0, malformed: 0, short: 0, 'graphql-error': 1, 'drop-field': 0 });
      expect(ruled.requests.map((r) => [r.n, r.status, r.fault?.kind ?? null])).toEqual([
        [1, 200, 'graphql-error'],
        [2, 503, 'status'],
        [3, 200, null],
        [4, 503, 'status'],
        [5, 200, null],
      ]);
      expect(ruled.requests[2]!.body?.query).toBe(PAGE);
    } finally {
      await ruled.stop();
    }
  });
});

describe('fake graph-node: schema drift', () => {
  it('serves a renamed field, and refuses the old name as graph-node does', async () => {
    const drifted = await startFakeGraphNode({ schema: loadSubgraphSdl('messari-lending'), store, renameFields: { 'Position.balance': 'amount', 'Event.amount': 'value' } });
    try {
      const old = await post(drifted.url, '{ positions(first: 1) { id balance } }');
      expect(old.json).toEqual({ errors: [{ message: 'Type `Position` has no field `balance`', locations: [{ line: 1, column: 28 }] }] });
      const renamed = await query<{ positions: { amount: string }[] }>(drifted.url, '{ positions(first: 1000, where: { amount_gt: "0" }, orderBy: amount) { amount } }');
      const open = Object.values(data.entities.Position!).filter((p) => p.balance !== '0');
      expect(renamed.positions.map((p) => p.amount)).toEqual(open.map((p) => BigInt(p.balance as string)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String));
      const events = await query<{ liquidates: { value: string }[] }>(drifted.url, '{ liquidates(first: 1) { value } }');
      expect(events.liquidates[0]!.value).toMatch(/^\d+$/);
      expect((await post(drifted.url, '{ liquidates { amount } }')).json?.errors?.[0]?.message).toBe('Type `Liquidate` has no field `amount`');
    } finally {
      await drifted.stop();
    }
  });

  it('refuses to rename a field the schema does not have', async () => {
    await expect(startFakeGraphNode({ schema: loadSubgraphSdl('messari-lending'), renameFields: { 'Position.size': 'x' } })).rejects.toThrow(/Position.size/);
  });
});
