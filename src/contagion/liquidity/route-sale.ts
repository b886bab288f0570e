/**
 * Selling an amount of an asset across its venues so as to receive the most USD: water-filling.
 *
 * Each venue's receipts R_v(u) are concave in the units u sold into it (the marginal USD per unit
 * falls as it sells), so the split maximising Σ R_v(u_v) subject to Σ u_v = Δ gives every venue
 * that sells the same marginal q*, and no venue that does not sell a marginal above q* (the
 * Karush–Kuhn–Tucker conditions of a concave allocation; Angeris et al., "Optimal Routing for
 * Constant Function Market Makers", 2022, make the same argument for CFMM routing). With
 * U_v(q) = units that bring venue v's marginal down to q, non-increasing in q:
 *
 *   bracket  hi = the best marginal now (U(hi) = 0), lo = hi/2, hi/4, … until Σ U_v(lo) ≥ Δ
 *   bisect   on log q until hi/lo − 1 ≤ tolerance
 *   split    u_v = U_v(hi) + (Δ − Σ U_v(hi)) · (U_v(lo) − U_v(hi)) / Σ (U_v(lo) − U_v(hi))
 *
 * so Σ u_v = Δ and each venue ends with its marginal in [lo, hi]. The split is exact for any venues
 * whose U is monotone, to the tolerance on q*. A curve that cannot absorb Δ in all (only bounded,
 * concentrated venues) sells each venue's capacity and reports the rest unsold.
 */
import { checkUnits, LiquidityError } from './errors.js';
import { curvePriceUsd, type DepthCurve } from './depth-curve.js';
import type { Venue, VenueModel } from './venue.js';

const MODULE = 'route-sale';

export interface RouteSaleOptions {
  /** Relative width of the bracket on the common marginal price at which bisection stops. */
  tolerance: number;
  /** Bisection steps at most (each evaluates every venue once). */
  maxIterations: number;
}

export const DEFAULTS: RouteSaleOptions = {
  tolerance: 1e-12,
  maxIterations: 200,
};

export interface VenueFill {
  venue: string;
  model: VenueModel;
  units: number;
  usd: number;
  priceBeforeUsd: number;
  priceAfterUsd: number;
  /** USD per unit the venue's next unit would receive after the route. */
  marginalAfterUsd: number;
}

export interface RouteResult {
  /** The curve after the sale. */
  curve: DepthCurve;
  soldUnits: number;
  /** Units no venue could take (only when every venue's liquidity is bounded and ran out). */
  unsoldUnits: number;
  usdReceived: number;
  /** The common marginal USD per unit the route ended at (q*); the best marginal left when nothing could be sold. */
  marginalUsd: number;
  /** The asset's price after the sale (`curvePriceUsd`): what the cascade should value the asset at. */
  priceUsd: number;
  /** One per venue, in the curve's order. */
  fills: VenueFill[];
}

/** Sells `units` across the curve's venues, equalising their marginal prices. */
export function routeSale(curve: DepthCurve, units: number, options: Partial<RouteSaleOptions> = {}): RouteResult {
  const settings: RouteSaleOptions = { ...DEFAULTS, ...options };
  if (!(settings.tolerance > 0) || !Number.isInteger(settings.maxIterations) || settings.maxIterations < 1) {
    throw new LiquidityError(MODULE, `options need tolerance > 0 and a whole maxIterations ≥ 1, got ${settings.tolerance} and ${settings.maxIterations}`);
  }
  checkUnits(MODULE, curve.asset, units);
  const venues = curve.venues;
  if (venues.length === 1) return settle(curve, [units], 0);
  const capacity = venues.map((v) => v.capacityUnits());
  const absorbable = capacity.reduce((sum, c) => sum + c, 0);
  if (absorbable <= units) return settle(curve, capacity, units - absorbable);
  return settle(curve, splitSale(curve.asset, venues, units, settings), 0);
}

/** Units per venue: the water-filling split of `units`, which the venues can absorb together. */
function splitSale(asset: string, venues: readonly Venue[], units: number, settings: RouteSaleOptions): number[] {
  if (units === 0) return venues.map(() => 0);
  const demand = (q: number): number[] => venues.map((v) => v.unitsToMarginal(q));
  const total = (amounts: readonly number[]): number => amounts.reduce((sum, u) => sum + u, 0);

  let hi = Math.max(...venues.map((v) => v.marginalUsd()));
  let lo = hi / 2;
  let atLo = demand(lo);
  for (let i = 0; total(atLo) < units; i++) {
    hi = lo;
    lo /= 2;
    if (i >= 2000 || !(lo > 0)) throw new LiquidityError(MODULE, `asset ${asset}: no price > 0 at which the venues absorb ${units} units`);
    atLo = demand(lo);
  }
  let atHi = demand(hi);
  for (let i = 0; i < settings.maxIterations && hi / lo - 1 > settings.tolerance; i++) {
    const mid = Math.sqrt(lo * hi);
    const atMid = demand(mid);
    if (total(atMid) >= units) {
      lo = mid;
      atLo = atMid;
    } else {
      hi = mid;
      atHi = atMid;
    }
  }
  const base = total(atHi);
  const spread = total(atLo) - base;
  return atHi.map((a, v) => (spread > 0 ? a + ((units - base) * (atLo[v]! - a)) / spread : a));
}

/** Sells each venue its share; `beyond` is what no venue could take before selling began. */
function settle(curve: DepthCurve, split: readonly number[], beyond: number): RouteResult {
  const venues: Venue[] = [];
  const fills: VenueFill[] = [];
  let soldUnits = 0;
  let unsoldUnits = 0;
  let usdReceived = 0;
  let marginalUsd = -Infinity;
  curve.venues.forEach((venue, v) => {
    const amount = split[v]!;
    const { venue: after, fill } = venue.sell(amount);
    venues.push(after);
    soldUnits += fill.soldUnits;
    unsoldUnits += fill.unsoldUnits;
    usdReceived += fill.usd;
    const marginalAfterUsd = after.marginalUsd();
    if (fill.soldUnits > 0) marginalUsd = Math.max(marginalUsd, marginalAfterUsd);
    fills.push({ venue: venue.name, model: venue.model, units: fill.soldUnits, usd: fill.usd, priceBeforeUsd: venue.priceUsd(), priceAfterUsd: after.priceUsd(), marginalAfterUsd });
  });
  const after: DepthCurve = { asset: curve.asset, venues };
  if (marginalUsd === -Infinity) marginalUsd = Math.max(...venues.map((v) => v.marginalUsd()));
  return { curve: after, soldUnits, unsoldUnits: unsoldUnits + beyond, usdReceived, marginalUsd, priceUsd: curvePriceUsd(after), fills };
}
