import type { AssetKind, IsolationMode, LpComponentSpec, PositionSide, ProtocolKind } from '../model/ecosystem.js';

/**
 * One snapshot as validated rows, ready to be written in one transaction. The CSV importer builds
 * it from a directory; the indexers build it from subgraphs. Amounts are exact decimal strings in
 * whole token units; `extra` holds columns the table has no place for.
 */
export interface SnapshotRows {
  meta: SnapshotMeta;
  assets: AssetRow[];
  protocols: ProtocolRow[];
  markets: MarketRow[];
  positions: PositionRow[];
  liquidity: LiquidityRow[];
  liquidators: LiquidatorRow[];
  liquidationEvents: LiquidationEventRow[];
  /** Options venues (optional: lending-only sources have none). */
  options?: OptionRow[];
  optionPositions?: OptionPositionRow[];
  /** Past prices (dynamic margin fits EWMA/GARCH to them); optional. */
  priceHistory?: PriceHistoryRow[];
}

export interface PriceHistoryRow {
  asset: string;
  /** ISO 8601. */
  timestamp: string;
  priceUsd: number;
  source: string;
}

export type Extra = Record<string, string> | null;

export interface SnapshotMeta {
  takenAt: string;
  source: string;
  label: string | null;
  blocks: Record<string, number>;
  /** sha256 of the inputs; a second import of identical inputs is recognised by it. */
  contentHash: string;
}

export interface AssetRow {
  symbol: string;
  decimals: number;
  kind: AssetKind;
  priceUsd: number;
  priceSource: string;
  underlying: string | null;
  address: string | null;
  chain: string | null;
  extra: Extra;
  /**
   * Derived-asset reference data (columns of their own since schema 4); optional so that a source
   * that knows none of it (most indexers) leaves them out, which stores NULL.
   * Units of `underlying` one token redeems for, > 0.
   */
  exchangeRate?: number | null;
  /** The protocol of the same snapshot whose receipt token this is. */
  issuer?: string | null;
  /** An LP or vault token's components per token; each symbol an asset of the same snapshot. */
  lpComponents?: LpComponentSpec | null;
}

export interface ProtocolRow {
  protocol: string;
  kind: ProtocolKind;
  chain: string | null;
  isolation: IsolationMode;
  closeFactor: number;
  fullCloseBelowHf: number | null;
  insuranceFundUsd: number | null;
  extra: Extra;
}

export interface MarketRow {
  protocol: string;
  market: string;
  asset: string;
  ltv: number;
  liquidationThreshold: number;
  liquidationBonus: number;
  closeFactor: number | null;
  supplyCap: number | null;
  borrowCap: number | null;
  extra: Extra;
}

export interface PositionRow {
  protocol: string;
  account: string;
  market: string;
  asset: string;
  side: PositionSide;
  amount: string;
  extra: Extra;
}

/** How a liquidity row is to be read. Every model also carries constant-product-equivalent reserves. */
export const LIQUIDITY_MODELS = ['cpmm', 'uniswap-v3', 'stableswap'] as const;
export type LiquidityModel = (typeof LIQUIDITY_MODELS)[number];

export interface LiquidityRow {
  asset: string;
  venue: string;
  model: LiquidityModel;
  /**
   * Constant-product-equivalent reserves at the snapshot price: a cpmm pool's own reserves; for a
   * concentrated-liquidity pool its virtual reserves L/√P and L·√P in the active range, the
   * constant-product pool with the same local depth. The reference cascade reads only these.
   */
  assetReserve: number;
  usdReserve: number;
  /** Initialised ticks of a concentrated-liquidity pool (raw int128 liquidityNet). */
  ticks?: { tickIdx: number; liquidityNet: bigint }[];
  extra: Extra;
}

export interface OptionRow {
  protocol: string;
  optionId: string;
  underlying: string;
  optionType: 'call' | 'put';
  strikeUsd: number;
  expiry: string | null;
  collateralAsset: string | null;
  markUsd: number | null;
  /** The venue's implied volatility for this option, annualised, where it publishes one. */
  impliedVol?: number | null;
  extra: Extra;
}

export interface OptionPositionRow {
  protocol: string;
  account: string;
  optionId: string;
  side: 'long' | 'short';
  /** Units of the underlying, exact decimal text. */
  size: string;
  extra: Extra;
}

export interface LiquidatorRow {
  liquidator: string;
  label: string | null;
  extra: Extra;
}

export interface LiquidationEventRow {
  protocol: string;
  txHash: string;
  logIndex: number;
  blockNumber: number | null;
  timestamp: string | null;
  liquidator: string;
  account: string;
  collateralAsset: string;
  debtAsset: string;
  collateralAmount: string | null;
  debtAmount: string | null;
  debtRepaidUsd: number | null;
  extra: Extra;
}
