/**
 * One liquidity venue of one asset: what the depth curve and the router need from a pool, whatever
 * its invariant (in the spirit of Uniswap v3-sdk's `TickDataProvider`: the router sees an
 * interface, each model implements it).
 *
 * Conventions, shared by every model:
 *  - Amounts of the asset are whole units (`number`); money is USD. A venue trading against another
 *    token (a Uniswap v3 pool's other token, a stableswap pool's pegged token) values that counter
 *    token at `counterPriceUsd`, a parameter the caller can change (`withCounterPriceUsd`).
 *  - Venues are immutable: `sell` and `arbitrage` return the venue after the trade.
 *  - The **spot price** (`priceUsd`) is the pool's price without fee. The **marginal** USD per unit
 *    (`marginalUsd`) is what the next infinitesimal unit sold receives: spot × (1 − fee), and 0 once
 *    the venue can absorb nothing more. The router equalises marginals, which is what maximises the
 *    USD received when every venue's receipts are concave in the units sold (all three models).
 *  - Fees are charged and leave the curve (the invariant is unchanged by a sale). Uniswap v3 pays fees
 *    outside the liquidity, exactly so; Curve keeps the non-admin part of its fee in the pool, which
 *    deepens it slightly: leaving it out is the conservative side and keeps every sale
 *    path-independent (selling a then b lands where selling a + b does).
 *  - **Arbitrage inflow** of strength α toward a target price moves the spot price to
 *    p + α·(target − p) (linear in price: α = 0 leaves the venue as it is, α = 1 puts it at the
 *    target, and the price is monotone in α) by trading along the venue's own curve: x·y = k kept
 *    for constant product, D kept for stableswap, a swap through the ticks for concentrated
 *    liquidity. It models outside buyers (or sellers, when the venue is above target) who bring the
 *    pool part of the way back between rounds; what they pay is not tracked.
 */
import { LiquidityError } from './errors.js';

export type VenueModel = 'constant-product' | 'concentrated' | 'stableswap';

export interface SaleFill {
  /** Units the venue took. */
  soldUnits: number;
  /** Units it could not take: its liquidity ran out (only concentrated liquidity is bounded). */
  unsoldUnits: number;
  /** USD received for the units taken, fee deducted. */
  usd: number;
}

export interface Venue {
  readonly model: VenueModel;
  /** The liquidity row's venue name (a pool). */
  readonly name: string;
  /** Symbol of the counter token, or null when the venue is quoted directly in USD. */
  readonly counterAsset: string | null;
  /** USD per whole counter token (1 for a venue quoted in USD). */
  readonly counterPriceUsd: number;
  /** Fraction of each sale kept as fee. */
  readonly fee: number;
  /** Spot price, USD per unit of the asset, without fee. */
  priceUsd(): number;
  /** USD per unit the next infinitesimal sale receives: spot × (1 − fee), or 0 when nothing more can be sold. */
  marginalUsd(): number;
  /** Units the venue can still absorb (`Infinity` unless its liquidity is bounded). */
  capacityUnits(): number;
  /** Units whose sale brings `marginalUsd()` down to `marginalUsd` (0 if already there or below; at most the capacity). */
  unitsToMarginal(marginalUsd: number): number;
  /** What selling `units` pays, leaving the venue unchanged. */
  quoteSell(units: number): SaleFill;
  /** The venue after selling `units`, and the fill. */
  sell(units: number): { venue: Venue; fill: SaleFill };
  /** The venue after arbitrage inflow of strength α ∈ [0, 1] toward `targetPriceUsd` (see the module comment). */
  arbitrage(targetPriceUsd: number, alpha: number): Venue;
  /** The venue with its counter token at a new USD price (a venue quoted in USD returns itself). */
  withCounterPriceUsd(counterPriceUsd: number): Venue;
}

/**
 * The spot price arbitrage inflow moves a venue to: p + α·(target − p), exactly `target` at α = 1
 * and exactly `p` at α = 0. Checks α and the target.
 */
export function arbitragePrice(venue: string, spotUsd: number, targetPriceUsd: number, alpha: number): number {
  if (!Number.isFinite(alpha) || alpha < 0 || alpha > 1) throw new LiquidityError('venue', `venue ${venue}: arbitrage strength α must be in [0, 1], got ${alpha}`);
  if (!Number.isFinite(targetPriceUsd) || !(targetPriceUsd > 0)) {
    throw new LiquidityError('venue', `venue ${venue}: arbitrage target price must be a finite USD price > 0, got ${targetPriceUsd}`);
  }
  if (alpha === 0) return spotUsd;
  if (alpha === 1) return targetPriceUsd;
  return spotUsd + alpha * (targetPriceUsd - spotUsd);
}
