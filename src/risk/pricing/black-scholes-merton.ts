/**
 * Black–Scholes–Merton price and Greeks of one European option on a spot with a continuous
 * yield q. Black & Scholes (1973), J. Polit. Econ. 81, 637–654; Merton (1973), Bell J. Econ. 4,
 * 141–183. Formulas, units and degenerate cases (T = 0, σ = 0): see black-kernel.ts and
 * option-types.ts. For many options use `bsmColumns` (greek-columns.ts), which is allocation-free.
 *
 *   bsm({ spot: 42, strike: 40, expiry: 0.5, vol: 0.2, rate: 0.1, isCall: true }).price  // 4.7594…
 */
import { bsmOne } from './black-kernel.js';
import { checkOptionRow } from './check-inputs.js';
import type { BsmOption, OptionGreeks } from './option-types.js';

/**
 * Price, delta, gamma, vega, theta and rho of a BSM option. Throws a `PricingError` naming the
 * field when spot or strike is not > 0, expiry or vol is negative, or any input is not finite.
 */
export function bsm(option: BsmOption): OptionGreeks {
  const { spot, strike, expiry, vol, rate, dividendYield = 0, isCall } = option;
  checkOptionRow('bsm option', null, 'spot', spot, strike, expiry, vol, rate, dividendYield);
  const g = bsmOne(spot, strike, expiry, vol, rate, dividendYield, isCall);
  return { price: g.price[0]!, delta: g.delta[0]!, gamma: g.gamma[0]!, vega: g.vega[0]!, theta: g.theta[0]!, rho: g.rho[0]! };
}

/** The BSM price alone (same checks as `bsm`). */
export function bsmPrice(option: BsmOption): number {
  return bsm(option).price;
}
