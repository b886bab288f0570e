import type { EntitySpec } from '../../../../src/indexers/source-family.js';
import { entitiesOf } from '../../../../src/indexers/source-family.js';
/**
 * The lending families end to end against the local fake graph-node (test/harness): seeded,
 * schema-conformant data from the harness generators, every entity paged with the engine's own
 * `fetchPage` (id cursor, pinned block, item validation), then `normalize`. Checks the queries
 * actually select what the server serves and that the rows hang together: every position's asset
 * and market exist, amounts add up to the raw balances the generator wrote.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fetchPage } from '../../../../src/indexers/engine/fetch-page.js';
import { DEFAULTS as RETRY } from '../../../../src/indexers/engine/retry.js';
import { aaveV3 } from '../../../../src/indexers/families/aave-v3/index.js';
import { messariLending } from '../../../../src/indexers/families/messari-lending/index.js';
import { morphoBlue } from '../../../../src/indexers/families/morpho-blue/index.js';
import type { NormalizedSource, SourceFamily } from '../../../../src/indexers/source-family.js';
import { aaveV3Data, messariLendingData, morphoBlueData, type GeneratedData } from '../../../harness/data/index.js';
import { startFakeGraphNode, type FakeGraphNode } from '../../../harness/fake-graph-node.js';
import { loadSubgraphSdl } from '../../../harness/subgraph-schemas.js';
import { fixtureSource } from './fixture-source.js';

/** The entity specs a family pages for a plain source of its schema (version-independent families ignore the source). */
const specsOf = (family: SourceFamily): readonly EntitySpec[] =>
  entitiesOf(family, { name: 'test', schema: family.schema, chain: 'ethereum', endpoint: 'http://127.0.0.1/' });


const nodes: FakeGraphNode[] = [];
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
});

/** Pages every entity of `family` from a fake node serving `data`, 50 items a page. */
async function indexThroughHarness(family: SourceFamily, data: GeneratedData, protocol: string, options?: Record<string, unknown>) {
  const node = await startFakeGraphNode({ schema: loadSubgraphSdl(family.schema as 'messari-lending' | 'aave-v3' | 'morpho-blue') });
  nodes.push(node);
  node.store.load(data.entities, data.block);
  const items: Record<string, unknown[]> = {};
  for (const spec of specsOf(family)) {
    items[spec.entity] = [];
    for (let lastId: string = spec.firstCursor; ; ) {
      const page = await fetchPage({
        source: 'harness', endpoint: { url: node.url, headers: {} }, spec, block: data.block, lastId, pageSize: 50, timeoutMs: 10_000, retry: { ...RETRY, maxRetries: 0 },
      });
      if (page.length === 0) break;
      items[spec.entity]!.push(...page.map((p) => p.item));
      lastId = page.at(-1)!.id;
    }
  }
  const rows = family.normalize(fixtureSource(family.schema, 'harness', protocol, options === undefined ? {} : { options }), items);
  return { rows, items, node };
}

/** The referential rules of docs/import-format.md, checked on one source's rows. */
function expectConsistent(rows: NormalizedSource): void {
  const assets = new Set(rows.assets.map((a) => a.symbol));
  const markets = new Set(rows.markets.map((m) => `${m.market}\u0000${m.asset}`));
  const marketNames = new Set(rows.markets.map((m) => m.market));
  expect(assets.size).toBe(rows.assets.length);
  expect(markets.size).toBe(rows.markets.length);
  for (const m of rows.markets) {
    expect(assets.has(m.asset)).toBe(true);
    expect(m.liquidationThreshold).toBeGreaterThanOrEqual(m.ltv);
    expect(m.liquidationBonus).toBeLessThan(1);
  }
  const keys = new Set<string>();
  for (const p of rows.positions) {
    expect(assets.has(p.asset)).toBe(true);
    expect(p.side === 'debt' ? marketNames.has(p.market) : markets.has(`${p.market}\u0000${p.asset}`)).toBe(true);
    expect(p.amount).toMatch(/^\d+(\.\d+)?$/);
    const key = `${p.account}|${p.market}|${p.asset}|${p.side}`;
    expect(keys.has(key)).toBe(false);
    keys.add(key);
  }
  for (const e of rows.liquidationEvents) expect(assets.has(e.collateralAsset) && assets.has(e.debtAsset)).toBe(true);
  expect(rows.assets.every((a) => a.priceUsd > 0)).toBe(true);
}

/** Whole-token text back to raw units. */
const raw = (amount: string, decimals: number): bigint => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole!) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
};

describe('lending families through the fake graph-node', () => {
  it('messari-lending: paged rows add up to the open balances', async () => {
    // 7 markets over 5 tokens: two pairs of markets share a token, so their names carry the market id.
    const data = messariLendingData({ seed: 11, accounts: 120, markets: 7, tokens: 5 });
    const { rows, node } = await indexThroughHarness(messariLending, data, 'aave-v3');
    expect(node.stats.graphqlErrors).toBe(0);
    expect(node.stats.skipUsed).toBe(0);
    expectConsistent(rows);
    const decimals = new Map(rows.assets.map((a) => [a.symbol, a.decimals]));
    const byAddress = new Map(rows.assets.map((a) => [a.address, a.symbol]));
    for (const side of ['BORROWER', 'COLLATERAL'] as const) {
      const written = new Map<string, bigint>();
      for (const p of Object.values(data.entities.Position!)) {
        if (p.hashClosed !== null || p.side !== side) continue;
        const symbol = byAddress.get(String(p.asset))!;
        written.set(symbol, (written.get(symbol) ?? 0n) + BigInt(String(p.balance)));
      }
      const read = new Map<string, bigint>();
      for (const p of rows.positions.filter((r) => (side === 'BORROWER') === (r.side === 'debt'))) read.set(p.asset, (read.get(p.asset) ?? 0n) + raw(p.amount, decimals.get(p.asset)!));
      expect(read).toEqual(new Map([...written].filter(([, v]) => v > 0n)));
    }
    expect(rows.liquidationEvents).toHaveLength(Object.keys(data.entities.Liquidate ?? {}).length);
    expect(rows.protocols[0]).toMatchObject({ isolation: 'pooled', closeFactor: 0.5, fullCloseBelowHf: 0.95 });
    expect(rows.markets.filter((m) => m.market !== m.asset).map((m) => m.market)).toEqual(expect.arrayContaining([expect.stringMatching(/^\w+:[0-9a-f]{8}$/)]));
  });

  it('aave-v3: reserves, e-mode and user reserves page and normalise', async () => {
    const data = aaveV3Data({ seed: 5, users: 120 });
    const { rows, node, items } = await indexThroughHarness(aaveV3, data, 'aave-v3');
    expect(node.stats.graphqlErrors).toBe(0);
    expectConsistent(rows);
    expect(items.reserves!.length).toBeGreaterThan(0);
    expect(rows.positions.length).toBeGreaterThan(0);
    expect(rows.markets.filter((m) => m.market.includes('@emode-')).every((m) => m.liquidationThreshold === 0.95)).toBe(true);
    // The filter on user reserves drops empty ones server-side: every item read holds something.
    expect(items.userReserves!.every((u) => ['scaledATokenBalance', 'scaledVariableDebt', 'principalStableDebt'].some((f) => (u as Record<string, string>)[f] !== '0'))).toBe(true);
  });

  it('morpho-blue: isolated markets page and normalise', async () => {
    const data = morphoBlueData({ seed: 3, accounts: 120, markets: 6 });
    const { rows, node } = await indexThroughHarness(morphoBlue, data, 'morpho-blue');
    expect(node.stats.graphqlErrors).toBe(0);
    expectConsistent(rows);
    expect(rows.protocols[0]).toMatchObject({ isolation: 'market', closeFactor: 1 });
    expect(rows.markets.every((m) => /^[^/]+\/[^-]+-[\d.]+%-[0-9a-f]{8}$/.test(m.market))).toBe(true);
  });
});
