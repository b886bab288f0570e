import { beforeAll, describe, expect, it } from 'vitest';
import { buildExposureGraph, crossProtocolAccounts, graphSummary, sharedCollateral, type ExposureGraph } from '../../src/graph/index.js';
import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../../src/model/ecosystem.js';
import { fixtureSnapshot } from './fixture-snapshot.js';
import { edgeOf, edgesOf, nodeOf } from './typed-access.js';

// test/fixtures/hand-written: WETH $2,000, USDC $1; lender-a (LT WETH 0.83) and lender-b (LT WETH 0.85).
//   0xaaa: lender-a 10 WETH collateral, 15,000 USDC debt; lender-b 1 WETH collateral.
//   0xbbb: lender-b 5.5 WETH collateral, 9,000.25 USDC debt.
// Every expected number is worked out from those rows, not read off a run.

let snapshot: EcosystemSnapshot;
let graph: ExposureGraph;
beforeAll(async () => {
  snapshot = await fixtureSnapshot('test/fixtures/hand-written');
  graph = buildExposureGraph(snapshot);
});

describe('buildExposureGraph on the hand-written fixture', () => {
  it('has exactly the expected nodes, keyed by type and name', () => {
    expect(graph.nodes().sort()).toEqual([
      'account:0xaaa', 'account:0xbbb', 'asset:USDC', 'asset:WETH',
      'market:lender-a:USDC', 'market:lender-a:WETH', 'market:lender-b:USDC', 'market:lender-b:WETH',
      'protocol:lender-a', 'protocol:lender-b', 'venue:uniswap-v3',
    ]);
    expect(graphSummary(graph)).toEqual({
      nodes: 11,
      edges: 19,
      nodesByType: { protocol: 2, market: 4, asset: 2, account: 2, liquidator: 0, venue: 1 },
      edgesByType: {
        lists: 4, 'market-of': 4, supplies: 3, borrows: 2, 'collateral-of': 4, 'shared-collateral': 1,
        'liquidated-by': 0, 'pooled-at': 1, 'underlying-of': 0,
      },
    });
  });

  it('is a mixed multigraph with shared-collateral as its only undirected edges', () => {
    expect(graph.type).toBe('mixed');
    expect(graph.multi).toBe(true);
    expect(graph.undirectedSize).toBe(1);
    expect(graph.getEdgeAttribute(graph.undirectedEdges()[0]!, 'type')).toBe('shared-collateral');
  });

  it('makes 0xaaa one account node with edges into both protocols’ markets', () => {
    const out = graph.mapOutEdges('account:0xaaa', (_key, edge, _source, target) => `${edge.type} ${target}`).sort();
    expect(out).toEqual(['borrows market:lender-a:USDC', 'supplies market:lender-a:WETH', 'supplies market:lender-b:WETH']);
    const listedBy = (market: string) => graph.filterInEdges(market, (_key, edge) => edge.type === 'lists').map((key) => graph.source(key));
    const protocolsReached = new Set(graph.outNeighbors('account:0xaaa').flatMap(listedBy));
    expect([...protocolsReached].sort()).toEqual(['protocol:lender-a', 'protocol:lender-b']);
    const node = nodeOf(graph, 'account:0xaaa', 'account');
    expect(node.protocols).toEqual(['lender-a', 'lender-b']);
    expect(node.collateralUsd).toBe(22_000);
    expect(node.debtUsd).toBe(15_000);
    // 20,000·0.83 / 15,000; lender-b has no debt.
    expect(node.healthFactor['lender-a']).toBeCloseTo(1.106_666_667, 8);
    expect(node.healthFactor['lender-b']).toBe(Infinity);
    expect(node.minHealthFactor).toBeCloseTo(1.106_666_667, 8);
    expect(crossProtocolAccounts(graph).map((a) => a.key)).toEqual(['account:0xaaa']);
  });

  it('carries amount and USD on supplies and borrows edges, summing to the positions’ value', () => {
    const supply = graph.getEdgeAttributes(graph.outEdges('account:0xbbb', 'market:lender-b:WETH')[0]!);
    expect(supply).toEqual({ type: 'supplies', protocol: 'lender-b', market: 'WETH', asset: 'WETH', amount: 5.5, usd: 11_000, liquidationThreshold: 0.85 });
    const sum = (type: 'supplies' | 'borrows') => edgesOf(graph, type).reduce((total, edge) => total + edge.usd, 0);
    let collateral = 0;
    let debt = 0;
    for (let p = 0; p < snapshot.positions.amount.length; p++) {
      const value = snapshot.positions.amount[p]! * snapshot.assets.priceUsd[snapshot.positions.asset[p]!]!;
      if (snapshot.positions.side[p] === SIDE_COLLATERAL) collateral += value;
      else debt += value;
    }
    expect(sum('supplies')).toBeCloseTo(collateral, 9);
    expect(sum('borrows')).toBeCloseTo(debt, 9);
    expect(sum('supplies')).toBeCloseTo(33_000, 9); // (10 + 5.5 + 1) WETH × 2,000
    expect(sum('borrows')).toBeCloseTo(24_000.25, 9); // 15,000 + 9,000.25 USDC
  });

  it('links WETH to both protocols as shared collateral with each side’s USD', () => {
    const shared = graph.getEdgeAttributes('shared-collateral:protocol:lender-a->protocol:lender-b#WETH');
    // lender-a: 10 × 2,000; lender-b: (5.5 + 1) × 2,000.
    expect(shared).toEqual({ type: 'shared-collateral', asset: 'WETH', collateralUsd: { 'lender-a': 20_000, 'lender-b': 13_000 } });
    expect(sharedCollateral(graph)).toEqual([
      { asset: 'WETH', protocols: ['lender-a', 'lender-b'], collateralUsd: { 'lender-a': 20_000, 'lender-b': 13_000 }, totalUsd: 33_000 },
    ]);
  });

  it('gives collateral-of edges per accepted asset, with threshold and collateral held', () => {
    expect(graph.getEdgeAttributes('collateral-of:asset:WETH->protocol:lender-b')).toEqual({
      type: 'collateral-of', protocol: 'lender-b', asset: 'WETH', liquidationThreshold: 0.85, markets: ['WETH'], collateralUsd: 13_000,
    });
    // USDC is accepted by both (LT 0.8) but held as collateral by no one: no shared-collateral edge for it.
    expect(edgeOf(graph, 'collateral-of:asset:USDC->protocol:lender-a', 'collateral-of').collateralUsd).toBe(0);
    expect(edgesOf(graph, 'shared-collateral').map((edge) => edge.asset)).toEqual(['WETH']);
  });

  it('puts totals and parameters on protocol, market, asset and venue nodes', () => {
    expect(graph.getNodeAttributes('protocol:lender-b')).toMatchObject({
      type: 'protocol', closeFactor: 1, fullCloseBelowHf: null, collateralUsd: 13_000, debtUsd: 9_000.25, riskAccounts: 2, borrowers: 1,
    });
    // 0xbbb: 11,000·0.85 / 9,000.25
    expect(nodeOf(graph, 'protocol:lender-b', 'protocol').minHealthFactor).toBeCloseTo(9_350 / 9_000.25, 12);
    expect(graph.getNodeAttributes('protocol:lender-a')).toMatchObject({ fullCloseBelowHf: 0.95, collateralUsd: 20_000, debtUsd: 15_000 });
    expect(graph.getNodeAttributes('market:lender-a:USDC')).toMatchObject({ protocol: 'lender-a', assets: ['USDC'], collateralUsd: 0, debtUsd: 15_000 });
    expect(graph.getNodeAttributes('asset:WETH')).toMatchObject({ priceUsd: 2000, collateralUsd: 33_000, debtUsd: 0, poolDepthUsd: 2_000_000 });
    expect(graph.getEdgeAttributes('pooled-at:asset:WETH->venue:uniswap-v3')).toEqual({
      type: 'pooled-at', model: 'cpmm', assetReserve: 1000, usdReserve: 2_000_000, depthUsd: 2_000_000, poolPriceUsd: 2000,
    });
    expect(graph.getEdgeAttributes('market-of:market:lender-a:WETH->asset:WETH')).toMatchObject({ ltv: 0.8, liquidationThreshold: 0.83, liquidationBonus: 0.05 });
    expect(graph.hasEdge('lists:protocol:lender-b->market:lender-b:USDC')).toBe(true);
    expect(graph.getAttributes()).toMatchObject({ snapshotId: snapshot.info.id, repriced: false, warnings: [] });
  });
});
