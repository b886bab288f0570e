import type { AccountNode, ExposureGraph } from '../../graph/index.js';
import type { SnapshotInfo } from '../../model/ecosystem.js';
import { formatCount, formatUsdCompact } from '../format.js';
import type { ReportInput } from '../report-input.js';
import { contagionPaths, type ContagionPathOptions } from './contagion-paths.js';
import { layoutMap } from './layout-map.js';
import { mapContext } from './map-context.js';
import type { PathRunResult } from './path-run.js';
import { tagNodes } from './tag-nodes.js';
import type { ExposureMapData, MapEdge, MapEdgeKind, MapNode } from './map-data-types.js';

/**
 * The exposure graph aggregated for drawing. Protocols, assets, venues and liquidators are kept
 * (liquidators beyond `maxLiquidators`, fewest liquidations first, fold into one node per
 * protocol); markets fold into their protocol. Each account is filed under its main position (the
 * protocol and asset of its largest supply, else its largest borrow); a (protocol, asset) group of
 * more than `bucketAbove` accounts is drawn as one bucket, and smaller groups are drawn account by
 * account while the total stays within `maxAccounts`. So the node count is bounded by
 * protocols × assets × (bucketAbove + 1) whatever the number of accounts.
 */

export interface ExposureMapOptions {
  bucketAbove?: number;
  maxAccounts?: number;
  maxLiquidators?: number;
  /** ForceAtlas2 iterations (the layout is deterministic: fixed start positions, fixed iterations). */
  iterations?: number;
  /** Contagion paths: receipt-token issuers (the snapshot's `assets.issuer`, by symbol), hop bounds. */
  paths?: ContagionPathOptions;
  /** The model the run's cascade used, stated on the page. */
  model?: ReportInput['model'];
}

export const DEFAULTS: Required<Omit<ExposureMapOptions, 'model'>> = { bucketAbove: 20, maxAccounts: 600, maxLiquidators: 60, iterations: 300, paths: {} };

/** The parts of a scenario run the map reads (a `ScenarioRun` fits). */
export interface MapRun {
  scenario: { name: string };
  result: PathRunResult;
}

type Group = { protocol: string; asset: string; accounts: AccountNode[]; usd: number };

export function exposureMapData(graph: ExposureGraph, info: Pick<SnapshotInfo, 'id' | 'takenAt' | 'source'> & Partial<Pick<SnapshotInfo, 'blocks'>>, run?: MapRun, options: ExposureMapOptions = {}): ExposureMapData {
  const settings = { ...DEFAULTS, ...options };
  const nodes: MapNode[] = [];
  const index = new Map<string, number>();
  const addNode = (node: Omit<MapNode, 'x' | 'y' | 'protocols' | 'assets'>): number => {
    index.set(node.id, nodes.length);
    nodes.push({ ...node, x: 0, y: 0, protocols: [], assets: [] });
    return nodes.length - 1;
  };
  const edgeIndex = new Map<string, number>();
  const edges: MapEdge[] = [];
  const addEdge = (a: string, b: string, kind: MapEdgeKind, weight: number): void => {
    const s = index.get(a);
    const t = index.get(b);
    if (s === undefined || t === undefined || s === t) return;
    const key = `${Math.min(s, t)}:${Math.max(s, t)}:${kind}`;
    const at = edgeIndex.get(key);
    if (at !== undefined) edges[at]!.weight += weight;
    else {
      edgeIndex.set(key, edges.length);
      edges.push({ source: s, target: t, kind, weight });
    }
  };

  // Reference nodes first, in graph order (deterministic).
  const protocolOfKey = new Map<string, string>();
  graph.forEachNode((key, n) => {
    if (n.type === 'protocol') {
      protocolOfKey.set(key, n.label);
      addNode({ id: key, type: 'protocol', label: n.label, usd: n.collateralUsd + n.debtUsd, details: [
        ['protocol', n.label], ['kind', n.kind], ['collateral', formatUsdCompact(n.collateralUsd)], ['debt', formatUsdCompact(n.debtUsd)],
        ['borrowers', formatCount(n.borrowers)], ['lowest health factor', Number.isFinite(n.minHealthFactor) ? n.minHealthFactor.toFixed(3) : '∞'],
      ] });
    } else if (n.type === 'asset') {
      addNode({ id: key, type: 'asset', label: n.label, usd: n.collateralUsd + n.debtUsd, details: [
        ['asset', n.label], ['kind', n.kind], ['price', formatUsdCompact(n.priceUsd)], ['collateral', formatUsdCompact(n.collateralUsd)],
        ['debt', formatUsdCompact(n.debtUsd)], ['pool depth', formatUsdCompact(n.poolDepthUsd)],
      ] });
    } else if (n.type === 'venue') {
      addNode({ id: key, type: 'venue', label: n.label, usd: n.depthUsd, details: [['venue', n.label], ['assets', n.assets.join(', ')], ['depth', formatUsdCompact(n.depthUsd)]] });
    }
  });
  const protocolKeyOf = new Map([...protocolOfKey].map(([k, name]) => [name, k]));
  const assetKeyOf = (symbol: string): string => `asset:${symbol}`;

  // Liquidators: the busiest individually, the rest one node per protocol.
  const liquidators: { key: string; liquidations: number; label: string; usd: number; protocols: string[] }[] = [];
  graph.forEachNode((key, n) => {
    if (n.type === 'liquidator') liquidators.push({ key, liquidations: n.liquidations, label: n.label, usd: n.debtRepaidUsd, protocols: n.protocols });
  });
  const keptLiquidators = new Set(
    [...liquidators].sort((a, b) => b.liquidations - a.liquidations || (a.key < b.key ? -1 : 1)).slice(0, settings.maxLiquidators).map((l) => l.key),
  );
  const liquidatorTarget = new Map<string, string>();
  for (const l of liquidators) {
    if (keptLiquidators.has(l.key)) {
      addNode({ id: l.key, type: 'liquidator', label: l.label, usd: l.usd, details: [['liquidator', l.label], ['liquidations', formatCount(l.liquidations)], ['debt repaid', formatUsdCompact(l.usd)], ['protocols', l.protocols.join(', ')]] });
      liquidatorTarget.set(l.key, l.key);
    } else {
      const id = `liquidators:${l.protocols[0] ?? ''}`;
      const at = index.get(id);
      if (at === undefined) addNode({ id, type: 'liquidator', label: `other liquidators of ${l.protocols[0] ?? '?'}`, usd: l.usd, details: [['liquidators', 'grouped']] });
      else nodes[at]!.usd += l.usd;
      liquidatorTarget.set(l.key, id);
    }
  }

  // Accounts, grouped by main position.
  const groups = new Map<string, Group>();
  let accountCount = 0;
  graph.forEachNode((key, n) => {
    if (n.type !== 'account') return;
    accountCount++;
    let best: { protocol: string; asset: string; usd: number; supply: boolean } | null = null;
    for (const e of graph.outEdges(key)) {
      const edge = graph.getEdgeAttributes(e);
      if (edge.type !== 'supplies' && edge.type !== 'borrows') continue;
      const supply = edge.type === 'supplies';
      if (best === null || (supply && !best.supply) || (supply === best.supply && edge.usd > best.usd)) best = { protocol: edge.protocol, asset: edge.asset, usd: edge.usd, supply };
    }
    if (best === null) return;
    const { protocol, asset } = best;
    const groupKey = `${protocol}\u0000${asset}`;
    const group = groups.get(groupKey) ?? { protocol, asset, accounts: [], usd: 0 };
    group.accounts.push(n);
    group.usd += n.collateralUsd + n.debtUsd;
    groups.set(groupKey, group);
  });
  let drawn = 0;
  const bySize = [...groups.values()].sort((a, b) => a.accounts.length - b.accounts.length || (a.protocol + a.asset < b.protocol + b.asset ? -1 : 1));
  for (const group of bySize) {
    const pKey = protocolKeyOf.get(group.protocol) ?? `protocol:${group.protocol}`;
    if (group.accounts.length <= settings.bucketAbove && drawn + group.accounts.length <= settings.maxAccounts) {
      for (const a of group.accounts) {
        const id = `account:${a.address}`;
        addNode({ id, type: 'account', label: a.address, usd: a.collateralUsd + a.debtUsd, details: [
          ['account', a.address], ['protocols', a.protocols.join(', ')], ['collateral', formatUsdCompact(a.collateralUsd)], ['debt', formatUsdCompact(a.debtUsd)],
          ['lowest health factor', Number.isFinite(a.minHealthFactor) ? a.minHealthFactor.toFixed(3) : '∞'],
        ] });
        drawn++;
      }
    } else {
      const id = `bucket:${group.protocol}\u0000${group.asset}`;
      addNode({ id, type: 'bucket', label: `${formatCount(group.accounts.length)} accounts: ${group.protocol} · ${group.asset}`, usd: group.usd, members: group.accounts.map((a) => a.address), details: [
        ['accounts', formatCount(group.accounts.length)], ['protocol', group.protocol], ['main collateral', group.asset], ['exposure', formatUsdCompact(group.usd)],
      ] });
      addEdge(id, pKey, 'position', group.usd);
      addEdge(id, assetKeyOf(group.asset), 'position', group.usd);
    }
  }

  // Edges.
  const heldAsCollateral = new Map<string, number>();
  graph.forEachEdge((_key, e, source, target) => {
    switch (e.type) {
      case 'collateral-of': addEdge(source, target, 'collateral', e.collateralUsd); break;
      case 'shared-collateral': addEdge(source, target, 'shared-collateral', Object.values(e.collateralUsd).reduce((s, v) => s + v, 0)); break;
      case 'underlying-of': addEdge(source, target, 'receipt', 1); break;
      case 'pooled-at': addEdge(source, target, 'pool', e.depthUsd); break;
      case 'market-of': addEdge(protocolKeyOf.get(e.protocol) ?? '', target, 'lists', 0); break;
      case 'liquidated-by': addEdge(liquidatorTarget.get(target) ?? '', protocolKeyOf.get(e.protocol) ?? '', 'liquidator', e.count); break;
      case 'supplies': case 'borrows':
        // What a protocol lists, also when the snapshot has no market rows (merged into one edge per pair).
        addEdge(protocolKeyOf.get(e.protocol) ?? '', assetKeyOf(e.asset), 'lists', 0);
        if (e.type === 'supplies' && e.liquidationThreshold > 0) {
          const pair = `${e.protocol}\u0000${e.asset}`;
          heldAsCollateral.set(pair, (heldAsCollateral.get(pair) ?? 0) + e.usd);
        }
        if (index.has(source)) {
          addEdge(source, protocolKeyOf.get(e.protocol) ?? '', 'position', e.usd);
          addEdge(source, assetKeyOf(e.asset), 'position', e.usd);
        }
        break;
      default: break;
    }
  });
  // Collateral seen only in positions (a snapshot without market rows has no collateral-of edges).
  for (const [pair, usd] of heldAsCollateral) {
    const [protocol, asset] = pair.split('\u0000') as [string, string];
    const s = index.get(assetKeyOf(asset));
    const t = index.get(protocolKeyOf.get(protocol) ?? '');
    if (s !== undefined && t !== undefined && !edgeIndex.has(`${Math.min(s, t)}:${Math.max(s, t)}:collateral`)) addEdge(assetKeyOf(asset), protocolKeyOf.get(protocol)!, 'collateral', usd);
  }
  // A protocol listing an asset it also accepts as collateral: keep the collateral edge only.
  const collateralPairs = new Set(edges.filter((e) => e.kind === 'collateral').map((e) => `${Math.min(e.source, e.target)}:${Math.max(e.source, e.target)}`));
  const kept = edges.filter((e) => e.kind !== 'lists' || !collateralPairs.has(`${Math.min(e.source, e.target)}:${Math.max(e.source, e.target)}`));

  tagNodes(nodes, kept);
  layoutMap(nodes, kept, settings.iterations);
  const protocols = nodes.filter((n) => n.type === 'protocol').map((n) => n.label);
  const assets = nodes.filter((n) => n.type === 'asset').map((n) => n.label);
  return {
    title: `Exposure map of snapshot ${info.id} (${info.takenAt}, ${info.source})`,
    scenario: run?.scenario.name ?? null,
    context: mapContext(info, run === undefined ? undefined : options.model),
    nodes, edges: kept,
    paths: contagionPaths(nodes, kept, run?.result, settings.paths),
    accounts: accountCount, accountsDrawn: drawn, protocols, assets,
  };
}
