/** The generator's in-memory rows, one interface per output file plus the generated accounts. */

export type Side = 'collateral' | 'debt';
export type AssetKind = 'native' | 'stable' | 'lst' | 'governance' | 'other';

export interface AssetRow {
  symbol: string;
  decimals: number;
  kind: AssetKind;
  price: number;
  /** Exact decimal text of the oracle answer, so the CSV carries the published digits. */
  priceText: string;
  underlying: string | null;
  priceSource: string;
  address: string | null;
  chain: string;
}

/** An options venue's margin and liquidation rules (the extra columns of protocols.csv). */
export interface VenueRules {
  marginModel: 'portfolio' | 'strategy';
  marginGrid: 'derive-pmrm' | 'cme-span' | 'deribit';
  imFactor: number;
  liquidationMode: 'fixed-bonus' | 'dutch-auction';
}

export interface ProtocolRow {
  protocol: string;
  kind: 'lending' | 'options';
  closeFactor: number;
  fullCloseBelowHf: number | null;
  isolation: 'pooled' | 'market';
  chain: string;
  insuranceFundUsd: number | null;
  venue: VenueRules | null;
}

export interface MarketRow {
  protocol: string;
  market: string;
  asset: string;
  ltv: number;
  liquidationThreshold: number;
  /** Exact decimal text (Morpho's bonus comes from WAD arithmetic). */
  bonusText: string;
  bonus: number;
  supplyCap: number | null;
  borrowCap: number | null;
  /** Jan 2024 caps (Gauntlet), the ones the balances are calibrated to; Aave only. */
  supplyCap202401: number | null;
  borrowCap202401: number | null;
  marketId: string | null;
}

export interface LiquidityRow {
  asset: string;
  assetReserve: number;
  usdReserve: number;
  /** Gauntlet depth the reserve was derived from (kept as an extra column). */
  slippageTokens: number;
}

export interface Position {
  asset: string;
  side: Side;
  /** Whole token units, before rounding to the written decimals. */
  amount: number;
}

export interface GenAccount {
  protocol: string;
  /** Isolated market (Compound deployment, Morpho market); null in a pooled protocol. */
  market: string | null;
  role: 'borrower' | 'supplier';
  archetype: string;
  positions: Position[];
  /** Filled in by assignAddresses. */
  address: string;
}

/** A calibration target: total of one (protocol, market, asset, side) in whole tokens. */
export interface Target {
  protocol: string;
  market: string | null;
  asset: string;
  side: Side;
  amount: number;
  basis: string;
}

export interface Universe {
  assets: Map<string, AssetRow>;
  protocols: ProtocolRow[];
  markets: MarketRow[];
}

export function price(u: Universe, symbol: string): number {
  const a = u.assets.get(symbol);
  if (a === undefined) throw new Error(`unknown asset ${symbol}`);
  return a.price;
}

export function market(u: Universe, protocol: string, marketName: string, asset: string): MarketRow {
  const m = u.markets.find((r) => r.protocol === protocol && r.market === marketName && r.asset === asset);
  if (m === undefined) throw new Error(`no market (${protocol}, ${marketName}, ${asset})`);
  return m;
}
