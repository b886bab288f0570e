/**
 * Messari lending 2.0.1 and 1.3.0 end to end against the fake graph-node serving each version's
 * real schema: the harness's seeded 3.1.0 book rewritten as the older schema holds it
 * (messari-legacy-data.ts), every entity of the version's line paged with the engine's own
 * `fetchPage`, then `normalize`. Checks the version queries select what such a server serves, that
 * 2.0.1 position amounts add up to the raw open balances, and what 1.3.0 yields without positions.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fetchPage } from '../../../../src/indexers/engine/fetch-page.js';
import { DEFAULTS as RETRY } from '../../../../src/indexers/engine/retry.js';
import { messariLending } from '../../../../src/indexers/families/messari-lending/index.js';
import { entitiesOf } from '../../../../src/indexers/source-family.js';
import { messariLendingData, type GeneratedData } from '../../../harness/data/index.js';
import { checkEntitySet } from '../../../harness/entity-conformance.js';
import { startFakeGraphNode, type FakeGraphNode } from '../../../harness/fake-graph-node.js';
import { fixtureSource } from './fixture-source.js';
import { legacyMessariLendingData, legacySdl, type LegacyVersion } from './messari-legacy-data.js';

const nodes: FakeGraphNode[] = [];
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
});

/** Pages every entity of the version's line from a fake node serving `data`, 50 items a page. */
async function indexThroughHarness(version: LegacyVersion, data: GeneratedData) {
  const node = await startFakeGraphNode({ schema: legacySdl(version) });
  nodes.push(node);
  node.store.load(data.entities, data.block);
  const source = fixtureSource('messari-lending', 'harness', 'aave-v3', { options: { schemaVersion: version } });
  const items: Record<string, unknown[]> = {};
  for (const spec of entitiesOf(messariLending, source.config)) {
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
  return { rows: messariLending.normalize(source, items), items, node };
}

/** Whole-token text back to raw units. */
const raw = (amount: string, decimals: number): bigint => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole!) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
};

// 7 markets over 5 tokens, as the 3.1.0 round trip: markets sharing a token are named with their id.
const book = messariLendingData({ seed: 11, accounts: 120, markets: 7, tokens: 5 });
const tokenOfMarket = new Map(Object.values(book.entities.Market!).map((m) => [String(m.id), String(m.inputToken)]));
/** Events the schema's own fields place: the debt (`asset`) is another token than the collateral market's. */
const placeable = Object.values(book.entities.Liquidate!).filter((l) => String(l.asset) !== tokenOfMarket.get(String(l.market)));

describe('messari-lending 2.0.1 through the fake graph-node', () => {
  const { data, model } = legacyMessariLendingData(book, '2.0.1');

  it('the rewritten set conforms to the 2.0.1 schema', () => {
    expect(checkEntitySet(model, data.entities)).toEqual([]);
    expect(Object.keys(data.entities).sort()).toEqual(['Account', 'InterestRate', 'LendingProtocol', 'Liquidate', 'Market', 'Position', 'Token']);
  });

  it('pages every entity and the rows add up to the open balances', async () => {
    const { rows, node, items } = await indexThroughHarness('2.0.1', data);
    expect(node.stats.graphqlErrors).toBe(0);
    expect(node.stats.skipUsed).toBe(0);
    expect(items.markets).toHaveLength(7);
    const decimals = new Map(rows.assets.map((a) => [a.symbol, a.decimals]));
    const byAddress = new Map(rows.assets.map((a) => [a.address, a.symbol]));
    for (const side of ['BORROWER', 'LENDER'] as const) {
      const written = new Map<string, bigint>();
      for (const p of Object.values(data.entities.Position!)) {
        if (p.hashClosed !== null || p.side !== side) continue;
        const symbol = byAddress.get(tokenOfMarket.get(String(p.market))!)!;
        written.set(symbol, (written.get(symbol) ?? 0n) + BigInt(String(p.balance)));
      }
      const read = new Map<string, bigint>();
      for (const p of rows.positions.filter((r) => (side === 'BORROWER') === (r.side === 'debt'))) read.set(p.asset, (read.get(p.asset) ?? 0n) + raw(p.amount, decimals.get(p.asset)!));
      expect(read).toEqual(new Map([...written].filter(([, v]) => v > 0n)));
    }
    expect(rows.positions.some((p) => p.side === 'collateral') && rows.positions.some((p) => p.side === 'supply')).toBe(true);
    expect(rows.markets.every((m) => m.extra?.can_isolate === undefined && m.supplyCap === null)).toBe(true);
    expect(rows.protocols[0]).toMatchObject({ isolation: 'pooled', closeFactor: 0.5, extra: expect.objectContaining({ schema_version: '2.0.1' }) });
  });

  it('writes every liquidation whose debt token differs from the collateral, and says how many it left out', async () => {
    const { rows } = await indexThroughHarness('2.0.1', data);
    expect(rows.liquidationEvents).toHaveLength(placeable.length);
    expect(rows.liquidationEvents.every((e) => e.extra?.debt_asset_from === 'event-asset' && e.collateralAmount !== null)).toBe(true);
    const unplaced = Object.keys(book.entities.Liquidate!).length - placeable.length;
    const warning = rows.warnings.find((w) => w.includes('name no debt asset'));
    expect(warning === undefined ? 0 : Number(warning.split(' ')[0])).toBe(unplaced);
  });
});

describe('messari-lending 1.3.0 through the fake graph-node', () => {
  const { data, model } = legacyMessariLendingData(book, '1.3.0');

  it('the rewritten set conforms to the 1.3.0 schema and holds no positions', () => {
    expect(checkEntitySet(model, data.entities)).toEqual([]);
    expect(data.entities.Position).toBeUndefined();
  });

  it('reads markets and liquidations, and warns that accounts are not available', async () => {
    const { rows, node, items } = await indexThroughHarness('1.3.0', data);
    expect(node.stats.graphqlErrors).toBe(0);
    expect(Object.keys(items).sort()).toEqual(['liquidates', 'markets']);
    expect(rows.positions).toEqual([]);
    expect(rows.markets).toHaveLength(7); // every generated token is priced
    expect(rows.liquidationEvents).toHaveLength(placeable.length);
    expect(new Set(rows.liquidators.map((l) => l.liquidator))).toEqual(new Set(placeable.map((l) => String(l.liquidator))));
    expect(rows.warnings[0]).toBe(
      'Messari lending schema 1.3.0 has no Position entity (its Account carries only an id), so positions are not available: the protocol appears with its markets and liquidation history but no accounts',
    );
    expect(rows.protocols[0]!.extra).toMatchObject({ schema_version: '1.3.0', positions: 'not available (schema 1.3.x)' });
  });
});
