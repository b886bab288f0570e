import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messariLendingData } from '../harness/data/messari-lending.js';
import { startFakeGraphNode, type FakeGraphNode } from '../harness/fake-graph-node.js';
import { loadSubgraphSdl } from '../harness/subgraph-schemas.js';
import { post, query, readAll } from './http-client.js';

const data = messariLendingData({ seed: 7, accounts: 800, markets: 6 });
const BLOCK = data.block;
const POSITIONS = `query($first: Int!, $lastId: ID!, $block: Int!) {
  items: positions(first: $first, where: { id_gt: $lastId }, orderBy: id, orderDirection: asc, block: { number: $block }) { id balance side market { id } }
}`;
let node: FakeGraphNode;

beforeAll(async () => {
  node = await startFakeGraphNode({ schema: loadSubgraphSdl('messari-lending') });
  node.store.load(data.entities, BLOCK);
});
afterAll(() => node.stop());

describe('fake graph-node: reading collections', () => {
  it('returns every entity exactly once through id_gt pagination at one block', async () => {
    node.resetStats();
    const items = await readAll(node.url, POSITIONS, { first: 1000, block: BLOCK });
    const ids = items.map((p) => p.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(data.entities.Position!).sort());
    const reads = node.stats.reads;
    expect(reads.length).toBe(Math.ceil(ids.length / 1000) + (ids.length % 1000 === 0 ? 1 : 0));
    expect(new Set(reads.map((r) => r.block))).toEqual(new Set([BLOCK]));
    expect(reads.map((r) => r.idGt)).toEqual(['', ...reads.slice(0, -1).map((_, i) => ids[(i + 1) * 1000 - 1])]);
    expect(node.stats.skipUsed).toBe(0);
  });

  it('orders ids as strings by default and ignores orderDirection without orderBy', async () => {
    const { positions } = await query<{ positions: { id: string }[] }>(node.url, '{ positions(first: 50, orderDirection: desc) { id } }');
    expect(positions.map((p) => p.id)).toEqual(Object.keys(data.entities.Position!).sort().slice(0, 50));
  });

  it('compares BigInt and BigDecimal numerically, not as text', async () => {
    const all = Object.values(data.entities.Position!);
    const { positions } = await query<{ positions: { balance: string }[] }>(node.url, '{ positions(first: 1000, where: { balance_gt: "99999999999" }) { balance } }');
    expect(positions.length).toBe(Math.min(1000, all.filter((p) => BigInt(p.balance as string) > 99_999_999_999n).length));
    const { markets } = await query<{ markets: { liquidationThreshold: string }[] }>(node.url, '{ markets(where: { liquidationThreshold_gte: "9.5" }, orderBy: liquidationThreshold, orderDirection: desc) { liquidationThreshold } }');
    const expected = Object.values(data.entities.Market!).map((m) => Number(m.liquidationThreshold)).filter((t) => t >= 9.5).sort((a, b) => b - a);
    expect(markets.map((m) => Number(m.liquidationThreshold))).toEqual(expected);
  });

  it('sorts by a field then by id, nulls last ascending', async () => {
    const { positions } = await query<{ positions: { id: string; balance: string }[] }>(node.url, '{ positions(first: 1000, orderBy: balance, orderDirection: desc) { id balance } }');
    for (let i = 1; i < positions.length; i++) {
      const [a, b] = [BigInt(positions[i - 1]!.balance), BigInt(positions[i]!.balance)];
      expect(a > b || (a === b && positions[i - 1]!.id > positions[i]!.id)).toBe(true);
    }
    const { nulls } = await query<{ nulls: { hashClosed: string | null }[] }>(node.url, '{ nulls: positions(first: 1000, orderBy: hashClosed) { hashClosed } }');
    const firstNull = nulls.findIndex((p) => p.hashClosed === null);
    expect(firstNull).toBeGreaterThan(0);
    expect(nulls.slice(firstNull).every((p) => p.hashClosed === null)).toBe(true);
  });

  it('filters with null, enums, lists, child filters, and/or, and ordering by a child field', async () => {
    const all = Object.values(data.entities.Position!);
    const { open } = await query<{ open: unknown[] }>(node.url, '{ open: positions(first: 1000, where: { hashClosed: null, side: BORROWER }) { id } }');
    expect(open.length).toBe(all.filter((p) => p.hashClosed === null && p.side === 'BORROWER').length);
    const collateralMarkets = Object.values(data.entities.Market!).filter((m) => m.canUseAsCollateral === true).map((m) => m.id);
    const { child } = await query<{ child: { market: { id: string } }[] }>(node.url, '{ child: positions(first: 1000, where: { market_: { canUseAsCollateral: true }, side: COLLATERAL }) { market { id } } }');
    expect(child.every((p) => collateralMarkets.includes(p.market.id))).toBe(true);
    const { either } = await query<{ either: { side: string; isCollateral: boolean | null }[] }>(node.url, '{ either: positions(first: 1000, where: { or: [{ side: BORROWER }, { isCollateral: false }] }) { side isCollateral } }');
    expect(either.length).toBe(Math.min(1000, all.filter((p) => p.side === 'BORROWER' || p.isCollateral === false).length));
    const { sorted } = await query<{ sorted: { market: { name: string } }[] }>(node.url, '{ sorted: positions(first: 1000, orderBy: market__name) { market { name } } }');
    expect(sorted.map((p) => p.market.name)).toEqual([...sorted.map((p) => p.market.name)].sort());
    const { liquidated } = await query<{ liquidated: { id: string }[] }>(node.url, '{ liquidated: accounts(first: 1000, where: { liquidations_: { amountUSD_gt: "0" } }) { id } }');
    expect(new Set(liquidated.map((a) => a.id))).toEqual(new Set(Object.values(data.entities.Liquidate!).map((l) => l.liquidatee)));
  });

  it('resolves references and @derivedFrom fields at the same block, with collection arguments', async () => {
    const market = Object.values(data.entities.Market!)[0]!;
    const { market: served } = await query<{ market: { inputToken: { symbol: string }; positions: { id: string }[]; protocol: { markets: { id: string }[] } } }>(
      node.url,
      `{ market(id: "${String(market.id).toUpperCase().replace('0X', '0x')}") { inputToken { symbol } positions(first: 1000, orderBy: id) { id } protocol { markets(first: 3) { id } } } }`,
    );
    expect(served.inputToken.symbol).toBe(data.entities.Token![market.inputToken as string]!.symbol);
    expect(served.positions.map((p) => p.id)).toEqual(Object.values(data.entities.Position!).filter((p) => p.market === market.id).map((p) => p.id as string).sort().slice(0, 1000));
    expect(served.protocol.markets).toHaveLength(3);
    // Bytes filter values are decoded as graph-node does: `0x` optional, any case.
    const bare = String(market.id).slice(2).toUpperCase();
    const { markets } = await query<{ markets: { id: string }[] }>(node.url, `{ markets(where: { id_in: ["${bare}"] }) { id } }`);
    expect(markets.map((m) => m.id)).toEqual([market.id]);
    const liquidation = Object.values(data.entities.Liquidate!)[0]!;
    const { liquidates } = await query<{ liquidates: { positions: { id: string }[] }[] }>(node.url, `{ liquidates(where: { id: "${liquidation.id as string}" }) { positions { id } } }`);
    expect(liquidates[0]!.positions.map((p) => p.id)).toEqual([...(liquidation.positions as string[])].sort());
  });

  it('serves interface collections with the concrete types', async () => {
    const { events } = await query<{ events: { __typename: string; amount: string }[] }>(node.url, '{ events(first: 1000) { __typename amount ... on Liquidate { liquidatee { id } } } }');
    expect(events.length).toBe(Object.keys(data.entities.Liquidate!).length);
    expect(new Set(events.map((e) => e.__typename))).toEqual(new Set(['Liquidate']));
  });

  it('refuses first > 1000, first 0 and negative skip like graph-node, without data', async () => {
    const tooMany = await post(node.url, '{ positions(first: 1001) { id } }');
    expect(tooMany.status).toBe(200);
    expect(tooMany.json).toEqual({ errors: [expect.objectContaining({ message: 'The `first` argument must be between 0 and 1000, but is 1001' })] });
    expect((await post(node.url, '{ positions(first: 0) { id } }')).json?.errors?.[0]?.message).toBe('The `first` argument must be between 0 and 1000, but is 0');
    expect((await post(node.url, '{ positions(skip: -1) { id } }')).json?.errors?.[0]?.message).toBe('The `skip` argument must be between 0 and 5000, but is -1');
    const nested = await post(node.url, '{ markets { positions(first: 5000) { id } } }');
    expect(nested.json?.data).toBeUndefined();
  });

  it('counts every use of skip, literal or variable, root or nested', async () => {
    node.resetStats();
    await query(node.url, '{ positions(skip: 10, first: 5) { id } }');
    await query(node.url, 'query($s: Int) { positions(skip: $s) { id } }', { s: 20 });
    await query(node.url, 'query($s: Int) { positions(skip: $s) { id } }');
    await query(node.url, '{ markets { positions(skip: 1) { id } } }');
    // One use per collection read that passed skip: two root reads, then one per market.
    expect(node.stats.skipUsed).toBe(2 + Object.keys(data.entities.Market!).length);
    expect(node.stats.reads.map((r) => r.skip)).toEqual([10, 20, 0, 0]);
  });

  it('reports graph-node errors for unknown fields, undecodable Bytes, and column filters beside or', async () => {
    expect((await post(node.url, '{ positions { id size } }')).json).toEqual({ errors: [{ message: 'Type `Position` has no field `size`', locations: [{ line: 1, column: 18 }] }] });
    expect((await post(node.url, '{ markets(where: { id_gt: "0xzz" }) { id } }')).json?.errors?.[0]?.message).toBe("Failed to decode `Bytes` value: `Invalid character 'z' at position 0`");
    const mixed = await post(node.url, '{ positions(where: { side: BORROWER, or: [{ isCollateral: true }] }) { id } }');
    expect(mixed.json?.errors?.[0]?.message).toMatch(/^Cannot mix column filters with 'or' operator at the same level. Found column filter\(s\) 'side'/);
    const nested = await post(node.url, '{ positions(where: { market_: { inputToken_: { symbol: "WETH" } } }) { id } }');
    expect(nested.json?.errors?.[0]?.message).toMatch(/^Child filter nesting not supported by value `inputToken`/);
  });

  it('answers a malformed request as graph-node does', async () => {
    const notJson = await fetch(node.url, { method: 'POST', body: '{"query": ' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: expect.any(String) });
    const noQuery = await fetch(node.url, { method: 'POST', body: '{}' });
    expect(await noQuery.json()).toEqual({ error: 'The "query" field is missing in request data' });
  });
});
