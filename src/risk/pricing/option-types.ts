/**
 * Shapes shared by the European option pricers: one option as a record, many options as typed
 * columns, and the price with its Greeks.
 *
 * Units, for every pricer in this folder:
 *   - `expiry` T in years (calendar time, year fraction of 365 days or whatever basis the caller's
 *     rates and vols use: they must agree);
 *   - `vol` σ, `rate` r and `dividendYield` q as decimals per year (0.2 = 20%), r and q
 *     continuously compounded;
 *   - `delta` = ∂V/∂S (∂V/∂F for Black-76), `gamma` = ∂²V/∂S²;
 *   - `vega` = ∂V/∂σ per 1.00 of vol (divide by 100 for "per vol point");
 *   - `theta` = −∂V/∂T per year of calendar time (divide by 365 for "per day"), negative for a
 *     typical long option;
 *   - `rho` = ∂V/∂r per 1.00 of rate (divide by 100 for "per 1%"); for BSM the spot and q are
 *     held fixed, for Black-76 the forward is held fixed (so rho = −T·V).
 */

/** A European option on a spot paying a continuous yield (Black–Scholes–Merton). */
export interface BsmOption {
  spot: number;
  strike: number;
  /** Years to expiry, ≥ 0. */
  expiry: number;
  /** Lognormal volatility, ≥ 0. */
  vol: number;
  /** Continuously compounded risk-free (discount) rate. */
  rate: number;
  /** Continuous dividend / staking / convenience yield q; 0 when omitted. */
  dividendYield?: number;
  isCall: boolean;
}

/** A European option on a forward or futures price (Black 1976), discounted at `rate`. */
export interface Black76Option {
  forward: number;
  strike: number;
  expiry: number;
  vol: number;
  rate: number;
  isCall: boolean;
}

/** Price and first-order Greeks (plus gamma) of one option, in the units of the banner. */
export interface OptionGreeks {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
}

/** Many BSM options, one row per index; `isCall` is 1 for a call and 0 for a put. */
export interface BsmColumns {
  spot: Float64Array;
  strike: Float64Array;
  expiry: Float64Array;
  vol: Float64Array;
  rate: Float64Array;
  dividendYield: Float64Array;
  isCall: Uint8Array;
}

/** Many Black-76 options, one row per index; `isCall` is 1 for a call and 0 for a put. */
export interface Black76Columns {
  forward: Float64Array;
  strike: Float64Array;
  expiry: Float64Array;
  vol: Float64Array;
  rate: Float64Array;
  isCall: Uint8Array;
}

/** Output columns of the vectorised pricers, each at least as long as the input. */
export interface GreekColumns {
  price: Float64Array;
  delta: Float64Array;
  gamma: Float64Array;
  vega: Float64Array;
  theta: Float64Array;
  rho: Float64Array;
}

/** Preallocate output columns for `n` options (reuse them across calls to stay allocation-free). */
export function allocateGreekColumns(n: number): GreekColumns {
  return {
    price: new Float64Array(n),
    delta: new Float64Array(n),
    gamma: new Float64Array(n),
    vega: new Float64Array(n),
    theta: new Float64Array(n),
    rho: new Float64Array(n),
  };
}
