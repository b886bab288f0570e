import type { ContagionPath, MapEdge, MapNode, PathChannel, PathHit } from './map-data-types.js';
import { pathGraph, type PathGraph } from './path-graph.js';
import { runTimeline, type PathRunResult, type RunTimeline } from './path-run.js';

/**
 * Per protocol, the paths its losses take to the others, breadth-first from it, each protocol
 * reached once (at its lowest hop) and credited to the protocol that reached it (`via`):
 *
 *   sale      via's liquidations sell asset X → protocols holding X as collateral;
 *   receipt   via issues receipt token T (`options.issuers`) → protocols holding T as collateral,
 *             whose collateral via's bad debt writes down.
 *
 * With a scenario run, only what happened counts, in round order: via's sales from the round it
 * was reached on; a holder of X counts if it was liquidated in the round via first sold X or later
 * (the same round too: both sell into the same pools at its end); a holder of T if T was written
 * down (receipt contagion in the run) — or, without it, via booked bad debt — from the round via
 * was reached on. The search runs until no new protocol is reached (`runHops` bounds it).
 *
 * Without a run, the potential paths: every collateral asset of a protocol, every holder of it,
 * every holder of its receipt tokens; followed `potentialHops` deep (2 by default): past two hops
 * shared collateral links nearly every lending protocol to every other, which says nothing.
 */

export interface ContagionPathOptions {
  /** Receipt token symbol → issuing protocol (the snapshot's `assets.issuer`); without it no receipt channel. */
  issuers?: Readonly<Record<string, string>>;
  potentialHops?: number;
  runHops?: number;
}

export const PATH_DEFAULTS: Required<ContagionPathOptions> = { issuers: {}, potentialHops: 2, runHops: Infinity };

export function contagionPaths(nodes: readonly MapNode[], edges: readonly MapEdge[], result?: PathRunResult, options: ContagionPathOptions = {}): Record<string, ContagionPath> {
  const settings = { ...PATH_DEFAULTS, ...options };
  const graph = pathGraph(nodes, edges, settings.issuers);
  const timeline = result === undefined ? null : runTimeline(result);
  const paths: Record<string, ContagionPath> = {};
  for (const protocol of graph.protocolIndex.keys()) {
    paths[protocol] = tracePath(graph, timeline, protocol, timeline === null ? settings.potentialHops : settings.runHops);
  }
  return paths;
}

/** What `protocol` sells from `fromRound` on: in the run, its liquidations' seizures; else its collateral as held. */
function salesOf(graph: PathGraph, timeline: RunTimeline | null, protocol: string, fromRound: number): { asset: string; usd: number; round: number }[] {
  if (timeline !== null) return timeline.sales(protocol, fromRound);
  const p = graph.protocolIndex.get(protocol)!;
  return (graph.collateralOf.get(p) ?? []).map((c) => ({ asset: graph.nodes[c.asset]!.label, usd: c.usd, round: 0 }));
}

function tracePath(graph: PathGraph, timeline: RunTimeline | null, root: string, maxHops: number): ContagionPath {
  const label = (i: number): string => graph.nodes[i]!.label;
  const result = timeline?.result;
  const visited = new Set<string>([root]);
  const hit: PathHit[] = [];
  let frontier: { protocol: string; round: number }[] = [{ protocol: root, round: 0 }];
  let hops = 0;
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const found = new Map<string, PathHit>();
    const reach = (protocol: string, via: string, asset: string, channel: PathChannel, round: number | null, writeDown?: number): void => {
      if (visited.has(protocol)) return;
      const known = found.get(protocol);
      if (known !== undefined && known.via === via && known.channel === channel) {
        if (!known.assets.includes(asset)) known.assets.push(asset);
        if (round !== null && known.round !== null && round < known.round) known.round = round;
        return;
      }
      // Reached by two protocols at one hop: the earlier round wins (its onward sales start sooner), then the first found.
      if (known !== undefined && !(round !== null && known.round !== null && round < known.round)) return;
      found.set(protocol, {
        protocol, asset, hop, via, channel, assets: [asset], round,
        liquidatedUsd: result?.liquidatedDebtUsdByProtocol[protocol] ?? 0, badDebtUsd: result?.badDebtByProtocol[protocol] ?? 0,
        ...(writeDown === undefined ? {} : { writeDown }),
      });
    };
    for (const { protocol: via, round: from } of frontier) {
      for (const sale of salesOf(graph, timeline, via, from)) {
        const a = graph.assetIndex.get(sale.asset);
        if (a === undefined) continue;
        for (const { protocol: q } of graph.holders.get(a) ?? []) {
          const round = timeline === null ? null : timeline.liquidatedAt(label(q), sale.round);
          if (timeline === null || round !== null) reach(label(q), via, sale.asset, 'sale', round);
        }
      }
      for (const { token } of graph.receiptsOf.get(via) ?? []) {
        const symbol = label(token);
        const round = timeline === null ? null : timeline.writtenDownAt(via, symbol, from);
        if (timeline !== null && round === null) continue;
        const share = result?.receipts?.writeDownBySymbol[symbol];
        for (const { protocol: q } of graph.holders.get(token) ?? []) reach(label(q), via, symbol, 'receipt', round, share);
      }
    }
    if (found.size === 0) break;
    hops = hop;
    frontier = [];
    for (const h of found.values()) {
      visited.add(h.protocol);
      hit.push(h);
      frontier.push({ protocol: h.protocol, round: h.round ?? 0 });
    }
  }
  const sold = salesOf(graph, timeline, root, 0).map(({ asset, usd }) => ({ asset, usd }));
  const { nodes, edges } = highlighted(graph, root, sold, hit);
  return { protocol: root, sold, hit, hops, nodes, edges };
}

/** The nodes and edges a path lights up: the root's sales and venues, then each hit's channel from its `via`. */
function highlighted(graph: PathGraph, root: string, sold: readonly { asset: string }[], hit: readonly PathHit[]): { nodes: number[]; edges: number[] } {
  const nodes = new Set<number>([graph.protocolIndex.get(root)!]);
  const edges = new Set<number>();
  const link = (a: number | null | undefined, b: number | null | undefined, ...kinds: MapEdge['kind'][]): void => {
    if (a === null || a === undefined || b === null || b === undefined) return;
    const at = graph.edgeBetween(a, b, kinds);
    if (at === undefined) return;
    edges.add(at);
    nodes.add(a);
    nodes.add(b);
  };
  const sells = (p: number, a: number): void => {
    link(p, a, 'collateral', 'lists');
    for (const e of graph.poolEdges(a)) edges.add(e);
  };
  const from = graph.protocolIndex.get(root)!;
  for (const { asset } of sold) {
    const a = graph.assetIndex.get(asset);
    if (a !== undefined) sells(from, a);
  }
  for (const h of hit) {
    const via = graph.protocolIndex.get(h.via)!;
    const q = graph.protocolIndex.get(h.protocol)!;
    for (const asset of h.assets) {
      const a = graph.assetIndex.get(asset)!;
      if (h.channel === 'sale') {
        sells(via, a);
        link(via, q, 'shared-collateral');
      } else {
        const underlying = graph.receiptsOf.get(h.via)?.find((r) => r.token === a)?.underlying;
        link(via, underlying, 'collateral', 'lists');
        link(underlying, a, 'receipt');
        link(via, a, 'collateral', 'lists');
        nodes.add(a);
      }
      link(a, q, 'collateral');
    }
  }
  // Venues of the pools sold into.
  for (const e of edges) {
    const edge = graph.edges[e]!;
    nodes.add(edge.source);
    nodes.add(edge.target);
  }
  return { nodes: [...nodes].sort((x, y) => x - y), edges: [...edges].sort((x, y) => x - y) };
}
