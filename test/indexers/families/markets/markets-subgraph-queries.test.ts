/**
 * The three market families' query files against the real subgraph schemas: each validates
 * against the query API graph-node derives from the schema (test/harness validateQuery), and each
 * family's collections, paged by id cursor from the harness's fake graph-node over its seeded data
 * with the variables the specs give, normalize without error into the rows the data implies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messariDex } from '../../../../src/indexers/families/messari-dex/index.js';
import type { SelectiveEntitySpec } from '../../../../src/indexers/families/shared/selective-entity-spec.js';
import { messariOptions } from '../../../../src/indexers/families/messari-options/index.js';
import { uniswapV3 } from '../../../../src/indexers/families/uniswap-v3/index.js';
import { entitiesOf, type EntitySpec, type ResolvedSource, type SourceFamily } from '../../../../src/indexers/source-family.js';
import { graphqlFile } from '../../../../src/store/index.js';
import { buildGraphApiSchema, loadSubgraphSdl, startFakeGraphNode, SUBGRAPH_QUERIES_DIR, validateQuery, type FakeGraphNode } from '../../../harness/index.js';
import { messariDexData, messariOptionsData, uniswapV3Data, withChanges, type GeneratedData } from '../../../harness/data/index.js';

/** The entity specs a family pages for a plain source of its schema (version-independent families ignore the source). */
const specsOf = (family: SourceFamily): readonly EntitySpec[] =>
  entitiesOf(family, { name: 'test', schema: family.schema, chain: 'ethereum', endpoint: 'http://127.0.0.1/' });

/** A Messari pool's inputTokens sorted by address, its balances moved along. */
function sortInputTokens(pool: Record<string, unknown>): void {
  const tokens = pool.inputTokens as string[];
  const balances = pool.inputTokenBalances as string[];
  const order = tokens.map((_, i) => i).sort((a, b) => (tokens[a]! < tokens[b]! ? -1 : 1));
  pool.inputTokens = order.map((i) => tokens[i]!);
  pool.inputTokenBalances = order.map((i) => balances[i]!);
}

const FAMILIES = ['uniswap-v3', 'messari-dex', 'messari-options'] as const;

describe('market query files', () => {
  for (const family of FAMILIES) {
    const schema = buildGraphApiSchema(loadSubgraphSdl(family));
    const dir = join(SUBGRAPH_QUERIES_DIR, family);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
      it(`${family}/${file} validates against the real schema`, () => {
        expect(validateQuery(schema, readFileSync(join(dir, file), 'utf8')).map((e) => e.message)).toEqual([]);
      });
    }
  }

  it('every entity spec names a query file that exists and declares $first, $lastId and $block', () => {
    for (const family of [uniswapV3, messariDex, messariOptions]) {
      for (const spec of specsOf(family)) expect(graphqlFile(spec.queryFile)).toMatch(/\$first: Int!, \$lastId: (Bytes|ID|String)!, \$block: Int!/);
    }
  });
});

const nodes: FakeGraphNode[] = [];
afterAll(() => Promise.all(nodes.map((n) => n.stop())));

async function serve(family: (typeof FAMILIES)[number], data: GeneratedData): Promise<FakeGraphNode> {
  const node = await startFakeGraphNode({ schema: loadSubgraphSdl(family) });
  node.store.load(data.entities, data.block);
  nodes.push(node);
  return node;
}

/** The engine's paging, plus the selection variables of `SelectiveEntitySpec`s. */
async function readSource(node: FakeGraphNode, family: SourceFamily, source: ResolvedSource): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const spec of specsOf(family) as readonly (EntitySpec & Partial<SelectiveEntitySpec>)[]) {
    const extra = spec.variables === undefined ? {} : spec.variables(source);
    if (extra === null) continue;
    const items: unknown[] = [];
    for (let lastId: string = spec.firstCursor; ; ) {
      const response = await fetch(node.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: graphqlFile(spec.queryFile), variables: { ...extra, first: 100, lastId, block: source.block } }),
      });
      const body = (await response.json()) as { data?: { items: { id: string }[] }; errors?: { message: string }[] };
      if (body.errors !== undefined) throw new Error(`${spec.entity}: ${body.errors.map((e) => e.message).join('; ')}`);
      const page = body.data!.items;
      if (page.length === 0) break;
      for (const item of page) expect(spec.item.safeParse(item).success).toBe(true);
      items.push(...page);
      lastId = page[page.length - 1]!.id;
    }
    out[spec.entity] = items;
  }
  return out;
}

const sourceOf = (schema: ResolvedSource['config']['schema'], block: number, options: Record<string, unknown>): ResolvedSource => ({
  config: { name: `fake-${schema}`, schema, chain: 'ethereum', endpoint: 'http://127.0.0.1/', options },
  protocol: `fake-${schema}`,
  block,
  blockTimestamp: null,
});

describe('market families over the fake graph-node', () => {
  it('uniswap-v3: every pool above the TVL bound, two rows each, every tick book consistent', async () => {
    const data = uniswapV3Data({ seed: 11, pools: 8 });
    const node = await serve('uniswap-v3', data);
    const all = uniswapV3.normalize(sourceOf('uniswap-v3', data.block, { minTvlUsd: 0 }), await readSource(node, uniswapV3, sourceOf('uniswap-v3', data.block, { minTvlUsd: 0 })));
    expect(all.liquidity).toHaveLength(16);
    const ticksPerPool = Object.values(data.entities.Tick!).length;
    expect(all.liquidity.filter((_, i) => i % 2 === 0).reduce((n, r) => n + r.ticks!.length, 0)).toBe(ticksPerPool);
    // Each row's implied price of its asset (usdReserve / assetReserve) is the pool's price in USD,
    // which the generator set from the same catalogue prices as the tokens' derivedETH.
    for (const row of all.liquidity) {
      const asset = all.assets.find((a) => a.symbol === row.asset)!;
      expect(row.usdReserve / row.assetReserve / asset.priceUsd).toBeCloseTo(1, 3);
    }

    const two = Object.keys(data.entities.Pool!).sort().slice(0, 2);
    const listed = sourceOf('uniswap-v3', data.block, { pools: two });
    const some = uniswapV3.normalize(listed, await readSource(node, uniswapV3, listed));
    expect([...new Set(some.liquidity.map((r) => r.venue))]).toEqual(two.map((p) => `uniswap-v3:${p}`));
  });

  it('messari-dex: two constant-product rows per pool, each side worth the other', async () => {
    const data = messariDexData({ seed: 5, pools: 6 });
    const node = await serve('messari-dex', data);
    const source = sourceOf('messari-dex', data.block, { minTvlUsd: 0 });
    const out = messariDex.normalize(source, await readSource(node, messariDex, source));
    expect(out.liquidity).toHaveLength(12);
    for (const row of out.liquidity) {
      const asset = out.assets.find((a) => a.symbol === row.asset)!;
      expect(row.model).toBe('cpmm');
      expect((row.assetReserve * asset.priceUsd) / row.usdReserve).toBeCloseTo(1, 3);
    }
  });

  it('messari-options: options with open interest, longs per holder, shorts and collateral per writer pool', async () => {
    // The generator stores a pool's tokens underlying first; graph-node serves them by id, so the
    // balances would pair wrongly. Messari's SDK stores them sorted by address (balance-pairing.ts):
    // store them that way, as a deployed subgraph does.
    const generated = messariOptionsData({ seed: 9, accounts: 40 });
    const data = { ...generated, entities: withChanges(generated.entities, (draft) => Object.values(draft.LiquidityPool!).forEach(sortInputTokens)) };
    const node = await serve('messari-options', data);
    const source = sourceOf('messari-options', data.block, { optionDecimals: 18 });
    const out = messariOptions.normalize(source, await readSource(node, messariOptions, source));
    const open = Object.values(data.entities.Position!).filter((p) => p.closedTimestamp == null && p.exercisedTimestamp == null);
    const holdings = new Set(open.map((p) => `${p.account}/${p.option}`));
    expect(out.optionPositions.filter((p) => p.side === 'long')).toHaveLength(holdings.size);
    expect(out.protocols).toHaveLength(1);
    expect(out.positions.every((p) => p.side === 'collateral')).toBe(true);
    expect(out.positions).toHaveLength(Object.keys(data.entities.LiquidityPool!).length * 2);
    expect(new Set(out.markets.map((m) => m.asset))).toEqual(new Set(out.positions.map((p) => p.asset)));
    expect(out.options.every((o) => o.strikeUsd > 0 && (o.optionType === 'call' || o.optionType === 'put'))).toBe(true);
  });
});
