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

/**
 * How a loss travels from one protocol to another: `sale` its liquidations sold collateral the
 * other holds as collateral (price impact); `receipt` the other holds its receipt token as
 * collateral, which its bad debt writes down.
 */
export const PATH_CHANNELS = ['sale', 'receipt'] as const;
export type PathChannel = (typeof PATH_CHANNELS)[number];

/** One protocol reached on a contagion path, at the first hop that reaches it. */
export interface PathHit {
  protocol: string;
  /** The asset the loss travelled by: the collateral sold (`sale`), the receipt token (`receipt`). */
  asset: string;
  /** In the run (0 for potential paths): debt its liquidators repaid, and its bad debt. */
  liquidatedUsd: number;
  badDebtUsd: number;
  /** 1: reached by the clicked protocol itself; 2: by a protocol at hop 1; … */
  hop: number;
  /** The protocol whose sales (or loss) reached this one: the clicked one at hop 1. */
  via: string;
  channel: PathChannel;
  /** Every asset by which `via` reached it at this hop (`asset` first). */
  assets: string[];
  /** Round of the run in which it was reached (liquidated, or its collateral written down); null for potential paths. */
  round: number | null;
  /** `receipt` with receipt contagion in the run: share of the token written down at the end, in [0, 1]. */
  writeDown?: number;
}

/**
 * How a protocol's losses reach the others, hop by hop: the assets it sells and the protocols they
 * reach, then what those sell, and so on (contagion-paths.ts).
 */
export interface ContagionPath {
  protocol: string;
  /** What the clicked protocol itself sold (potential paths: its collateral, USD held). */
  sold: { asset: string; usd: number }[];
  /** Protocols reached, in breadth-first order (hop ascending); each protocol once. */
  hit: PathHit[];
  /** Deepest hop reached (0: none). */
  hops: number;
  /** Indices into `nodes` and `edges` to highlight. */
  nodes: number[];
  edges: number[];
}

export interface ExposureMapData {
  title: string;
  /** The scenario whose run the contagion paths come from; null: potential paths from the graph alone. */
  scenario: string | null;
  /** Snapshot blocks and the run's model with its options, one line ('' when unknown). */
  context: string;
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
