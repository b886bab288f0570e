import type { MapEdge, MapEdgeKind, MapNode } from './map-data-types.js';

/**
 * The drawn graph as the contagion-path search reads it: who holds which asset as collateral,
 * which receipt tokens each protocol issues, and the edge joining two nodes (to highlight). Built
 * once per map from the aggregated nodes and edges, so a path only ever names what is drawn.
 */
export interface PathGraph {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  protocolIndex: ReadonlyMap<string, number>;
  assetIndex: ReadonlyMap<string, number>;
  /** Per asset node: the protocols accepting it as collateral, largest holding first (name breaks ties). */
  holders: ReadonlyMap<number, readonly { protocol: number; usd: number }[]>;
  /** Per protocol node: the assets it accepts as collateral, largest holding first. */
  collateralOf: ReadonlyMap<number, readonly { asset: number; usd: number }[]>;
  /** Per issuing protocol name: its receipt tokens drawn on the map, with their underlying (null when not drawn). */
  receiptsOf: ReadonlyMap<string, readonly { token: number; underlying: number | null }[]>;
  /** The edge of one of `kinds` joining two nodes, if any (the first kind that matches). */
  edgeBetween(a: number, b: number, kinds: readonly MapEdgeKind[]): number | undefined;
  /** The `pool` edges of an asset (to its venues). */
  poolEdges(asset: number): readonly number[];
}

/**
 * `issuers` maps a receipt token's symbol to the protocol issuing it (the snapshot's
 * `assets.issuer`); tokens or protocols not on the map are left out. The underlying is read from
 * the token's `receipt` edge (`underlying-of` in the exposure graph).
 */
export function pathGraph(nodes: readonly MapNode[], edges: readonly MapEdge[], issuers: Readonly<Record<string, string>> = {}): PathGraph {
  const protocolIndex = new Map<string, number>();
  const assetIndex = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (n.type === 'protocol') protocolIndex.set(n.label, i);
    if (n.type === 'asset') assetIndex.set(n.label, i);
  });
  const byKey = new Map<string, number>();
  const pools = new Map<number, number[]>();
  const holders = new Map<number, { protocol: number; usd: number }[]>();
  const collateralOf = new Map<number, { asset: number; usd: number }[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
    const row = map.get(key);
    if (row === undefined) map.set(key, [value]);
    else row.push(value);
  };
  edges.forEach((e, i) => {
    const key = `${Math.min(e.source, e.target)}:${Math.max(e.source, e.target)}:${e.kind}`;
    if (!byKey.has(key)) byKey.set(key, i);
    if (e.kind === 'pool') push(pools, nodes[e.source]!.type === 'asset' ? e.source : e.target, i);
    if (e.kind !== 'collateral') return;
    const [a, p] = nodes[e.source]!.type === 'asset' ? [e.source, e.target] : [e.target, e.source];
    push(holders, a, { protocol: p, usd: e.weight });
    push(collateralOf, p, { asset: a, usd: e.weight });
  });
  const label = (i: number): string => nodes[i]!.label;
  for (const row of holders.values()) row.sort((x, y) => y.usd - x.usd || (label(x.protocol) < label(y.protocol) ? -1 : 1));
  for (const row of collateralOf.values()) row.sort((x, y) => y.usd - x.usd || (label(x.asset) < label(y.asset) ? -1 : 1));

  const receiptsOf = new Map<string, { token: number; underlying: number | null }[]>();
  for (const [symbol, issuer] of Object.entries(issuers).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const token = assetIndex.get(symbol);
    if (token === undefined || !protocolIndex.has(issuer)) continue;
    // Receipt edges keep the exposure graph's direction: underlying → the token wrapping it.
    const underlying = edges.find((e) => e.kind === 'receipt' && e.target === token)?.source ?? null;
    push(receiptsOf, issuer, { token, underlying });
  }

  return {
    nodes, edges, protocolIndex, assetIndex, holders, collateralOf, receiptsOf,
    edgeBetween(a, b, kinds) {
      for (const kind of kinds) {
        const at = byKey.get(`${Math.min(a, b)}:${Math.max(a, b)}:${kind}`);
        if (at !== undefined) return at;
      }
      return undefined;
    },
    poolEdges: (asset) => pools.get(asset) ?? [],
  };
}
