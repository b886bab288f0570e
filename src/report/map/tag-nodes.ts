import type { MapEdge, MapNode } from './map-data-types.js';

/** Each node's protocols and assets: its own, its neighbours', else its neighbours' neighbours'. */
export function tagNodes(nodes: MapNode[], edges: readonly MapEdge[]): void {
  const adjacent: number[][] = nodes.map(() => []);
  for (const e of edges) { adjacent[e.source]!.push(e.target); adjacent[e.target]!.push(e.source); }
  const direct = (i: number, type: 'protocol' | 'asset'): Set<string> =>
    new Set([nodes[i]!, ...adjacent[i]!.map((j) => nodes[j]!)].filter((n) => n.type === type).map((n) => n.label));
  const first = nodes.map((_, i) => ({ protocols: direct(i, 'protocol'), assets: direct(i, 'asset') }));
  nodes.forEach((node, i) => {
    for (const field of ['protocols', 'assets'] as const) {
      let set = first[i]![field];
      if (set.size === 0) set = new Set(adjacent[i]!.flatMap((j) => [...first[j]![field]]));
      node[field] = [...set].sort();
    }
  });
}
