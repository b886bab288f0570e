import type { ExposureGraph } from './exposure-graph-types.js';

export interface SharedCollateral {
  asset: string;
  /** Protocols holding the asset as collateral, largest holding first. */
  protocols: string[];
  collateralUsd: Record<string, number>;
  totalUsd: number;
}

/**
 * Assets held as collateral (threshold > 0) in two or more protocols, largest total first. Read
 * from the `collateral-of` edges, so it agrees with the `shared-collateral` edges and works on a
 * graph a caller has filtered or repriced.
 */
export function sharedCollateral(graph: ExposureGraph): SharedCollateral[] {
  const byAsset = new Map<string, Record<string, number>>();
  graph.forEachEdge((_edge, attributes) => {
    if (attributes.type !== 'collateral-of' || !(attributes.collateralUsd > 0)) return;
    const held = byAsset.get(attributes.asset) ?? {};
    held[attributes.protocol] = (held[attributes.protocol] ?? 0) + attributes.collateralUsd;
    byAsset.set(attributes.asset, held);
  });
  const out: SharedCollateral[] = [];
  for (const [asset, collateralUsd] of byAsset) {
    const protocols = Object.keys(collateralUsd).sort((x, y) => collateralUsd[y]! - collateralUsd[x]! || x.localeCompare(y));
    if (protocols.length < 2) continue;
    const totalUsd = protocols.reduce((sum, p) => sum + collateralUsd[p]!, 0);
    out.push({ asset, protocols, collateralUsd, totalUsd });
  }
  return out.sort((x, y) => y.totalUsd - x.totalUsd || x.asset.localeCompare(y.asset));
}
