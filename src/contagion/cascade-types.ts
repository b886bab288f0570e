import type { OptionsVenueOutcome } from './options-participant.js';
import type { EcosystemSnapshot } from '../model/ecosystem.js';

/** The parts of a snapshot the reference cascade reads. */
export type CascadeSnapshot = Pick<EcosystemSnapshot, 'assets' | 'protocols' | 'accounts' | 'positions' | 'liquidity'>;

export interface ReferenceCascadeOptions {
  /** Rounds after which the cascade stops even if the last round still liquidated something. */
  maxRounds: number;
  /** Keep one record per liquidation in `events` (turn off for large benchmark runs). */
  recordEvents: boolean;
}

/** One account liquidation, valued at the prices of the round it happened in. */
export interface LiquidationRecord {
  round: number;
  protocol: string;
  account: string;
  market: string | null;
  healthFactor: number;
  closeFactor: number;
  debtUsd: number;
  repaidUsd: number;
  seizedUsd: number;
  badDebtUsd: number;
  /** Debt the account still owes after the liquidation. */
  remainingDebtUsd: number;
  /** Collateral taken, largest first: repaid share, its bonus, and what the liquidator received. */
  seized: { asset: string; units: number; usd: number; repaidUsd: number; bonus: number }[];
}

export interface CascadeRound {
  round: number;
  /** Prices (USD by symbol) at which this round's health factors were computed. */
  prices: Record<string, number>;
  /** Prices after this round's seized collateral was sold into the pools. */
  pricesAfter: Record<string, number>;
  liquidations: number;
  liquidatedDebtUsd: number;
  seizedCollateralUsd: number;
  badDebtUsd: number;
  liquidatedDebtUsdByProtocol: Record<string, number>;
  badDebtByProtocol: Record<string, number>;
  /** Units of each asset sold into its pool at the end of the round. */
  soldUnits: Record<string, number>;
}

export interface CascadeResult {
  /** Rounds that liquidated something. */
  rounds: number;
  totalBadDebtUsd: number;
  badDebtByProtocol: Record<string, number>;
  /** Debt repaid by liquidators, in USD at each round's prices. */
  liquidatedDebtUsdByProtocol: Record<string, number>;
  /** Collateral seized by liquidators, in USD at each round's prices. */
  seizedCollateralUsd: number;
  finalPrices: Record<string, number>;
  trace: CascadeRound[];
  /** Prices after the shock and before any liquidation. */
  shockedPrices: Record<string, number>;
  /** Prices before the shock (set by the contagion solver; derived pricing moves assets a scenario does not name). */
  snapshotPrices?: Record<string, number>;
  seizedCollateralUsdByProtocol: Record<string, number>;
  /** Debt still owed after the cascade, at the final prices. */
  remainingDebtUsdByProtocol: Record<string, number>;
  liquidations: number;
  roundLimitReached: boolean;
  events: LiquidationRecord[];
  warnings: string[];
  /** Options venues that took part, with their close-outs and shortfall waterfall. */
  optionsVenues?: OptionsVenueOutcome[];
}

/** What another kind of account (an options venue's) did in one round, by protocol and asset index. */
export interface ParticipantRound {
  liquidations: number;
  /** Closing costs or debt repaid, seized collateral, and bad debt, in USD by protocol index. */
  repaidUsd: Float64Array;
  seizedUsd: Float64Array;
  badDebtUsd: Float64Array;
  /** Units of each asset to sell into its pool at the round's end, by asset index. */
  soldUnits: Float64Array;
}

/**
 * Accounts the reference rules do not cover, taking part in the same rounds: each round they are
 * valued at the round-start prices, liquidated by their own venue's rules, and what they sell goes
 * into the same pools. With no participants the cascade is exactly the reference one.
 */
export interface CascadeParticipant {
  round(round: number, priceUsd: Float64Array): ParticipantRound;
  /** Whether some account would be liquidated at these prices (to tell a real round limit). */
  wouldLiquidate(priceUsd: Float64Array): boolean;
  /**
   * Protocols whose shortfall already went through their own waterfall (an options venue's
   * insurance fund, then socialisation): how it was borne, so the solver's insurance accounting
   * does not spend the same fund twice.
   */
  waterfalls?(): { protocol: string; insuranceAbsorbedUsd: number; socialisedUsd: number; insuranceFundUsd: number }[];
}
