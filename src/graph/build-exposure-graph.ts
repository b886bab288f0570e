import { MultiGraph } from 'graphology';
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { accountHealth } from '../risk/index.js';
import { addAccountNodes, addHoldingEdges } from './add-account-nodes.js';
import { addCollateralEdges } from './add-collateral-edges.js';
import { addLiquidationEdges } from './add-liquidation-edges.js';
import { addAssetNodes, addMarketNodes, addProtocolNodes } from './add-reference-nodes.js';
import { aggregatePositions } from './aggregate-positions.js';
import { checkSnapshot } from './check-snapshot.js';
import type { ExposureEdge, ExposureGraph, ExposureGraphAttributes, ExposureNode } from './exposure-graph-types.js';
import { resolveMarkets } from './market-slots.js';

/**
 * The exposure graph of one snapshot: who is exposed to what, across protocols.
 *
 *   protocol ──lists──▶ market ──market-of──▶ asset ──collateral-of──▶ protocol
 *   account ──supplies/borrows──▶ market        asset ──pooled-at──▶ venue
 *   account ──liquidated-by──▶ liquidator       asset ──underlying-of──▶ asset (ETH → WETH)
 *   protocol ──shared-collateral── protocol     (undirected, one per shared asset)
 *
 * A graphology MultiGraph of type `mixed`. Multi, because one pair of nodes carries several edges
 * of a kind: an account supplies WETH and WBTC to one Compound v3 deployment, two protocols share
 * several collateral assets, a liquidator serves one account in two protocols. Mixed, because every
 * relation but one has a direction that reads as a sentence and along which exposure flows, while
 * `shared-collateral` is symmetric: a directed pair of edges would double every sum taken over it
 * and a single directed edge would invent an order. Undirected edges are skipped by `outEdges` and
 * `inEdges`, so directed traversals stay clean; `edges(node)` sees both.
 *
 * Pure: no I/O, the snapshot is not modified. O(positions + events) map operations; health factors
 * come from `accountHealth` (src/risk), not recomputed here.
 */

export interface BuildExposureGraphOptions {
  /** Prices to value positions at, indexed like `snapshot.assets`; default: the snapshot's. */
  priceUsd?: Float64Array | null;
  /**
   * false leaves out accounts, liquidators and their edges: the protocol-level graph (protocols,
   * markets, assets, venues), whose totals still count every position.
   */
  includeAccounts?: boolean;
}

export const DEFAULTS: Required<BuildExposureGraphOptions> = { priceUsd: null, includeAccounts: true };

export function buildExposureGraph(snapshot: EcosystemSnapshot, options: BuildExposureGraphOptions = {}): ExposureGraph {
  // `??` rather than a spread, so an option passed as `undefined` still gets its default.
  const repriced = (options.priceUsd ?? DEFAULTS.priceUsd) !== null;
  const priceUsd = options.priceUsd ?? snapshot.assets.priceUsd;
  const includeAccounts = options.includeAccounts ?? DEFAULTS.includeAccounts;
  checkSnapshot(snapshot, priceUsd);
  const warnings: string[] = [];
  const warn = (message: string): void => {
    if (!warnings.includes(message)) warnings.push(message);
  };

  const health = accountHealth(snapshot, priceUsd);
  const slots = resolveMarkets(snapshot, warn);
  const exposure = aggregatePositions(snapshot, priceUsd, slots);

  const graph: ExposureGraph = new MultiGraph<ExposureNode, ExposureEdge, ExposureGraphAttributes>({ type: 'mixed', allowSelfLoops: false });
  addProtocolNodes(graph, snapshot, health);
  addAssetNodes(graph, snapshot, priceUsd, exposure, warn);
  addMarketNodes(graph, snapshot, slots, exposure);
  addCollateralEdges(graph, snapshot, exposure);
  if (includeAccounts) {
    addAccountNodes(graph, snapshot, health);
    addHoldingEdges(graph, snapshot, slots, exposure);
    addLiquidationEdges(graph, snapshot);
  }
  graph.replaceAttributes({
    snapshotId: snapshot.info.id, takenAt: snapshot.info.takenAt, source: snapshot.info.source, label: snapshot.info.label,
    repriced, warnings,
  });
  return graph;
}
