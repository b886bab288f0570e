/**
 * The in-memory form of one ecosystem snapshot: every table held as typed columns, indexed by
 * position in its table, so that solvers run over `Float64Array`s instead of row objects.
 *
 * Index conventions: `assets`, `protocols` and `markets` are ordered by their natural key
 * (symbol, protocol name, (protocol, market, asset)); `accounts` are risk accounts, one per
 * (protocol, account) in a pooled protocol and one per (protocol, market, account) in a protocol
 * whose markets are isolated (Morpho Blue, each Compound v3 deployment); `positions` are grouped
 * by risk account, `positionStart[i] .. positionStart[i+1]` being account i's rows.
 */

export const ASSET_KINDS = ['native', 'stable', 'lst', 'receipt', 'lp', 'governance', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const PROTOCOL_KINDS = ['lending', 'options'] as const;
export type ProtocolKind = (typeof PROTOCOL_KINDS)[number];

/** How a protocol pools risk: one health factor per account, or one per account and market. */
export const ISOLATION_MODES = ['pooled', 'market'] as const;
export type IsolationMode = (typeof ISOLATION_MODES)[number];

/** 'supply': deposited but not enabled as collateral; never in a health factor, never seized. */
export const POSITION_SIDES = ['collateral', 'debt', 'supply'] as const;
export type PositionSide = (typeof POSITION_SIDES)[number];
/** Codes stored in `PositionTable.side`. */
export const SIDE_COLLATERAL = 0;
export const SIDE_DEBT = 1;

export interface SnapshotInfo {
  id: number;
  takenAt: string;
  source: string;
  label: string | null;
  /** Block height per chain the snapshot was read at (empty for hand-written imports). */
  blocks: Record<string, number>;
}

export interface AssetTable {
  symbol: string[];
  decimals: Int32Array;
  kind: AssetKind[];
  /** Symbol of the asset this one wraps, stakes or represents (WETH → ETH, sDAI → DAI). */
  underlying: (string | null)[];
  priceUsd: Float64Array;
  priceSource: string[];
  /**
   * Units of `underlying` one token redeems for (wstETH's `stEthPerToken` ≈ 1.15, an aToken 1);
   * `NaN` when unknown, when the solver takes snapshot price / underlying's price. Optional: a
   * snapshot built by hand may leave the three derived-asset columns out.
   */
  exchangeRate?: Float64Array;
  /** Name of the protocol (in `protocols`) whose receipt token this is (aWETH → "aave-v3"); `null` for other assets. */
  issuer?: (string | null)[];
  /** LP and vault tokens: the components one token holds at the snapshot; `null` for other assets. */
  lpComponents?: (LpComponentSpec | null)[];
}

/** What one LP or vault token holds: `units[k]` of asset `symbol[k]` per token at the snapshot. */
export interface LpComponentSpec {
  symbol: string[];
  units: number[];
  /** 'constant-product': a 50/50 x·y = k pool of exactly two components; 'basket': fixed units. */
  model: LpModel;
}

export const LP_MODELS = ['constant-product', 'basket'] as const;
export type LpModel = (typeof LP_MODELS)[number];

export interface ProtocolTable {
  name: string[];
  kind: ProtocolKind[];
  chain: (string | null)[];
  isolation: IsolationMode[];
  closeFactor: Float64Array;
  /** Health factor below which the whole debt may be closed (Aave v3: 0.95); `NaN` when the protocol has none. */
  fullCloseBelowHf: Float64Array;
  /** USD the protocol holds against bad debt (safety module, reserves); `NaN` when unknown. */
  insuranceFundUsd: Float64Array;
  /** Further settings by name (an options venue's `margin_grid`, `im_factor`, `liquidation_mode`, …). */
  settings: Record<string, string>[];
}

export interface MarketTable {
  protocol: Int32Array;
  market: string[];
  asset: Int32Array;
  ltv: Float64Array;
  liquidationThreshold: Float64Array;
  liquidationBonus: Float64Array;
  /** Per-market close factor where a protocol publishes one; `NaN` means the protocol's. */
  closeFactor: Float64Array;
  /** Caps in whole token units; `Infinity` when uncapped or unknown. */
  supplyCap: Float64Array;
  borrowCap: Float64Array;
}

export interface AccountTable {
  protocol: Int32Array;
  account: string[];
  /** The isolated market this risk account lives in; `null` in a pooled protocol. */
  market: (string | null)[];
  /** Close factor that applies to this account (its market's, else its protocol's). */
  closeFactor: Float64Array;
  /** Length `accounts + 1`: account i owns positions `positionStart[i] .. positionStart[i+1] - 1`. */
  positionStart: Int32Array;
}

export interface PositionTable {
  account: Int32Array;
  asset: Int32Array;
  /** `SIDE_COLLATERAL` or `SIDE_DEBT`. */
  side: Uint8Array;
  /** Whole token units. */
  amount: Float64Array;
  /** Of the collateral's market; 0 for debt rows. */
  liquidationThreshold: Float64Array;
  liquidationBonus: Float64Array;
}

export interface LiquidityTable {
  asset: Int32Array;
  venue: string[];
  model: string[];
  assetReserve: Float64Array;
  usdReserve: Float64Array;
}

export interface LiquidatorTable {
  address: string[];
  label: (string | null)[];
}

export interface LiquidationEventTable {
  protocol: Int32Array;
  account: string[];
  /** Index into `liquidators`. */
  liquidator: Int32Array;
  collateralAsset: Int32Array;
  debtAsset: Int32Array;
  debtRepaidUsd: Float64Array;
  blockNumber: Float64Array;
  timestamp: (string | null)[];
  txHash: string[];
}

/** Option contracts of options venues; row order = option index. */
export interface OptionTable {
  protocol: Int32Array;
  optionId: string[];
  /** Asset index of the underlying. */
  underlying: Int32Array;
  /** 1 for a call, 0 for a put. */
  isCall: Uint8Array;
  strikeUsd: Float64Array;
  /** Years to expiry from the snapshot's time (ACT/365); ≤ 0 once expired. */
  expiryYears: Float64Array;
  /** The venue's mark and implied vol; `NaN` where it publishes none. */
  markUsd: Float64Array;
  impliedVol: Float64Array;
}

/** Holdings of options: + long, − short, in units of the underlying. */
export interface OptionPositionTable {
  /** Risk account index (an options venue is pooled: one risk account per holder). */
  account: Int32Array;
  option: Int32Array;
  size: Float64Array;
}

/** Past prices, grouped by asset and in time order. */
export interface PriceHistoryTable {
  asset: Int32Array;
  unixSeconds: Float64Array;
  priceUsd: Float64Array;
}

export interface EcosystemSnapshot {
  info: SnapshotInfo;
  assets: AssetTable;
  protocols: ProtocolTable;
  markets: MarketTable;
  accounts: AccountTable;
  positions: PositionTable;
  liquidity: LiquidityTable;
  liquidators: LiquidatorTable;
  liquidationEvents: LiquidationEventTable;
  options: OptionTable;
  optionPositions: OptionPositionTable;
  priceHistory: PriceHistoryTable;
}
