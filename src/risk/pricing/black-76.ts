/**
 * Black-76 price and Greeks of one European option on a forward or futures price F, discounted
 * at r. Implements F. Black, "The pricing of commodity contracts", J. Financ. Econ. 3 (1976)
 * 167–179:  V = θ e^{−rT}(F N(θd₁) − K N(θd₂)),  d₁ = ln(F/K)/(σ√T) + σ√T/2,  d₂ = d₁ − σ√T.
 *
 * It is the BSM evaluation with S = F and q = r (black-kernel.ts), so delta and gamma are with
 * respect to F (Δ = θe^{−rT}N(θd₁)), vega and theta are BSM's, and rho is ∂V/∂r holding F fixed,
 * which is −T·V. Units and degenerate cases: see option-types.ts and black-kernel.ts.
 */
import { bsmOne } from './black-kernel.js';
import { checkOptionRow } from './check-inputs.js';
import type { Black76Option, OptionGreeks } from './option-types.js';

/** Black-76 rho, ∂V/∂r at fixed F: −T·V (written 0 − T·V so that a worthless option gets +0). */
export function black76Rho(expiry: number, price: number): number {
  return 0 - expiry * price;
}

/**
 * Price, delta, gamma, vega, theta and rho of a Black-76 option. Throws a `PricingError` naming
 * the field when forward or strike is not > 0, expiry or vol is negative, or an input is not finite.
 */
export function black76(option: Black76Option): OptionGreeks {
  const { forward, strike, expiry, vol, rate, isCall } = option;
  checkOptionRow('black76 option', null, 'forward', forward, strike, expiry, vol, rate, 0);
  const g = bsmOne(forward, strike, expiry, vol, rate, rate, isCall);
  const price = g.price[0]!;
  return { price, delta: g.delta[0]!, gamma: g.gamma[0]!, vega: g.vega[0]!, theta: g.theta[0]!, rho: black76Rho(expiry, price) };
}

/** The Black-76 price alone (same checks as `black76`). */
export function black76Price(option: Black76Option): number {
  return black76(option).price;
}
