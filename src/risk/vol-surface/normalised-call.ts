/**
 * Undiscounted Black (1976, "The pricing of commodity contracts") option prices per unit forward, as
 * functions of log-moneyness k = ln(K/F) and total variance w = σ²T, for the butterfly check of
 * linearly interpolated smiles:
 *
 *   call(k, w) = N(d₁) − eᵏN(d₂),  put(k, w) = eᵏN(−d₂) − N(−d₁),  d₁,₂ = −k/√w ± √w/2.
 *
 * N is the pricing module's Φ (Cody 1969). These few lines stay here rather than going through
 * `black76Price`, to price the out-of-the-money side on each side of the forward without its
 * per-record input checks inside a grid loop.
 */
import { normCdf } from '../pricing/index.js';

/** Out-of-the-money option per unit forward: the put for k < 0, the call for k ≥ 0 (w > 0). */
export function normalisedOtmPrice(k: number, w: number): number {
  const s = Math.sqrt(w);
  const d1 = -k / s + s / 2;
  const d2 = d1 - s;
  return k < 0 ? Math.exp(k) * normCdf(-d2) - normCdf(-d1) : normCdf(d1) - Math.exp(k) * normCdf(d2);
}

/** The call price per unit forward, from the out-of-the-money price by put–call parity. */
export function normalisedCall(k: number, w: number): number {
  return k < 0 ? normalisedOtmPrice(k, w) + 1 - Math.exp(k) : normalisedOtmPrice(k, w);
}
