/**
 * The normalised Black price the implied-volatility solver works on, after P. Jäckel, "Let's be
 * rational", Wilmott (2015) 40–53, section 2: with x = ln(F/K) and s = σ√T, an option price is
 * P = e^{−rT}·√(FK)·b(x, s), and by put–call symmetry every case reduces to an out-of-the-money
 * call, x ≤ 0:
 *   b(x, s)  = e^{x/2} Φ(x/s + s/2) − e^{−x/2} Φ(x/s − s/2)        ∈ (0, e^{x/2})
 *   c(x, s)  = e^{x/2} − b = e^{x/2} Φ(−x/s − s/2) + e^{−x/2} Φ(x/s − s/2)   (no cancellation)
 *   ∂b/∂s    = e^{x/2} φ(x/s + s/2)
 * b increases in s from 0 to e^{x/2}, with its one inflection point at s_c = √(2|x|). The three
 * share one exponential (see black-kernel.ts): e^{−d₂²/2} = e^{−d₁²/2}·e^{x}.
 */
import { expHalfSquare, normCdfWithExp } from './normal.js';

const INV_SQRT_2PI = 0.3989422804014326779;

/** b, c and ∂b/∂s at one point; reused by the solver to avoid allocation. */
export interface NormalisedBlack {
  b: number;
  c: number;
  vega: number;
}

/** Evaluates b(x, s), c(x, s) and ∂b/∂s into `out` for x ≤ 0, s > 0 (see the banner). */
export function normalisedBlack(x: number, s: number, out: NormalisedBlack): void {
  const d1 = x / s + 0.5 * s;
  const d2 = d1 - s;
  const halfUp = Math.exp(0.5 * x);
  const halfDown = 1 / halfUp;
  const e1 = expHalfSquare(d1);
  const e2 = e1 * halfUp * halfUp;
  const b = halfUp * normCdfWithExp(d1, e1) - halfDown * normCdfWithExp(d2, e2);
  out.b = b > 0 ? b : 0;
  out.c = halfUp * normCdfWithExp(-d1, e1) + halfDown * normCdfWithExp(d2, e2);
  out.vega = halfUp * INV_SQRT_2PI * e1;
}
