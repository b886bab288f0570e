/**
 * Derive's liquidation Dutch auction (derivexyz/v2-core `src/liquidation/DutchAuction.sol`,
 * `_getDiscountPercentage`, `_getInsolventAuctionBidPrice`; parameters `getDefaultAuctionParam()`
 * in scripts/config-mainnet.sol). With t the seconds since the auction started:
 *
 *   solvent (MtM V > 0), bid = fraction(t) × V:
 *     fast phase  t < 900:           fraction = 0.95 − (0.95 − 0.70) · t / 900
 *     slow phase  900 ≤ t < 44,100:  fraction = 0.70 − 0.70 · (t − 900) / 43,200
 *     ended       t ≥ 44,100:        fraction = 0 (the auction is over, unsold)
 *   insolvent (V ≤ 0): the security module pays the bidder, growing linearly from −V to
 *     −V + MM over insolventAuctionLength (3,600 s), then staying there (MM = maintenance margin,
 *     our convention: Derive's negative "maintenance margin" is V − MM).
 *
 * Discount = 1 − fraction. Liquidators' appetite is a parameter: the discount they require (they
 * bid at the first t where the discount reaches it) or the time at which they bid. For an insolvent
 * auction the "discount" is the premium over −V as a fraction of MM.
 */
import { OptionsAccountError } from './errors.js';

export interface DutchAuctionParams {
  startingMtMPercentage: number;
  fastAuctionCutoffPercentage: number;
  fastAuctionSeconds: number;
  slowAuctionSeconds: number;
  insolventAuctionSeconds: number;
}

/** getDefaultAuctionParam(): startingMtMPercentage 0.95e18, fastAuctionCutoffPercentage 0.7e18, fastAuctionLength 15 minutes, slowAuctionLength 12 hours, insolventAuctionLength 60 minutes. */
export const DERIVE_AUCTION: Readonly<DutchAuctionParams> = {
  startingMtMPercentage: 0.95,
  fastAuctionCutoffPercentage: 0.7,
  fastAuctionSeconds: 900,
  slowAuctionSeconds: 43_200,
  insolventAuctionSeconds: 3_600,
};

export type LiquidatorAppetite = { kind: 'required-discount'; discount: number } | { kind: 'clearing-time'; seconds: number };

export interface AuctionClearing {
  cleared: boolean;
  /** Seconds from the start to the bid (the end of the schedule when unsold). */
  seconds: number;
  /** Solvent: discount to MtM. Insolvent: premium over −MtM as a fraction of MM. */
  discount: number;
  phase: 'fast' | 'slow' | 'insolvent' | 'unsold';
}

export function checkAuctionParams(p: DutchAuctionParams): void {
  if (!(p.startingMtMPercentage <= 1 && p.fastAuctionCutoffPercentage >= 0 && p.fastAuctionCutoffPercentage <= p.startingMtMPercentage)) {
    throw new OptionsAccountError(`auction: need 0 ≤ fastAuctionCutoffPercentage ≤ startingMtMPercentage ≤ 1, got ${p.fastAuctionCutoffPercentage}, ${p.startingMtMPercentage}`);
  }
  for (const field of ['fastAuctionSeconds', 'slowAuctionSeconds', 'insolventAuctionSeconds'] as const) {
    if (!(p[field] > 0 && p[field] < Infinity)) throw new OptionsAccountError(`auction: field ${field} must be finite and > 0, got ${p[field]}`);
  }
}

/** Bid as a fraction of MtM at `seconds` into a solvent auction (DutchAuction._getDiscountPercentage). */
export function auctionPriceFraction(seconds: number, p: DutchAuctionParams = DERIVE_AUCTION): number {
  if (!(seconds >= 0)) throw new OptionsAccountError(`auction: seconds must be ≥ 0, got ${seconds}`);
  if (seconds < p.fastAuctionSeconds) {
    return p.startingMtMPercentage - ((p.startingMtMPercentage - p.fastAuctionCutoffPercentage) * seconds) / p.fastAuctionSeconds;
  }
  if (seconds >= p.fastAuctionSeconds + p.slowAuctionSeconds) return 0;
  return p.fastAuctionCutoffPercentage - (p.fastAuctionCutoffPercentage * (seconds - p.fastAuctionSeconds)) / p.slowAuctionSeconds;
}

export function auctionDiscount(seconds: number, p: DutchAuctionParams = DERIVE_AUCTION): number {
  return 1 - auctionPriceFraction(seconds, p);
}

/** When and at what discount a solvent auction (V > 0) clears for a given appetite. */
export function clearSolventAuction(appetite: LiquidatorAppetite, p: DutchAuctionParams = DERIVE_AUCTION): AuctionClearing {
  const end = p.fastAuctionSeconds + p.slowAuctionSeconds;
  let seconds: number;
  if (appetite.kind === 'clearing-time') {
    seconds = appetite.seconds;
    if (!(seconds >= 0)) throw new OptionsAccountError(`appetite: seconds must be ≥ 0, got ${seconds}`);
  } else {
    const d = appetite.discount;
    if (!(d >= 0)) throw new OptionsAccountError(`appetite: discount must be ≥ 0, got ${d}`);
    const startDiscount = 1 - p.startingMtMPercentage;
    const cutoffDiscount = 1 - p.fastAuctionCutoffPercentage;
    if (d <= startDiscount) seconds = 0;
    else if (d <= cutoffDiscount) seconds = ((d - startDiscount) / (cutoffDiscount - startDiscount)) * p.fastAuctionSeconds;
    else if (d < 1 && p.fastAuctionCutoffPercentage > 0) seconds = p.fastAuctionSeconds + p.slowAuctionSeconds * (1 - (1 - d) / p.fastAuctionCutoffPercentage);
    else seconds = end;
  }
  if (seconds >= end) return { cleared: false, seconds: end, discount: 1, phase: 'unsold' };
  return { cleared: true, seconds, discount: auctionDiscount(seconds, p), phase: seconds < p.fastAuctionSeconds ? 'fast' : 'slow' };
}

/**
 * An insolvent auction (V ≤ 0): the payment to the bidder is −V + MM·min(t / L, 1). With a
 * required discount δ the bidder takes the account at t = δ·L, paid −V + δ·MM; with δ > 1 nobody
 * bids within the schedule: `unsold`, and the payment is taken at the cap −V + MM.
 */
export function clearInsolventAuction(appetite: LiquidatorAppetite, p: DutchAuctionParams = DERIVE_AUCTION): AuctionClearing {
  const L = p.insolventAuctionSeconds;
  if (appetite.kind === 'clearing-time') {
    if (!(appetite.seconds >= 0)) throw new OptionsAccountError(`appetite: seconds must be ≥ 0, got ${appetite.seconds}`);
    const seconds = Math.min(appetite.seconds, L);
    return { cleared: true, seconds, discount: seconds / L, phase: 'insolvent' };
  }
  const d = appetite.discount;
  if (!(d >= 0)) throw new OptionsAccountError(`appetite: discount must be ≥ 0, got ${d}`);
  if (d > 1) return { cleared: false, seconds: L, discount: 1, phase: 'unsold' };
  return { cleared: true, seconds: d * L, discount: d, phase: 'insolvent' };
}
