import { describe, expect, it } from 'vitest';
import { buildExposureGraph, GraphError, graphSummary } from '../../src/graph/index.js';
import { TINY_ASSETS as ASSETS, tinySnapshot, type Tiny } from './tiny-snapshot.js';
import { edgeOf, nodeOf } from './typed-access.js';

// Hand-built snapshots for aggregation, address spelling, options and input errors.

describe('aggregation, addresses and options', () => {
  const tiny: Tiny = {
    assets: ASSETS,
    protocols: [{ name: 'p' }, { name: 'q' }],
    markets: [{ protocol: 'p', asset: 'WETH', liquidationThreshold: 0.8 }, { protocol: 'q', asset: 'WETH', liquidationThreshold: 0.8 }],
    positions: [
      { protocol: 'p', account: '0xddd', asset: 'WETH', side: 'collateral', amount: 1 },
      { protocol: 'p', account: '0xddd', asset: 'WETH', side: 'collateral', amount: 2 },
      { protocol: 'q', account: '0xDdD', asset: 'WETH', side: 'collateral', amount: 4 },
      { protocol: 'q', account: 'Alice', asset: 'WETH', side: 'collateral', amount: 1 },
      { protocol: 'q', account: 'Alice', asset: 'USDC', side: 'debt', amount: 10 },
    ],
    liquidity: [{ asset: 'WETH', venue: 'dex', assetReserve: 10, usdReserve: 20_000 }, { asset: 'WBTC', venue: 'dex', assetReserve: 1, usdReserve: 40_000 }],
  };

  it('folds duplicate rows of one holding into one edge with the amounts summed', () => {
    const graph = buildExposureGraph(tinySnapshot(tiny));
    expect(graph.outEdges('account:0xddd', 'market:p:WETH')).toHaveLength(1);
    expect(edgeOf(graph, 'supplies:account:0xddd->market:p:WETH#WETH', 'supplies')).toMatchObject({ amount: 3, usd: 6000 });
  });

  it('makes one node of an address spelled in two cases, and leaves other names as given', () => {
    const graph = buildExposureGraph(tinySnapshot(tiny));
    expect(graph.filterNodes((_key, node) => node.type === 'account').sort()).toEqual(['account:0xddd', 'account:Alice']);
    expect(nodeOf(graph, 'account:0xddd', 'account').protocols).toEqual(['p', 'q']);
  });

  it('reports an unlisted market as a warning and still places the position', () => {
    const graph = buildExposureGraph(tinySnapshot(tiny));
    // Alice's USDC debt in q: q lists no USDC market.
    expect(graph.getAttribute('warnings')).toEqual(['positions in protocol q name market USDC, which markets does not list']);
    expect(graph.hasEdge('borrows:account:Alice->market:q:USDC#USDC')).toBe(true);
  });

  it('warns about an underlying that is not another asset, and draws no edge for it', () => {
    const assets = [...ASSETS, { symbol: 'sXYZ', priceUsd: 1, underlying: 'XYZ' }, { symbol: 'LOOP', priceUsd: 1, underlying: 'LOOP' }];
    const graph = buildExposureGraph(tinySnapshot({ ...tiny, assets }));
    expect(graph.getAttribute('warnings').filter((w) => w.startsWith('asset '))).toEqual([
      'asset sXYZ names underlying XYZ, which is not another asset of the snapshot',
      'asset LOOP names underlying LOOP, which is not another asset of the snapshot',
    ]);
    expect(graphSummary(graph).edgesByType['underlying-of']).toBe(1); // ETH → WETH only
  });

  it('sums one venue’s pools into its depth', () => {
    const graph = buildExposureGraph(tinySnapshot(tiny));
    expect(nodeOf(graph, 'venue:dex', 'venue')).toEqual({ type: 'venue', label: 'dex', assets: ['WETH', 'WBTC'], depthUsd: 60_000 });
  });

  it('values everything at caller-given prices', () => {
    const snapshot = tinySnapshot(tiny);
    const priceUsd = Float64Array.from(snapshot.assets.priceUsd, (price, a) => (snapshot.assets.symbol[a] === 'WETH' ? price / 2 : price));
    const graph = buildExposureGraph(snapshot, { priceUsd });
    expect(edgeOf(graph, 'supplies:account:0xddd->market:q:WETH#WETH', 'supplies').usd).toBe(4000);
    expect(nodeOf(graph, 'protocol:q', 'protocol').collateralUsd).toBe(5000);
    // Alice: 1,000·0.8 / 10
    expect(nodeOf(graph, 'account:Alice', 'account').healthFactor.q).toBeCloseTo(80, 12);
    expect(graph.getAttribute('repriced')).toBe(true);
    expect(snapshot.assets.priceUsd[3]).toBe(2000);
  });

  it('has stable node and edge keys from one build to the next', () => {
    const [a, b] = [buildExposureGraph(tinySnapshot(tiny)), buildExposureGraph(tinySnapshot(tiny))];
    expect(b.nodes()).toEqual(a.nodes());
    expect(b.edges()).toEqual(a.edges());
    expect(graphSummary(b)).toEqual(graphSummary(a));
  });
});

describe('errors', () => {
  const base: Tiny = {
    assets: ASSETS, protocols: [{ name: 'p' }], markets: [{ protocol: 'p', asset: 'WETH', liquidationThreshold: 0.8 }],
    positions: [{ protocol: 'p', account: '0x1', asset: 'WETH', side: 'collateral', amount: 1 }],
  };

  it('names the table, row and field of an index outside its table', () => {
    const snapshot = tinySnapshot(base);
    snapshot.positions.asset[0] = 9;
    expect(() => buildExposureGraph(snapshot)).toThrow(GraphError);
    expect(() => buildExposureGraph(snapshot)).toThrow('contagion/graph: positions row 0, field "asset": index 9 is outside its table (4 rows)');
  });

  it('rejects prices that do not match the assets', () => {
    expect(() => buildExposureGraph(tinySnapshot(base), { priceUsd: new Float64Array(2) })).toThrow(
      'contagion/graph: priceUsd has 2 entries but assets has 4 rows',
    );
  });

  it('rejects two assets with one symbol', () => {
    const snapshot = tinySnapshot(base);
    snapshot.assets.symbol[1] = 'ETH';
    expect(() => buildExposureGraph(snapshot)).toThrow('contagion/graph: assets row 1, field "symbol": "ETH" appears twice');
  });
});
