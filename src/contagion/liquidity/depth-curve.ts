/**
 * An asset's depth curve: every venue it can be sold into, each with its own model. The curve is
 * what a cascade holds per asset between rounds; `routeSale` (route-sale.ts) sells into it, the
 * functions here read it and move it.
 *
 * **The asset's price** (`curvePriceUsd`) is the best spot price among the venues that can still
 * absorb a sale: the highest price anyone selling the asset would be quoted, before fees. Right after
 * an optimal route without fees it is the common marginal price the route ended at (venues that sold
 * all end there; venues that did not were already below it; venues whose liquidity ran out are left
 * out, their last price meaning nothing more can be sold there). With fees the router equalises
 * spot × (1 − fee), so venues end at different spots and this is the highest of them, above the
 * common marginal by at most the largest fee. After arbitrage with α = 1 it is the target itself.
 * When every venue is exhausted it is the highest price any of them stopped at.
 */
import { LiquidityError } from './errors.js';
import type { Venue } from './venue.js';

export interface DepthCurve {
  /** Asset symbol. */
  readonly asset: string;
  readonly venues: readonly Venue[];
}

/** A depth curve over at least one venue. */
export function depthCurve(asset: string, venues: readonly Venue[]): DepthCurve {
  if (venues.length === 0) throw new LiquidityError('depth-curve', `asset ${asset}: a depth curve needs at least one venue`);
  return { asset, venues };
}

/** The asset's price: the best spot price among venues with capacity left (see the module comment). */
export function curvePriceUsd(curve: DepthCurve): number {
  let best = -Infinity;
  let bestExhausted = -Infinity;
  for (const venue of curve.venues) {
    const price = venue.priceUsd();
    if (venue.capacityUnits() > 0) best = Math.max(best, price);
    else bestExhausted = Math.max(bestExhausted, price);
  }
  return best > -Infinity ? best : bestExhausted;
}

/** The best USD per unit an infinitesimal sale receives (spot less fee), over all venues. */
export const curveMarginalUsd = (curve: DepthCurve): number => Math.max(...curve.venues.map((v) => v.marginalUsd()));

/** Units the curve can absorb in all (`Infinity` when any venue is unbounded). */
export const curveCapacityUnits = (curve: DepthCurve): number => curve.venues.reduce((sum, v) => sum + v.capacityUnits(), 0);

/** Every venue after arbitrage inflow of strength α toward `targetPriceUsd` (`venue.ts` defines it). */
export function arbitrageCurve(curve: DepthCurve, targetPriceUsd: number, alpha: number): DepthCurve {
  return { asset: curve.asset, venues: curve.venues.map((v) => v.arbitrage(targetPriceUsd, alpha)) };
}

/**
 * Every venue with its counter token at the given USD price (by symbol); venues quoted in USD, and
 * venues whose counter token is not named, keep theirs.
 */
export function revalueCounters(curve: DepthCurve, pricesUsd: Readonly<Record<string, number>>): DepthCurve {
  const venues = curve.venues.map((v) => {
    const price = v.counterAsset === null ? undefined : pricesUsd[v.counterAsset];
    return price === undefined || price === v.counterPriceUsd ? v : v.withCounterPriceUsd(price);
  });
  return { asset: curve.asset, venues };
}
