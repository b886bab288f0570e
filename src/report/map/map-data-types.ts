/**
 * What the exposure map page draws: an aggregated view of the exposure graph, laid out. Every
 * string here may come from a chain (symbols, protocol names, addresses) and reaches the page only
 * as JSON inside a `<script type="application/json">` element, read back with `textContent`.
 */

export const MAP_NODE_TYPES = ['protocol', 'asset', 'venue', 'liquidator', 'account', 'bucket'] as const;
export type MapNodeType = (typeof MAP_NODE_TYPES)[number];

/**
 * Edge kinds: `collateral` asset accepted as collateral by a protocol, `lists` a protocol lists the
 * asset otherwise (debt only), `shared-collateral` two protocols holding one asset as collateral,
 * `receipt` an asset and its receipt/wrapped token, `liquidator` a liquidator serving a protocol,
 * `pool` an asset and a venue it trades at, `position` an account (or bucket) and its protocol/asset.
 */
export const MAP_EDGE_KINDS = ['collateral', 'lists', 'shared-collateral', 'receipt', 'liquidator', 'pool', 'position'] as const;
export type MapEdgeKind = (typeof MAP_EDGE_KINDS)[number];

export interface MapNode {
  id: string;
  type: MapNodeType;
  label: string;
  /** USD exposure the node is sized by (collateral + debt, pool depth, debt repaid by a liquidator). */
  usd: number;
  x: number;
  y: number;
  /** Protocol names and asset symbols the node touches: what the page's filters match on. */
  protocols: string[];
  assets: string[];
  /** Label/value lines for the hover tooltip. */
  details: [string, string][];
  /** A bucket's accounts (addresses), for the address search. */
  members?: string[];
}

export interface MapEdge {
  source: number;
  target: number;
  kind: MapEdgeKind;
  /** USD weight (collateral held, pool depth, debt repaid); the number of liquidations for `liquidator`. */
  weight: number;
}

/** How a protocol's forced sales reach the others: the assets it sells, the protocols holding them as collateral. */
export interface ContagionPath {
  protocol: string;
  sold: { asset: string; usd: number }[];
  hit: { protocol: string; asset: string; liquidatedUsd: number; badDebtUsd: number }[];
  /** Indices into `nodes` and `edges` to highlight. */
  nodes: number[];
  edges: number[];
}

export interface ExposureMapData {
  title: string;
  /** The scenario whose run the contagion paths come from; null: potential paths from the graph alone. */
  scenario: string | null;
  nodes: MapNode[];
  edges: MapEdge[];
  /** By protocol name. */
  paths: Record<string, ContagionPath>;
  /** Accounts in the snapshot, and how many are drawn one by one (the rest are in buckets). */
  accounts: number;
  accountsDrawn: number;
  protocols: string[];
  assets: string[];
}
