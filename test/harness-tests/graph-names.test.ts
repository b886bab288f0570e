import { describe, expect, it } from 'vitest';
import { camelCase, pluralize, queryFieldNames } from '../harness/graph-names.js';
import { buildSubgraphModel } from '../harness/subgraph-model.js';
import { loadSubgraphSdl } from '../harness/subgraph-schemas.js';

/** Collection fields graph-node serves, per the Inflector rules it uses (see graph-names.ts). */
const EXPECTED: Record<string, string> = {
  Position: 'positions',
  LiquidityPool: 'liquidityPools',
  Tick: 'ticks',
  Market: 'markets',
  Account: 'accounts',
  Liquidate: 'liquidates',
  Reserve: 'reserves',
  UserReserve: 'userReserves',
  LiquidationCall: 'liquidationCalls',
  Option: 'options',
  Pool: 'pools',
  Token: 'tokens',
  // Uniswap v3's well-known API: "Data" is not pluralized as Latin by Inflector (it is capitalized).
  PoolDayData: 'poolDayDatas',
  UniswapDayData: 'uniswapDayDatas',
  Flash: 'flashes',
  Factory: 'factories',
  // Aave's: consonant + y, and Inflector's camel case lower-casing an initial capital run.
  SwapHistory: 'swapHistories',
  MintedToTreasury: 'mintedToTreasuries',
  ATokenBalanceHistoryItem: 'atokenBalanceHistoryItems',
  EModeCategory: 'emodeCategories',
  UserEModeSet: 'userEModeSets',
  UsageAsCollateral: 'usageAsCollaterals',
  Supply: 'supplies',
  Repay: 'repays',
  // Messari: underscore-prefixed internal entities lose the underscore.
  _MarketList: 'marketLists',
  _ActiveAccount: 'activeAccounts',
  _ChainlinkProxy: 'chainlinkProxies',
  MetaMorpho: 'metaMorphos',
  Event: 'events',
  Fee: 'fees',
};

describe('graph-node query field names', () => {
  it.each(Object.entries(EXPECTED))('%s → %s', (type, collection) => {
    expect(queryFieldNames(type).collection).toBe(collection);
  });

  it('keeps singular names camel-cased the same way', () => {
    expect(queryFieldNames('LiquidityPool').single).toBe('liquidityPool');
    expect(queryFieldNames('ATokenBalanceHistoryItem').single).toBe('atokenBalanceHistoryItem');
    expect(queryFieldNames('_MarketList').single).toBe('marketList');
  });

  it('applies the rules graph-node inherits for less common endings', () => {
    expect(pluralize('Status')).toBe('Statuses');
    expect(pluralize('Box')).toBe('Boxes');
    expect(pluralize('Leaf')).toBe('Leaves');
    expect(pluralize('Analysis')).toBe('Analyses');
    // Inflector's word lists are lower-case and matched case-sensitively, so a capitalized
    // Latin word takes the default rules: `Vertex` → `Vertexes`, but `vertex` → `vertices`.
    expect(pluralize('Vertex')).toBe('Vertexes');
    expect(pluralize('vertex')).toBe('vertices');
    expect(pluralize('Criterion')).toBe('Criterions');
    expect(pluralize('phenomenon')).toBe('phenomena');
    expect(camelCase('Foo_bar2Baz')).toBe('fooBar2Baz');
  });

  it('appends _collection when singular and plural coincide', () => {
    expect(queryFieldNames('Glass')).toEqual({ single: 'glass', collection: 'glasses' });
    expect(queryFieldNames('Chinese')).toEqual({ single: 'chinese', collection: 'chinese_collection' });
  });

  it('gives every entity type of the six schemas distinct query fields', () => {
    for (const family of ['messari-lending', 'aave-v3', 'morpho-blue', 'messari-options', 'uniswap-v3', 'messari-dex'] as const) {
      const types = [...buildSubgraphModel(loadSubgraphSdl(family)).types.keys()];
      const fields = types.flatMap((t) => Object.values(queryFieldNames(t)));
      expect(new Set(fields).size, family).toBe(2 * types.length);
    }
  });
});
