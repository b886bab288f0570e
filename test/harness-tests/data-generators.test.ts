import { afterEach, describe, expect, it, vi } from 'vitest';
import { aaveV3Data, AAVE_V3_POOL_ID } from '../harness/data/aave-v3.js';
import { cloneEntitySet, removeEntities, withChanges, type EntitySet, type GeneratedData } from '../harness/data/entity-set.js';
import { familyModel } from '../harness/data/fill-defaults.js';
import { messariDexData } from '../harness/data/messari-dex.js';
import { messariLendingData } from '../harness/data/messari-lending.js';
import { messariOptionsData } from '../harness/data/messari-options.js';
import { morphoBlueData } from '../harness/data/morpho-blue.js';
import { uniswapV3Data } from '../harness/data/uniswap-v3.js';
import { checkEntitySet } from '../harness/entity-conformance.js';
import { startFakeGraphNode } from '../harness/fake-graph-node.js';
import { queryFieldNames } from '../harness/graph-names.js';
import type { SubgraphModel } from '../harness/subgraph-model.js';
import { loadSubgraphSdl, type SubgraphFamily } from '../harness/subgraph-schemas.js';
import { post } from './http-client.js';

const GENERATORS: [SubgraphFamily, (seed: number) => GeneratedData][] = [
  ['messari-lending', (seed) => messariLendingData({ seed, accounts: 300, markets: 6 })],
  ['aave-v3', (seed) => aaveV3Data({ seed, users: 300 })],
  ['morpho-blue', (seed) => morphoBlueData({ seed, accounts: 300, markets: 5 })],
  ['messari-options', (seed) => messariOptionsData({ seed, accounts: 100 })],
  ['uniswap-v3', (seed) => uniswapV3Data({ seed, pools: 6 })],
  ['messari-dex', (seed) => messariDexData({ seed, pools: 6 })],
];
const values = (set: EntitySet, type: string) => Object.values(set[type] ?? {});
afterEach(() => vi.restoreAllMocks());

/** Every field of `type`: scalars as is, references as `{ id }`, lists of entities `(first: 2) { id }`. */
function selectAll(model: SubgraphModel, type: string): string {
  return model.types
    .get(type)!
    .fields.map((f) => (f.kind !== 'entity' ? f.name : f.list ? `${f.name}(first: 2) { id }` : `${f.name} { id }`))
    .join(' ');
}

describe.each(GENERATORS)('%s generator', (family, generate) => {
  const data = generate(1);

  it('conforms to the subgraph schema: types, non-null fields, scalar formats, references', () => {
    expect(checkEntitySet(familyModel(family), data.entities)).toEqual([]);
  });

  it('is deterministic for a seed, different across seeds, and never uses Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    expect(JSON.stringify(generate(1).entities)).toBe(JSON.stringify(data.entities));
    expect(JSON.stringify(generate(2).entities)).not.toBe(JSON.stringify(data.entities));
  });

  it('writes Bytes ids and addresses in lower case', () => {
    const model = familyModel(family);
    for (const [type, byId] of Object.entries(data.entities)) {
      const idType = model.types.get(type)!.fields.find((f) => f.storeKey === 'id')!.baseType;
      for (const id of Object.keys(byId)) {
        if (idType === 'Bytes') expect(id).toMatch(/^0x([0-9a-f]{2})+$/);
        // Composite ids keep their upper-case parts (`-COLLATERAL-`); the hex in them is lower case.
        for (const hex of id.match(/0x[0-9a-fA-F]+/g) ?? []) expect(hex, `${type} ${id}`).toBe(hex.toLowerCase());
      }
    }
  });

  it('loads into the fake graph-node and resolves every field of every entity type', async () => {
    const model = familyModel(family);
    const node = await startFakeGraphNode({ schema: loadSubgraphSdl(family) });
    try {
      node.store.load(data.entities, data.block);
      for (const [type, byId] of Object.entries(data.entities)) {
        const field = queryFieldNames(type).collection;
        const result = await post(node.url, `{ ${field}(first: 1000, block: { number: ${data.block} }) { ${selectAll(model, type)} } }`);
        expect(result.json?.errors, `${field}: ${result.text.slice(0, 300)}`).toBeUndefined();
        expect((result.json!.data![field] as unknown[]).length).toBe(Math.min(1000, Object.keys(byId).length));
      }
    } finally {
      await node.stop();
    }
  });
});

describe('generated values are what the protocols store', () => {
  it('Messari lending: percentages, composite position ids, open and closed positions, HF mix', () => {
    const { entities } = messariLendingData({ seed: 5, accounts: 400, markets: 6 });
    for (const m of values(entities, 'Market').filter((m) => m.canUseAsCollateral)) {
      expect(Number(m.liquidationThreshold)).toBeGreaterThan(1);
      expect(Number(m.liquidationThreshold)).toBeLessThan(100);
      expect(Number(m.maximumLTV)).toBeLessThanOrEqual(Number(m.liquidationThreshold));
    }
    const positions = values(entities, 'Position');
    for (const p of positions) expect(p.id).toMatch(/^0x[0-9a-f]{40}-0x[0-9a-f]{40}-(COLLATERAL|BORROWER-VARIABLE)-\d+$/);
    expect(positions.some((p) => p.hashClosed !== null && p.balance === '0')).toBe(true);
    expect(positions.some((p) => p.side === 'COLLATERAL' && p.isCollateral === false)).toBe(true);
    // Health factor from the served data alone: Σ enabled collateral × LT / Σ debt, in USD.
    const markets = entities.Market!;
    const tokens = entities.Token!;
    const usd = (p: Record<string, unknown>) => {
      const token = tokens[p.asset as string]!;
      return (Number(p.balance) / 10 ** (token.decimals as number)) * Number(token.lastPriceUSD);
    };
    const byAccount = new Map<string, { weighted: number; debt: number }>();
    for (const p of positions.filter((p) => p.hashClosed === null)) {
      const a = byAccount.get(p.account as string) ?? { weighted: 0, debt: 0 };
      if (p.side === 'BORROWER') a.debt += usd(p);
      else if (p.isCollateral) a.weighted += (usd(p) * Number(markets[p.market as string]!.liquidationThreshold)) / 100;
      byAccount.set(p.account as string, a);
    }
    const hfs = [...byAccount.values()].filter((a) => a.debt > 0).map((a) => a.weighted / a.debt);
    expect(hfs.filter((hf) => hf < 1).length).toBeGreaterThan(0);
    expect(hfs.filter((hf) => hf >= 1).length / hfs.length).toBeGreaterThan(0.85);
  });

  it('Aave v3: basis points, Aave ids, balances in user reserves match reserve totals', () => {
    const { entities } = aaveV3Data({ seed: 5, users: 300 });
    for (const r of values(entities, 'Reserve')) {
      expect(r.id).toBe(`${r.underlyingAsset as string}${AAVE_V3_POOL_ID}`);
      expect(Number(r.baseLTVasCollateral)).toBeLessThan(Number(r.reserveLiquidationThreshold));
      expect(Number(r.reserveLiquidationThreshold)).toBeLessThan(10_000);
      expect(Number(r.reserveLiquidationBonus)).toBeGreaterThan(10_000);
      const mine = values(entities, 'UserReserve').filter((ur) => ur.reserve === r.id);
      expect(mine.reduce((s, ur) => s + BigInt(ur.currentATokenBalance as string), 0n).toString()).toBe(r.totalATokenSupply);
      expect(mine.reduce((s, ur) => s + BigInt(ur.currentVariableDebt as string), 0n).toString()).toBe(r.totalCurrentVariableDebt);
      expect(entities.PriceOracleAsset![r.price as string]).toBeDefined();
    }
    for (const ur of values(entities, 'UserReserve')) expect(ur.id).toBe(`${ur.user as string}${(ur.reserve as string).slice(0, 42)}${AAVE_V3_POOL_ID}`);
    expect(values(entities, 'User').some((u) => u.eModeCategoryId === '1')).toBe(true);
    expect(values(entities, 'LiquidationCall')[0]!.id).toMatch(/^\d+:\d+:0x[0-9a-f]{64}:\d+:\d+$/);
  });

  it('Morpho Blue: LLTV as WAD and percent, loans funded, shares totals', () => {
    const { entities } = morphoBlueData({ seed: 5, accounts: 300, markets: 5 });
    for (const m of values(entities, 'Market')) {
      expect(BigInt(m.lltv as string)).toBe((BigInt(Math.round(Number(m.liquidationThreshold) * 10)) * 10n ** 18n) / 1000n);
      expect(m.inputToken).not.toBe(m.borrowedToken);
      expect(BigInt(m.totalBorrow as string)).toBeLessThanOrEqual(BigInt(m.totalSupply as string));
      const borrowShares = values(entities, 'Position').filter((p) => p.market === m.id && p.side === 'BORROWER' && p.hashClosed === null);
      expect(borrowShares.reduce((s, p) => s + BigInt(p.shares as string), 0n).toString()).toBe(m.totalBorrowShares);
    }
  });

  it('Uniswap v3: the tick book adds up to the active liquidity at the current tick', () => {
    const { entities } = uniswapV3Data({ seed: 5, pools: 8, positionsPerPool: 20 });
    for (const pool of values(entities, 'Pool')) {
      const ticks = values(entities, 'Tick').filter((t) => t.pool === pool.id);
      const tick = BigInt(pool.tick as string);
      const net = (filter: (idx: bigint) => boolean) => ticks.filter((t) => filter(BigInt(t.tickIdx as string))).reduce((s, t) => s + BigInt(t.liquidityNet as string), 0n);
      expect(net((idx) => idx <= tick)).toBe(BigInt(pool.liquidity as string));
      expect(net(() => true)).toBe(0n);
      expect(BigInt(pool.liquidity as string)).toBeGreaterThan(0n);
      for (const t of ticks) expect(t.id).toBe(`${pool.id as string}#${t.tickIdx as string}`);
      const sqrt = Number(BigInt(pool.sqrtPrice as string)) / 2 ** 96;
      expect(Math.floor(Math.log(sqrt * sqrt) / Math.log(1.0001))).toBe(Number(tick));
      expect((pool.token0 as string) < (pool.token1 as string)).toBe(true);
      expect([100, 500, 3000, 10000]).toContain(Number(pool.feeTier));
    }
  });

  it('Messari dex: balances in inputTokens order, worth the pool TVL', () => {
    const { entities } = messariDexData({ seed: 5, pools: 6 });
    for (const pool of values(entities, 'LiquidityPool')) {
      const worth = (pool.inputTokens as string[]).reduce((s, id, i) => {
        const token = entities.Token![id]!;
        return s + (Number((pool.inputTokenBalances as string[])[i]) / 10 ** (token.decimals as number)) * Number(token.lastPriceUSD);
      }, 0);
      expect(worth / Number(pool.totalValueLockedUSD)).toBeCloseTo(1, 3);
    }
  });

  it('Messari options: puts are collateralized in the strike asset, positions name their option', () => {
    const { entities } = messariOptionsData({ seed: 5, accounts: 100 });
    for (const o of values(entities, 'Option')) expect(o.collateralAsset).toBe(o.type === 'CALL' ? o.underlyingAsset : o.strikeAsset);
    for (const p of values(entities, 'Position')) expect(p.id).toBe(`${p.account as string}${(p.option as string).slice(2)}${(p.id as string).slice(-8)}`);
  });
});

describe('entity set helpers', () => {
  it('change copies, never the original', () => {
    const { entities } = messariDexData({ seed: 1, pools: 3 });
    const snapshot = JSON.stringify(entities);
    const id = Object.keys(entities.LiquidityPool!)[0]!;
    const changed = withChanges(entities, (draft) => {
      draft.LiquidityPool![id]!.totalValueLockedUSD = '1';
    });
    const removed = removeEntities(entities, 'LiquidityPool', (p) => p.id === id);
    expect(JSON.stringify(entities)).toBe(snapshot);
    expect(changed.LiquidityPool![id]!.totalValueLockedUSD).toBe('1');
    expect(removed.LiquidityPool![id]).toBeUndefined();
    expect(cloneEntitySet(entities)).toEqual(entities);
  });
});
