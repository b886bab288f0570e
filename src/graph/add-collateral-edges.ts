import type { EcosystemSnapshot } from '../model/ecosystem.js';
import type { PositionExposure } from './aggregate-positions.js';
import type { ExposureGraph } from './exposure-graph-types.js';
import { assetKey, edgeKey, protocolKey } from './node-keys.js';

/**
 * `collateral-of` edges (asset → protocol) wherever a protocol accepts an asset with a liquidation
 * threshold above 0, and one undirected `shared-collateral` edge per pair of protocols that both
 * hold an asset as collateral. Shared collateral is the channel of the cascades Contagion studies:
 * a fall in the asset's price triggers liquidations in both protocols, whose liquidators sell the
 * same asset into the same pools. A protocol that accepts an asset nobody has deposited is exposed
 * to nothing yet, so it gets a `collateral-of` edge (with 0 USD) but no `shared-collateral` edge.
 */
export function addCollateralEdges(graph: ExposureGraph, snapshot: EcosystemSnapshot, exposure: PositionExposure): void {
  const { markets, protocols, assets } = snapshot;
  const nAssets = assets.symbol.length;
  const accepted = new Map<number, { liquidationThreshold: number; markets: string[] }>();
  for (let r = 0; r < markets.market.length; r++) {
    const threshold = markets.liquidationThreshold[r]!;
    if (!(threshold > 0)) continue;
    const id = markets.protocol[r]! * nAssets + markets.asset[r]!;
    const entry = accepted.get(id) ?? { liquidationThreshold: 0, markets: [] };
    entry.liquidationThreshold = Math.max(entry.liquidationThreshold, threshold);
    entry.markets.push(markets.market[r]!);
    accepted.set(id, entry);
  }

  // Ascending ids visit assets protocol by protocol; group them by asset for the pairs below.
  const holders: number[][] = assets.symbol.map(() => []);
  for (const id of [...accepted.keys()].sort((x, y) => x - y)) {
    const p = Math.floor(id / nAssets);
    const a = id % nAssets;
    const { liquidationThreshold, markets: names } = accepted.get(id)!;
    const collateralUsd = exposure.countedCollateralUsd[id]!;
    const symbol = assets.symbol[a]!;
    graph.addEdgeWithKey(edgeKey('collateral-of', assetKey(symbol), protocolKey(protocols.name[p]!)), assetKey(symbol), protocolKey(protocols.name[p]!), {
      type: 'collateral-of', protocol: protocols.name[p]!, asset: symbol, liquidationThreshold, markets: names, collateralUsd,
    });
    if (collateralUsd > 0) holders[a]!.push(p);
  }

  holders.forEach((held, a) => {
    const symbol = assets.symbol[a]!;
    for (let i = 0; i < held.length; i++) {
      for (let j = i + 1; j < held.length; j++) {
        const [p, q] = [held[i]!, held[j]!];
        const [left, right] = [protocols.name[p]!, protocols.name[q]!];
        graph.addUndirectedEdgeWithKey(edgeKey('shared-collateral', protocolKey(left), protocolKey(right), symbol), protocolKey(left), protocolKey(right), {
          type: 'shared-collateral', asset: symbol,
          collateralUsd: { [left]: exposure.countedCollateralUsd[p * nAssets + a]!, [right]: exposure.countedCollateralUsd[q * nAssets + a]! },
        });
      }
    }
  });
}
