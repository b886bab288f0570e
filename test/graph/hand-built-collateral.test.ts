import { describe, expect, it } from 'vitest';
import { buildExposureGraph, crossProtocolAccounts, sharedCollateral } from '../../src/graph/index.js';
import { TINY_ASSETS as ASSETS, tinySnapshot, type Tiny } from './tiny-snapshot.js';
import { edgeOf, edgesOf, nodeOf } from './typed-access.js';

// Hand-built snapshots for the collateral relations and isolated markets; numbers worked out inline.

describe('shared collateral', () => {
  // WETH is held as collateral in p and q; WBTC is accepted by both but held only in p; r takes WETH
  // at threshold 0 (a Compound-style base asset), so a WETH supply there is a loan, not collateral.
  const tiny: Tiny = {
    assets: ASSETS,
    protocols: [{ name: 'p' }, { name: 'q' }, { name: 'r' }],
    markets: [
      { protocol: 'p', asset: 'WETH', liquidationThreshold: 0.8 }, { protocol: 'p', asset: 'WBTC', liquidationThreshold: 0.7 },
      { protocol: 'q', asset: 'WETH', liquidationThreshold: 0.75 }, { protocol: 'q', asset: 'WBTC', liquidationThreshold: 0.7 },
      { protocol: 'r', asset: 'WETH', liquidationThreshold: 0 },
    ],
    positions: [
      { protocol: 'p', account: '0x1', asset: 'WETH', side: 'collateral', amount: 2 },
      { protocol: 'p', account: '0x1', asset: 'WBTC', side: 'collateral', amount: 0.5 },
      { protocol: 'q', account: '0x2', asset: 'WETH', side: 'collateral', amount: 3 },
      { protocol: 'r', account: '0x3', asset: 'WETH', side: 'collateral', amount: 7 },
    ],
  };
  const graph = buildExposureGraph(tinySnapshot(tiny));

  it('links only protocols that both hold the asset', () => {
    expect(edgesOf(graph, 'shared-collateral')).toEqual([{ type: 'shared-collateral', asset: 'WETH', collateralUsd: { p: 4000, q: 6000 } }]);
    expect(sharedCollateral(graph).map((s) => s.asset)).toEqual(['WETH']);
  });

  it('gives an asset held in one protocol a collateral-of edge but no shared-collateral edge', () => {
    expect(edgeOf(graph, 'collateral-of:asset:WBTC->protocol:p', 'collateral-of').collateralUsd).toBe(20_000);
    expect(edgeOf(graph, 'collateral-of:asset:WBTC->protocol:q', 'collateral-of').collateralUsd).toBe(0);
    expect(edgesOf(graph, 'shared-collateral').some((edge) => edge.asset === 'WBTC')).toBe(false);
  });

  it('does not count a supply at threshold 0 as collateral', () => {
    expect(graph.hasEdge('collateral-of:asset:WETH->protocol:r')).toBe(false);
    expect(edgeOf(graph, 'supplies:account:0x3->market:r:WETH#WETH', 'supplies')).toMatchObject({ usd: 14_000, liquidationThreshold: 0 });
    expect(nodeOf(graph, 'asset:WETH', 'asset').collateralUsd).toBe(24_000);
  });

  it('draws underlying-of from the underlying to the asset wrapping it', () => {
    expect(graph.filterEdges((_key, edge) => edge.type === 'underlying-of').map((key) => [graph.source(key), graph.target(key)])).toEqual([
      ['asset:ETH', 'asset:WETH'],
    ]);
  });
});

describe('isolated markets', () => {
  // A Compound v3 deployment taking two collateral assets, one lending WETH (its base asset, threshold
  // 0), and two Morpho-style pairs used by one address.
  const tiny: Tiny = {
    assets: ASSETS,
    protocols: [{ name: 'comet', isolation: 'market' }, { name: 'blue', isolation: 'market' }],
    markets: [
      { protocol: 'comet', market: 'cUSDCv3', asset: 'USDC', liquidationThreshold: 0 },
      { protocol: 'comet', market: 'cUSDCv3', asset: 'WETH', liquidationThreshold: 0.9 },
      { protocol: 'comet', market: 'cUSDCv3', asset: 'WBTC', liquidationThreshold: 0.8 },
      { protocol: 'comet', market: 'cWETHv3', asset: 'WETH', liquidationThreshold: 0 },
      { protocol: 'blue', market: 'WETH/USDC', asset: 'WETH', liquidationThreshold: 0.86 },
      { protocol: 'blue', market: 'WETH/USDC', asset: 'USDC', liquidationThreshold: 0 },
      { protocol: 'blue', market: 'WBTC/USDC', asset: 'WBTC', liquidationThreshold: 0.86 },
      { protocol: 'blue', market: 'WBTC/USDC', asset: 'USDC', liquidationThreshold: 0 },
    ],
    positions: [
      { protocol: 'comet', account: '0xc', market: 'cUSDCv3', asset: 'WETH', side: 'collateral', amount: 1 },
      { protocol: 'comet', account: '0xc', market: 'cUSDCv3', asset: 'WBTC', side: 'collateral', amount: 0.1 },
      { protocol: 'comet', account: '0xc', market: 'cUSDCv3', asset: 'USDC', side: 'debt', amount: 1000 },
      { protocol: 'blue', account: '0xc', market: 'WETH/USDC', asset: 'WETH', side: 'collateral', amount: 1 },
      { protocol: 'blue', account: '0xc', market: 'WETH/USDC', asset: 'USDC', side: 'debt', amount: 1500 },
      { protocol: 'blue', account: '0xc', market: 'WBTC/USDC', asset: 'WBTC', side: 'collateral', amount: 0.1 },
      { protocol: 'blue', account: '0xc', market: 'WBTC/USDC', asset: 'USDC', side: 'debt', amount: 1000 },
      { protocol: 'comet', account: '0xlender', market: 'cWETHv3', asset: 'WETH', side: 'collateral', amount: 5 },
    ],
  };
  const graph = buildExposureGraph(tinySnapshot(tiny));

  it('makes one market node per (protocol, market) with a market-of edge per listed asset', () => {
    expect(graph.filterNodes((_key, node) => node.type === 'market').sort()).toEqual([
      'market:blue:WBTC/USDC', 'market:blue:WETH/USDC', 'market:comet:cUSDCv3', 'market:comet:cWETHv3',
    ]);
    expect(graph.outNeighbors('market:comet:cUSDCv3').sort()).toEqual(['asset:USDC', 'asset:WBTC', 'asset:WETH']);
    expect(nodeOf(graph, 'market:comet:cUSDCv3', 'market')).toMatchObject({ isolated: true, collateralUsd: 6000, debtUsd: 1000 });
  });

  it('keeps parallel supplies edges for two collateral assets in one market', () => {
    const edges = graph.outEdges('account:0xc', 'market:comet:cUSDCv3').map((key) => graph.getEdgeAttributes(key));
    expect(edges.map((edge) => `${edge.type} ${'asset' in edge ? edge.asset : ''}`).sort()).toEqual(['borrows USDC', 'supplies WBTC', 'supplies WETH']);
  });

  it('keeps each isolated risk account’s health and reports the weakest per protocol', () => {
    const node = nodeOf(graph, 'account:0xc', 'account');
    expect(node.riskAccounts.map((r) => `${r.protocol}/${r.market}`)).toEqual(['comet/cUSDCv3', 'blue/WETH/USDC', 'blue/WBTC/USDC']);
    // blue: WETH/USDC 2,000·0.86 / 1,500 = 1.14667; WBTC/USDC 4,000·0.86 / 1,000 = 3.44. comet: (2,000·0.9 + 4,000·0.8) / 1,000 = 5.
    expect(node.healthFactor.blue).toBeCloseTo(1720 / 1500, 12);
    expect(node.healthFactor.comet).toBeCloseTo(5, 12);
    expect(node.protocols).toEqual(['blue', 'comet']);
    expect(crossProtocolAccounts(graph)).toEqual([
      {
        key: 'account:0xc', address: '0xc', protocols: ['blue', 'comet'], collateralUsd: { comet: 6000, blue: 6000 },
        debtUsd: { comet: 1000, blue: 2500 }, healthFactor: node.healthFactor, totalDebtUsd: 3500,
      },
    ]);
  });

  it('counts as collateral only what sits in a market with a threshold above 0', () => {
    // 0xc's 1 WETH in cUSDCv3 is collateral; 0xlender's 5 WETH lent to cWETHv3 is not.
    expect(edgeOf(graph, 'collateral-of:asset:WETH->protocol:comet', 'collateral-of')).toEqual({
      type: 'collateral-of', protocol: 'comet', asset: 'WETH', liquidationThreshold: 0.9, markets: ['cUSDCv3'], collateralUsd: 2000,
    });
    expect(nodeOf(graph, 'market:comet:cWETHv3', 'market').collateralUsd).toBe(10_000);
  });

  it('counts WBTC and WETH as shared between the two protocols', () => {
    expect(sharedCollateral(graph).map((s) => [s.asset, s.collateralUsd])).toEqual([
      ['WBTC', { comet: 4000, blue: 4000 }], ['WETH', { comet: 2000, blue: 2000 }],
    ]);
  });
});
