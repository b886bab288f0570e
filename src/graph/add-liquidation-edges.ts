import type { EcosystemSnapshot } from '../model/ecosystem.js';
import type { ExposureGraph, LiquidatedByEdge, LiquidatorNode } from './exposure-graph-types.js';
import { accountKey, edgeKey, liquidatorKey } from './node-keys.js';

/**
 * Liquidator nodes and `liquidated-by` edges (account → liquidator), one per (account, liquidator,
 * protocol) with the events counted and the debt they repaid summed. Liquidators matter to
 * contagion because the same few bots serve several protocols: their capital and inventory are
 * shared, so a cascade in one protocol draws on the liquidity another's liquidations need.
 *
 * An address liquidated in the past may hold no position in the snapshot; it still gets an
 * account node (with no protocols and no health), so the liquidation history is not lost.
 */
export function addLiquidationEdges(graph: ExposureGraph, snapshot: EcosystemSnapshot): void {
  const { liquidators, liquidationEvents: events, protocols } = snapshot;
  const nodes = new Map<string, LiquidatorNode>();
  liquidators.address.forEach((address, l) => {
    const key = liquidatorKey(address);
    // Two spellings of one address are one liquidator: the first label given wins.
    const existing = nodes.get(key);
    const label = liquidators.label[l] ?? null;
    if (existing === undefined) {
      nodes.set(key, { type: 'liquidator', label: label ?? address, address: key.slice('liquidator:'.length), liquidations: 0, debtRepaidUsd: 0, protocols: [] });
    } else if (existing.label === existing.address && label !== null) {
      existing.label = label;
    }
  });

  const edges = new Map<string, { account: string; liquidator: string; attributes: LiquidatedByEdge }>();
  const perAccount = new Map<string, { label: string; count: number }>();
  for (let e = 0; e < events.account.length; e++) {
    const account = accountKey(events.account[e]!);
    const liquidator = liquidatorKey(liquidators.address[events.liquidator[e]!]!);
    const protocol = protocols.name[events.protocol[e]!]!;
    const repaid = events.debtRepaidUsd[e]!;
    const key = edgeKey('liquidated-by', account, liquidator, protocol);
    let edge = edges.get(key);
    if (edge === undefined) {
      edge = { account, liquidator, attributes: { type: 'liquidated-by', protocol, count: 0, debtRepaidUsd: 0, unpricedCount: 0 } };
      edges.set(key, edge);
    }
    edge.attributes.count++;
    if (Number.isNaN(repaid)) edge.attributes.unpricedCount++;
    else edge.attributes.debtRepaidUsd += repaid;

    const node = nodes.get(liquidator)!;
    node.liquidations++;
    if (!Number.isNaN(repaid)) node.debtRepaidUsd += repaid;
    if (!node.protocols.includes(protocol)) node.protocols.push(protocol);
    const tally = perAccount.get(account) ?? { label: events.account[e]!, count: 0 };
    tally.count++;
    perAccount.set(account, tally);
  }

  for (const [key, node] of nodes) {
    node.protocols.sort();
    graph.addNode(key, node);
  }
  for (const [key, { label, count }] of perAccount) {
    if (graph.hasNode(key)) {
      graph.updateNodeAttributes(key, (node) => (node.type === 'account' ? { ...node, liquidations: count } : node));
      continue;
    }
    graph.addNode(key, {
      type: 'account', label, address: key.slice('account:'.length), protocols: [], collateralUsd: 0, debtUsd: 0,
      healthFactor: {}, minHealthFactor: Infinity, riskAccounts: [], liquidations: count,
    });
  }
  for (const [key, { account, liquidator, attributes }] of edges) graph.addEdgeWithKey(key, account, liquidator, attributes);
}
