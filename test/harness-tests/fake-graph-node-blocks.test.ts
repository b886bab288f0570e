import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBlockHash, defaultBlockTimestamp } from '../harness/chain.js';
import { aaveV3Data } from '../harness/data/aave-v3.js';
import { removeEntities, updateEntities } from '../harness/data/entity-set.js';
import { EntityStore } from '../harness/entity-store.js';
import { startFakeGraphNode, type FakeGraphNode } from '../harness/fake-graph-node.js';
import { loadSubgraphSdl } from '../harness/subgraph-schemas.js';
import { post, query, readAll } from './http-client.js';

const base = aaveV3Data({ seed: 3, users: 300 });
const allIds = Object.keys(base.entities.UserReserve!).sort();
const doomed = new Set(allIds.slice(0, 20));
// Block 200: every aToken balance doubles, and 20 user reserves are gone.
const later = removeEntities(
  updateEntities(base.entities, 'UserReserve', () => true, (ur) => {
    ur.currentATokenBalance = (BigInt(ur.currentATokenBalance as string) * 2n).toString();
  }),
  'UserReserve',
  (ur) => doomed.has(ur.id as string),
);
const USER_RESERVES = `query($first: Int!, $lastId: ID!, $block: Int!) {
  items: userReserves(first: $first, where: { id_gt: $lastId }, orderBy: id, orderDirection: asc, block: { number: $block }) { id currentATokenBalance reserve { id symbol } }
}`;
let node: FakeGraphNode;

beforeAll(async () => {
  const store = new EntityStore();
  store.load(base.entities, 100);
  store.load(later, 200, { mode: 'replace' });
  node = await startFakeGraphNode({ schema: loadSubgraphSdl('aave-v3'), store, head: 150, deployment: 'QmTestDeployment' });
});
afterAll(() => node.stop());

describe('fake graph-node: blocks', () => {
  it('answers at the head by default and at the asked block otherwise', async () => {
    const id = allIds[30]!;
    const original = base.entities.UserReserve![id]!.currentATokenBalance as string;
    const atHead = await query<{ userReserve: { currentATokenBalance: string } }>(node.url, `{ userReserve(id: "${id}") { currentATokenBalance } }`);
    expect(atHead.userReserve.currentATokenBalance, 'head 150 still sees block 100').toBe(original);
    node.setHead(250);
    const moved = await query<{ userReserve: { currentATokenBalance: string } }>(node.url, `{ userReserve(id: "${id}") { currentATokenBalance } }`);
    expect(moved.userReserve.currentATokenBalance).toBe((BigInt(original) * 2n).toString());
    const pinned = await query<{ userReserve: { currentATokenBalance: string } }>(node.url, `{ userReserve(id: "${id}", block: { number: 199 }) { currentATokenBalance } }`);
    expect(pinned.userReserve.currentATokenBalance).toBe(original);
    const removed = await query<{ userReserve: unknown }>(node.url, `{ userReserve(id: "${allIds[0]}") { id } }`);
    expect(removed.userReserve).toBeNull();
  });

  it('keeps a reader pinned at block N on N while the head moves under it', async () => {
    node.setHead(150);
    node.resetStats();
    const pages: Record<string, unknown>[] = [];
    let lastId = '';
    for (let page = 0; ; page++) {
      if (page === 1) node.setHead(250);
      const { items } = await query<{ items: Record<string, unknown>[] }>(node.url, USER_RESERVES, { first: 200, lastId, block: 150 });
      pages.push(...items);
      if (items.length < 200) break;
      lastId = items.at(-1)!.id as string;
    }
    expect(pages.map((p) => p.id)).toEqual(allIds);
    expect(pages.every((p) => p.currentATokenBalance === base.entities.UserReserve![p.id as string]!.currentATokenBalance)).toBe(true);
    expect(new Set(node.stats.reads.map((r) => r.block))).toEqual(new Set([150]));
    const afterMove = await readAll(node.url, USER_RESERVES, { first: 1000, block: 250 });
    expect(afterMove).toHaveLength(allIds.length - doomed.size);
  });

  it('refuses a block above the head with graph-node’s message', async () => {
    node.setHead(150);
    const result = await post(node.url, '{ reserves(block: { number: 151 }) { id } }');
    expect(result.status).toBe(200);
    expect(result.json?.data).toBeUndefined();
    expect(result.json?.errors?.[0]?.message).toBe(
      'Failed to decode `block.number` value: `subgraph QmTestDeployment has only indexed up to block number 150 and data for block number 151 is therefore not yet available`',
    );
    const gte = await post(node.url, '{ reserves(block: { number_gte: 160 }) { id } }');
    expect(gte.json?.errors?.[0]?.message).toMatch(/^Failed to decode `block.number_gte` value: `subgraph QmTestDeployment has only indexed up to block number 150/);
    const ok = await query<{ reserves: unknown[] }>(node.url, '{ reserves(block: { number_gte: 120 }) { id } }');
    expect(ok.reserves).toHaveLength(Object.keys(base.entities.Reserve!).length);
  });

  it('reports the block in _meta: the head with hash and timestamp, an asked number without', async () => {
    node.setHead(150);
    const head = await query<{ _meta: { block: { number: number; hash: string; timestamp: number }; deployment: string; hasIndexingErrors: boolean } }>(
      node.url,
      '{ _meta { block { number hash timestamp } deployment hasIndexingErrors } }',
    );
    expect(head._meta).toEqual({ block: { number: 150, hash: fakeBlockHash(150), timestamp: defaultBlockTimestamp(150) }, deployment: 'QmTestDeployment', hasIndexingErrors: false });
    const pinned = await query<{ _meta: { block: { number: number; hash: string | null } } }>(node.url, '{ _meta(block: { number: 120 }) { block { number hash } } }');
    expect(pinned._meta.block).toEqual({ number: 120, hash: null });
  });

  it('reads at a block given by hash', async () => {
    node.setHead(250);
    const { reserves } = await query<{ reserves: { id: string }[] }>(node.url, `{ reserves(first: 1, block: { hash: "${fakeBlockHash(120)}" }) { id } }`);
    expect(reserves).toHaveLength(1);
    const unknown = await post(node.url, `{ reserves(block: { hash: "0x${'ab'.repeat(32)}" }) { id } }`);
    expect(unknown.json?.errors?.[0]?.message).toBe('Failed to decode `block.hash` value: `no block with that hash found`');
  });

  it('filters on entities changed since a block (_change_block)', async () => {
    node.setHead(250);
    const { changed } = await query<{ changed: unknown[] }>(node.url, '{ changed: userReserves(first: 1000, where: { _change_block: { number_gte: 200 } }) { id } }');
    const unchanged = Object.values(later.UserReserve!).filter((ur) => ur.currentATokenBalance === '0').length;
    expect(changed).toHaveLength(allIds.length - doomed.size - unchanged);
  });
});
