import type { MultiGraph } from 'graphology';
import type { AssetKind, IsolationMode, ProtocolKind } from '../model/ecosystem.js';

/**
 * The attributes of every node and edge of the exposure graph. Each node and edge carries a `type`
 * so a consumer can narrow the union (`Extract<ExposureNode, { type: 'account' }>`). USD figures
 * are at the prices the graph was built with (the snapshot's unless `priceUsd` was given); amounts
 * are whole token units. `Infinity` is a health factor without debt, `null` a value not given.
 *
 * Edges read "source <type> target": `account supplies market`, `protocol lists market`,
 * `market market-of asset`, `asset collateral-of protocol`, `ETH underlying-of WETH`.
 */

export const NODE_TYPES = ['protocol', 'market', 'asset', 'account', 'liquidator', 'venue'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const EDGE_TYPES = [
  'lists', 'market-of', 'supplies', 'borrows', 'collateral-of', 'shared-collateral', 'liquidated-by', 'pooled-at', 'underlying-of',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export type ProtocolNode = {
  type: 'protocol'; label: string; kind: ProtocolKind; chain: string | null; isolation: IsolationMode;
  closeFactor: number; fullCloseBelowHf: number | null; insuranceFundUsd: number | null;
  collateralUsd: number; debtUsd: number; riskAccounts: number; borrowers: number;
  /** Lowest health factor among the protocol's borrowers; `Infinity` when none borrows. */
  minHealthFactor: number;
};

/** A market is a (protocol, market name): an Aave reserve, a Compound v3 deployment, a Morpho Blue pair. */
export type MarketNode = {
  type: 'market'; label: string; protocol: string; market: string; isolated: boolean;
  /** Symbols the market lists, one `market-of` edge each. */
  assets: string[]; collateralUsd: number; debtUsd: number;
};

export type AssetNode = {
  type: 'asset'; label: string; kind: AssetKind; decimals: number; priceUsd: number; priceSource: string;
  underlying: string | null; collateralUsd: number; debtUsd: number;
  /** USD side of the asset's pools summed over venues: what sellers of the asset can draw on. */
  poolDepthUsd: number;
};

/** One risk account's standing: per protocol when pooled, per (protocol, market) when isolated. */
export type RiskAccountHealth = {
  protocol: string; market: string | null; collateralUsd: number; weightedCollateralUsd: number; debtUsd: number; healthFactor: number;
};

export type AccountNode = {
  type: 'account'; label: string; address: string;
  /** Protocols the address holds positions in, by name; empty for an address known only from liquidations. */
  protocols: string[]; collateralUsd: number; debtUsd: number;
  /** Per protocol, the lowest health factor of the address's risk accounts there (its weakest isolated market). */
  healthFactor: Record<string, number>; minHealthFactor: number; riskAccounts: RiskAccountHealth[];
  /** Liquidation events against this address, in any protocol. */
  liquidations: number;
};

export type LiquidatorNode = {
  type: 'liquidator'; label: string; address: string; liquidations: number; debtRepaidUsd: number; protocols: string[];
};

export type VenueNode = { type: 'venue'; label: string; assets: string[]; depthUsd: number };

export type ExposureNode = ProtocolNode | MarketNode | AssetNode | AccountNode | LiquidatorNode | VenueNode;

export type ListsEdge = { type: 'lists' };
export type MarketOfEdge = {
  type: 'market-of'; protocol: string; market: string; asset: string; ltv: number; liquidationThreshold: number;
  liquidationBonus: number; closeFactor: number | null; supplyCap: number; borrowCap: number;
};
export type SuppliesEdge = {
  type: 'supplies'; protocol: string; market: string; asset: string; amount: number; usd: number; liquidationThreshold: number;
};
export type BorrowsEdge = { type: 'borrows'; protocol: string; market: string; asset: string; amount: number; usd: number };
export type CollateralOfEdge = {
  type: 'collateral-of'; protocol: string; asset: string;
  /** The most lenient threshold among the protocol's markets accepting the asset (they differ across Morpho pairs). */
  liquidationThreshold: number; markets: string[];
  /** Collateral held in those markets (positions with a threshold > 0). */
  collateralUsd: number;
};
/** Undirected: both protocols hold the asset as collateral, so both sell it when its price falls. */
export type SharedCollateralEdge = { type: 'shared-collateral'; asset: string; collateralUsd: Record<string, number> };
export type LiquidatedByEdge = {
  type: 'liquidated-by'; protocol: string; count: number;
  /** Sum over events that state it; `unpricedCount` events did not. */
  debtRepaidUsd: number; unpricedCount: number;
};
export type PooledAtEdge = {
  type: 'pooled-at'; model: string; assetReserve: number; usdReserve: number;
  /** The USD reserve, as `summarizeSnapshot` reads depth: what a liquidator selling the asset can draw. */
  depthUsd: number;
  /** `usdReserve / assetReserve`, which may differ from the oracle price the graph values positions at. */
  poolPriceUsd: number;
};
export type UnderlyingOfEdge = { type: 'underlying-of' };

export type ExposureEdge =
  | ListsEdge | MarketOfEdge | SuppliesEdge | BorrowsEdge | CollateralOfEdge | SharedCollateralEdge
  | LiquidatedByEdge | PooledAtEdge | UnderlyingOfEdge;

export type ExposureGraphAttributes = {
  snapshotId: number; takenAt: string; source: string; label: string | null;
  /** true when built at caller-given prices rather than the snapshot's. */
  repriced: boolean;
  /** Non-fatal problems met while building, each once. */
  warnings: string[];
};

export type ExposureGraph = MultiGraph<ExposureNode, ExposureEdge, ExposureGraphAttributes>;
