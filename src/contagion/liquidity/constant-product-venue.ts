/**
 * Constant-product venue (x·y = k, price y/x) of an asset against USD: the reference cascade's pool
 * (Adams, Zinsmeister & Robinson, "Uniswap v2 Core", 2020), read through `constant-product-pool.ts`
 * so that, without a fee, every sale and every arbitrage is that module's to the last bit.
 *
 *   sell Δ:             x' = x + Δ(1 − f),  y' = k / x',  USD received y − y'
 *   marginal:           (1 − f) · y / x
 *   units to marginal q: spot p = q / (1 − f), x_p = √(k / p), Δ = (x_p − x) / (1 − f)
 *   arbitrage to p':    x = √(k / p'), y = √(k · p')
 *
 * The fee, when there is one, leaves the pool (see `venue.ts`); the reference has none.
 */
import { arbitrageToPrice, sellIntoPool, type PoolReserves } from '../constant-product-pool.js';
import { checkFee, checkPositive, checkUnits } from './errors.js';
import { arbitragePrice, type SaleFill, type Venue } from './venue.js';

const MODULE = 'constant-product-venue';

export interface ConstantProductInput {
  /** Venue name, for messages and fills. */
  name: string;
  /** Asset units in the pool (a constant-product-equivalent reserve for other models). */
  assetReserve: number;
  /** USD in the pool. */
  usdReserve: number;
  /** Fraction of each sale kept as fee; default 0, as in the reference cascade. */
  feeFraction?: number;
}

class ConstantProductVenue implements Venue {
  readonly model = 'constant-product' as const;
  readonly counterAsset = null;
  readonly counterPriceUsd = 1;

  constructor(
    readonly name: string,
    readonly pool: PoolReserves,
    readonly fee: number,
  ) {}

  priceUsd(): number {
    return this.pool.usdReserve / this.pool.assetReserve;
  }

  marginalUsd(): number {
    return this.priceUsd() * (1 - this.fee);
  }

  capacityUnits(): number {
    return Infinity;
  }

  unitsToMarginal(marginalUsd: number): number {
    if (!(marginalUsd < this.marginalUsd())) return 0;
    if (!(marginalUsd > 0)) return Infinity;
    const { assetReserve, usdReserve } = this.pool;
    const target = Math.sqrt((assetReserve * usdReserve) / (marginalUsd / (1 - this.fee)));
    return Math.max(0, target - assetReserve) / (1 - this.fee);
  }

  quoteSell(units: number): SaleFill {
    return this.sell(units).fill;
  }

  sell(units: number): { venue: Venue; fill: SaleFill } {
    checkUnits(MODULE, this.name, units);
    if (units === 0) return { venue: this, fill: { soldUnits: 0, unsoldUnits: 0, usd: 0 } };
    const after = sellIntoPool(this.pool, this.fee === 0 ? units : units * (1 - this.fee));
    const fill = { soldUnits: units, unsoldUnits: 0, usd: this.pool.usdReserve - after.usdReserve };
    return { venue: new ConstantProductVenue(this.name, after, this.fee), fill };
  }

  arbitrage(targetPriceUsd: number, alpha: number): Venue {
    const price = arbitragePrice(this.name, this.priceUsd(), targetPriceUsd, alpha);
    return alpha === 0 ? this : new ConstantProductVenue(this.name, arbitrageToPrice(this.pool, price), this.fee);
  }

  withCounterPriceUsd(): Venue {
    return this;
  }
}

/** A constant-product venue with the given reserves. */
export function constantProductVenue(input: ConstantProductInput): Venue {
  checkPositive(MODULE, input.name, 'assetReserve', input.assetReserve);
  checkPositive(MODULE, input.name, 'usdReserve', input.usdReserve);
  const fee = input.feeFraction ?? 0;
  checkFee(MODULE, input.name, fee);
  return new ConstantProductVenue(input.name, { assetReserve: input.assetReserve, usdReserve: input.usdReserve }, fee);
}
