import type { CascadeResult } from '../../contagion/index.js';
import type { ContagionPath, MapEdge, MapNode } from './map-data-types.js';

/**
 * Per protocol, the paths its forced sales take to the others: protocol → asset it sells → venues
 * where the asset trades and protocols holding the asset as collateral. With a scenario run, the
 * assets are those its liquidations actually seized (USD at each round's prices, from `events`)
 * and only protocols that were liquidated in the run count as hit; without one, every collateral
 * asset of the protocol and every other protocol accepting it (the potential paths).
 */
export function contagionPaths(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  result?: Pick<CascadeResult, 'events' | 'liquidatedDebtUsdByProtocol' | 'badDebtByProtocol'>,
): Record<string, ContagionPath> {
  const protocolIndex = new Map<string, number>();
  const assetIndex = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (n.type === 'protocol') protocolIndex.set(n.label, i);
    if (n.type === 'asset') assetIndex.set(n.label, i);
  });
  // collateral[asset] = protocols accepting it, with the edge's USD.
  const collateral = new Map<number, Map<number, number>>();
  for (const e of edges) {
    if (e.kind !== 'collateral') continue;
    const [a, p] = nodes[e.source]!.type === 'asset' ? [e.source, e.target] : [e.target, e.source];
    const row = collateral.get(a) ?? new Map<number, number>();
    row.set(p, e.weight);
    collateral.set(a, row);
  }
  const soldByProtocol = new Map<string, Map<string, number>>();
  for (const event of result?.events ?? []) {
    const row = soldByProtocol.get(event.protocol) ?? new Map<string, number>();
    for (const s of event.seized) row.set(s.asset, (row.get(s.asset) ?? 0) + s.usd);
    soldByProtocol.set(event.protocol, row);
  }

  const paths: Record<string, ContagionPath> = {};
  for (const [protocol, p] of protocolIndex) {
    const sold: { asset: string; usd: number }[] = [];
    if (result === undefined) {
      for (const [a, row] of collateral) if (row.has(p)) sold.push({ asset: nodes[a]!.label, usd: row.get(p)! });
    } else {
      for (const [asset, usd] of soldByProtocol.get(protocol) ?? []) sold.push({ asset, usd });
    }
    sold.sort((x, y) => y.usd - x.usd || (x.asset < y.asset ? -1 : 1));
    const hit: ContagionPath['hit'] = [];
    const nodeSet = new Set<number>([p]);
    for (const { asset } of sold) {
      const a = assetIndex.get(asset);
      if (a === undefined) continue;
      nodeSet.add(a);
      for (const [q] of collateral.get(a) ?? []) {
        if (q === p) continue;
        const name = nodes[q]!.label;
        const liquidatedUsd = result?.liquidatedDebtUsdByProtocol[name] ?? 0;
        if (result !== undefined && liquidatedUsd <= 0) continue;
        hit.push({ protocol: name, asset, liquidatedUsd, badDebtUsd: result?.badDebtByProtocol[name] ?? 0 });
        nodeSet.add(q);
      }
    }
    const soldAssets = new Set(sold.map((s) => assetIndex.get(s.asset)));
    const edgeList: number[] = [];
    edges.forEach((e, i) => {
      const inPath = nodeSet.has(e.source) && nodeSet.has(e.target) && (e.kind === 'collateral' || (e.kind === 'shared-collateral' && (e.source === p || e.target === p)));
      const pool = e.kind === 'pool' && (soldAssets.has(e.source) || soldAssets.has(e.target));
      if (inPath || pool) {
        edgeList.push(i);
        nodeSet.add(e.source);
        nodeSet.add(e.target);
      }
    });
    paths[protocol] = { protocol, sold, hit, nodes: [...nodeSet].sort((x, y) => x - y), edges: edgeList };
  }
  return paths;
}
