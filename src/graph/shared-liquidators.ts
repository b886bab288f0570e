import type { ExposureGraph } from './exposure-graph-types.js';

export interface SharedLiquidator {
  /** Node key, `liquidator:0x…`. */
  key: string;
  address: string;
  label: string;
  /** Protocols served, most liquidations first. */
  protocols: string[];
  liquidations: Record<string, number>;
  debtRepaidUsd: Record<string, number>;
  totalLiquidations: number;
}

/**
 * Liquidators that served two or more protocols, busiest first, read from the `liquidated-by`
 * edges: the bots whose capital a cascade in one protocol would take from another. Empty on a
 * graph built with `includeAccounts: false`, which has no liquidation edges.
 */
export function sharedLiquidators(graph: ExposureGraph): SharedLiquidator[] {
  const out: SharedLiquidator[] = [];
  graph.forEachNode((key, node) => {
    if (node.type !== 'liquidator') return;
    const liquidations: Record<string, number> = {};
    const debtRepaidUsd: Record<string, number> = {};
    graph.forEachInEdge(key, (_edge, edge) => {
      if (edge.type !== 'liquidated-by') return;
      liquidations[edge.protocol] = (liquidations[edge.protocol] ?? 0) + edge.count;
      debtRepaidUsd[edge.protocol] = (debtRepaidUsd[edge.protocol] ?? 0) + edge.debtRepaidUsd;
    });
    const protocols = Object.keys(liquidations).sort((x, y) => liquidations[y]! - liquidations[x]! || x.localeCompare(y));
    if (protocols.length < 2) return;
    const totalLiquidations = protocols.reduce((sum, p) => sum + liquidations[p]!, 0);
    out.push({ key, address: node.address, label: node.label, protocols, liquidations, debtRepaidUsd, totalLiquidations });
  });
  return out.sort((x, y) => y.totalLiquidations - x.totalLiquidations || x.key.localeCompare(y.key));
}
