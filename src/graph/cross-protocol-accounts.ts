import type { ExposureGraph } from './exposure-graph-types.js';

export interface CrossProtocolAccount {
  /** Node key, `account:0x…`. */
  key: string;
  address: string;
  /** Protocols the address holds positions in, by name. */
  protocols: string[];
  collateralUsd: Record<string, number>;
  debtUsd: Record<string, number>;
  /** Per protocol, the weakest of the address's risk accounts there (from the node). */
  healthFactor: Record<string, number>;
  totalDebtUsd: number;
}

/**
 * Addresses with positions in two or more protocols, largest debt first, read from their
 * `supplies` and `borrows` edges. They tie protocols together: a liquidation in one can leave the
 * owner unable to defend a position in another.
 */
export function crossProtocolAccounts(graph: ExposureGraph): CrossProtocolAccount[] {
  const out: CrossProtocolAccount[] = [];
  graph.forEachNode((key, node) => {
    if (node.type !== 'account') return;
    const collateralUsd: Record<string, number> = {};
    const debtUsd: Record<string, number> = {};
    graph.forEachOutEdge(key, (_edge, edge) => {
      if (edge.type !== 'supplies' && edge.type !== 'borrows') return;
      collateralUsd[edge.protocol] = (collateralUsd[edge.protocol] ?? 0) + (edge.type === 'supplies' ? edge.usd : 0);
      debtUsd[edge.protocol] = (debtUsd[edge.protocol] ?? 0) + (edge.type === 'borrows' ? edge.usd : 0);
    });
    const protocols = Object.keys(collateralUsd).sort();
    if (protocols.length < 2) return;
    const totalDebtUsd = protocols.reduce((sum, p) => sum + debtUsd[p]!, 0);
    out.push({ key, address: node.address, protocols, collateralUsd, debtUsd, healthFactor: node.healthFactor, totalDebtUsd });
  });
  return out.sort((x, y) => y.totalDebtUsd - x.totalDebtUsd || x.key.localeCompare(y.key));
}
