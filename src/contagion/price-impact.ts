/**
 * How forced sales move an asset's price in the contagion solver: one interface, two models.
 * `ConstantProductImpact` is the reference cascade's aggregate pool per asset (the same
 * arithmetic, so that with every option off the solver equals the reference); the depth-curve
 * model (src/contagion/liquidity) routes sales across real venues.
 *
 * Arbitrage inflow (partial recovery between rounds): after a round's sales, arbitrageurs close a
 * fraction α of the gap between the pool's price and the outside market's (the shocked price):
 * p' = p + α·(target − p), the pool trading along its own curve to p'. α = 0 is the reference
 * (a price pushed down stays down); α = 1 restores the outside price every round.
 */
export interface PriceImpact {
  /** Current price (USD) of asset `a`; assets without a venue keep theirs. */
  price(a: number): number;
  hasVenue(a: number): boolean;
  /** Sells `units` of asset `a` into its venue(s); returns the USD received. */
  sell(a: number, units: number): number;
  /** Moves asset `a`'s venue(s) a fraction `alpha` of the way back to `target`. */
  recover(a: number, target: number, alpha: number): void;
}

/** One constant-product pool per asset (reserves of its venues summed), arbitraged to the shocked prices. */
export class ConstantProductImpact implements PriceImpact {
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly current: Float64Array;

  constructor(poolAsset: Float64Array, poolUsd: Float64Array, shockedPrice: Float64Array) {
    const n = shockedPrice.length;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.current = Float64Array.from(shockedPrice);
    for (let a = 0; a < n; a++) {
      if (!(poolAsset[a]! > 0)) continue;
      const k = poolAsset[a]! * poolUsd[a]!;
      this.x[a] = Math.sqrt(k / shockedPrice[a]!);
      this.y[a] = Math.sqrt(k * shockedPrice[a]!);
    }
  }

  price(a: number): number {
    return this.current[a]!;
  }

  hasVenue(a: number): boolean {
    return this.x[a]! > 0;
  }

  sell(a: number, units: number): number {
    if (!(this.x[a]! > 0) || !(units > 0)) return units > 0 ? units * this.current[a]! : 0;
    const k = this.x[a]! * this.y[a]!;
    const before = this.y[a]!;
    this.x[a] = this.x[a]! + units;
    this.y[a] = k / this.x[a]!;
    this.current[a] = this.y[a]! / this.x[a]!;
    return before - this.y[a]!;
  }

  recover(a: number, target: number, alpha: number): void {
    if (!(this.x[a]! > 0) || !(alpha > 0)) return;
    const next = this.current[a]! + alpha * (target - this.current[a]!);
    const k = this.x[a]! * this.y[a]!;
    this.x[a] = Math.sqrt(k / next);
    this.y[a] = Math.sqrt(k * next);
    this.current[a] = this.y[a]! / this.x[a]!;
  }
}
