/**
 * The cascade's `PriceImpact` over depth curves (`--liquidity curves`): each asset's forced sales
 * routed across its indexed venues (`routeSale`), arbitrage inflow along each venue's own curve
 * (`arbitrageCurve`), the asset priced at its curve's price (`curvePriceUsd`). With every venue one
 * merged constant-product pool (`liquidityCurves` with `mergeConstantProduct`) it is
 * `ConstantProductImpact`: the same pools, the same arithmetic.
 *
 *   construction   counter tokens revalued at the shocked prices, then every venue arbitraged to its
 *                  asset's shocked price (α = 1): the outside market has already moved, as
 *                  `ConstantProductImpact` re-centres its pools at the shocked prices
 *   sell(a, Δ)     routeSale; USD received = what the route reports, plus units no venue could take
 *                  (see below)
 *   recover(a, …)  arbitrageCurve toward the target
 *   price(a)       the shocked price until the asset's curve moves, then curvePriceUsd
 *
 * **Counter tokens** (a Uniswap v3 pool's other side, a StableSwap pool's pegged coin) are valued
 * in USD at the scenario's shocked prices (`counters: 'shocked'`, the default), so a USDC depeg in
 * the scenario lowers WETH's price on its WETH/USDC pool, but the cascade's own sales reach a venue
 * only through the asset sold into it. Why not follow the cascade's prices (`counters: 'cascade'`,
 * kept for study): a pool is indexed as two independent rows, one per token sold
 * (liquidity-curves.ts), so when sales push WETH down, the USDC row of a WETH/USDC pool would be
 * revalued at the lower WETH price with its exchange ratio unmoved — USDC would look cheaper there,
 * where the one real pool moves its ratio to make up for it, and stablecoin debt would shrink:
 * bad debt biased low, the wrong direction for a risk tool. In 'cascade' mode, whenever an asset's
 * curve is touched its counters are revalued at the prices they have at that moment (a counter sold
 * later in the same round reaches its venues in the next round). Counter tokens that are not
 * assets of the snapshot, and a StableSwap row's "rest of the pool" basket, keep the price they
 * were built with.
 *
 * **Units no venue can take** (only when every venue of the asset is concentrated liquidity and
 * the sale runs past its last initialised tick) are valued at the asset's price after the sale,
 * the price the cascade marks the asset at from then on (as a sale of an asset with no venue is
 * valued at its current price). That overstates what they would fetch on-chain, which is nothing:
 * each such asset gets one warning, with the units and sales, in `warnings()`.
 */
import type { PriceImpact } from '../price-impact.js';
import { arbitrageCurve, curvePriceUsd, revalueCounters, type DepthCurve } from './depth-curve.js';
import { LiquidityError } from './errors.js';
import { routeSale, type RouteSaleOptions } from './route-sale.js';

const MODULE = 'curve-impact';

export interface CurveImpactInput {
  /** Asset symbols, in snapshot order. */
  symbols: readonly string[];
  /** Per asset, its depth curve (`liquidityCurves`); null for an asset with no venue. */
  curves: readonly (DepthCurve | null)[];
  /** Per asset, the outside market's price after the shock. */
  shockedPrice: Float64Array;
}

export interface CurveImpactOptions {
  /** Passed to every `routeSale`. */
  route: Partial<RouteSaleOptions>;
  /** Counter tokens at the scenario's shocked prices, or following the cascade's (see the header). */
  counters: 'shocked' | 'cascade';
}

export const DEFAULTS: CurveImpactOptions = { route: {}, counters: 'shocked' };

interface Unsold {
  units: number;
  sales: number;
  priceUsd: number;
}

export class CurveImpact implements PriceImpact {
  private readonly curves: (DepthCurve | null)[];
  private readonly current: Float64Array;
  /** Per asset, the snapshot assets its venues' counter tokens are (indices). */
  private readonly counters: number[][];
  private readonly settings: CurveImpactOptions;
  private readonly unsold = new Map<number, Unsold>();

  constructor(
    private readonly input: CurveImpactInput,
    options: Partial<CurveImpactOptions> = {},
  ) {
    this.settings = { ...DEFAULTS, ...options };
    const { symbols, curves, shockedPrice } = input;
    if (curves.length !== symbols.length || shockedPrice.length !== symbols.length) {
      throw new LiquidityError(MODULE, `${symbols.length} assets but ${curves.length} curves and ${shockedPrice.length} shocked prices`);
    }
    const index = new Map(symbols.map((s, a) => [s, a]));
    this.current = Float64Array.from(shockedPrice);
    this.counters = curves.map((curve, a) => {
      if (curve === null) return [];
      if (curve.asset !== symbols[a]) throw new LiquidityError(MODULE, `curve ${a} is for asset ${curve.asset}, expected ${symbols[a]}`);
      const found = curve.venues.map((v) => (v.counterAsset === null ? undefined : index.get(v.counterAsset)));
      return [...new Set(found.filter((c): c is number => c !== undefined && c !== a))];
    });
    // The outside market moved first: counters at the shocked prices, then each venue at its target.
    // `current` stays the shocked price itself (not the curve's rounding of it) until the curve moves.
    this.curves = curves.map((curve, a) => (curve === null ? null : arbitrageCurve(this.revalued(curve, a), shockedPrice[a]!, 1)));
  }

  price(a: number): number {
    this.sync(a);
    return this.current[a]!;
  }

  hasVenue(a: number): boolean {
    return this.curves[a] !== null;
  }

  sell(a: number, units: number): number {
    if (!(units > 0)) return 0;
    const curve = this.sync(a);
    if (curve === null) return units * this.current[a]!;
    const route = routeSale(curve, units, this.settings.route);
    this.curves[a] = route.curve;
    this.current[a] = route.priceUsd;
    if (route.unsoldUnits === 0) return route.usdReceived;
    const seen = this.unsold.get(a) ?? { units: 0, sales: 0, priceUsd: route.priceUsd };
    this.unsold.set(a, { units: seen.units + route.unsoldUnits, sales: seen.sales + 1, priceUsd: route.priceUsd });
    return route.usdReceived + route.unsoldUnits * route.priceUsd;
  }

  recover(a: number, target: number, alpha: number): void {
    if (!(alpha > 0)) return;
    const curve = this.sync(a);
    if (curve === null) return;
    const moved = arbitrageCurve(curve, target, alpha);
    this.curves[a] = moved;
    this.current[a] = curvePriceUsd(moved);
  }

  /** The asset's depth curve as it stands (null when it has no venue). */
  curve(a: number): DepthCurve | null {
    return this.sync(a);
  }

  /** One warning per asset whose sales ran past all its venues' liquidity. */
  warnings(): string[] {
    return [...this.unsold].map(
      ([a, u]) =>
        `contagion/liquidity/${MODULE}: asset ${this.input.symbols[a]}: ${u.units} units in ${u.sales} sale(s) found no venue with liquidity left ` +
        `(every venue past its last initialised tick); valued at the asset's price after the sale, $${u.priceUsd}, which overstates them`,
    );
  }

  /** The curve of asset `a` with its counter tokens at today's prices; `current[a]` follows when that moves it. */
  private sync(a: number): DepthCurve | null {
    const curve = this.curves[a] ?? null;
    if (curve === null || this.counters[a]!.length === 0 || this.settings.counters === 'shocked') return curve;
    const next = this.revalued(curve, a);
    if (next.venues.some((v, i) => v !== curve.venues[i])) {
      this.curves[a] = next;
      this.current[a] = curvePriceUsd(next);
    }
    return next;
  }

  private revalued(curve: DepthCurve, a: number): DepthCurve {
    const counters = this.counters[a]!;
    if (counters.length === 0) return curve;
    const prices: Record<string, number> = {};
    for (const c of counters) if (this.current[c]! > 0 && Number.isFinite(this.current[c]!)) prices[this.input.symbols[c]!] = this.current[c]!;
    return revalueCounters(curve, prices);
  }
}

/** The factory `contagionCascade` takes: a `CurveImpact` over `curves` at the shocked prices it is given. */
export function curveImpact(
  symbols: readonly string[],
  curves: readonly (DepthCurve | null)[],
  options: Partial<CurveImpactOptions> = {},
): (shockedPrice: Float64Array) => CurveImpact {
  return (shockedPrice) => new CurveImpact({ symbols, curves, shockedPrice }, options);
}
