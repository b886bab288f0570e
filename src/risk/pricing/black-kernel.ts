/**
 * The one Black–Scholes–Merton evaluation every pricer in this folder goes through: price, delta,
 * gamma, vega, theta and rho of European options on a spot S with continuous yield q, for rows
 * [0, n) of typed input columns, written into preallocated output columns. The vectorised pricers
 * call it on their columns; the scalar ones on one-row columns they keep, so there is one copy
 * of the formulas. The loop allocates nothing; the rare degenerate rows (σ√T = 0) branch out to
 * a separate function so that the common path stays small enough for V8 to inline the normal CDF.
 *
 * Implements F. Black & M. Scholes, "The pricing of options and corporate liabilities", J. Polit.
 * Econ. 81 (1973) 637–654, with R. C. Merton's continuous dividend yield ("Theory of rational
 * option pricing", Bell J. Econ. 4 (1973) 141–183). With θ = +1 for a call and −1 for a put,
 * s = σ√T, d₁ = (ln(S/K) + (r − q)T)/s + s/2, d₂ = d₁ − s:
 *   V = θ(S e^{−qT} N(θd₁) − K e^{−rT} N(θd₂))      Δ = θ e^{−qT} N(θd₁)
 *   Γ = e^{−qT} φ(d₁)/(S s)                          vega = S e^{−qT} φ(d₁) √T
 *   Θ = −S e^{−qT} φ(d₁) σ/(2√T) − θ r K e^{−rT} N(θd₂) + θ q S e^{−qT} N(θd₁)
 *   ρ = θ K T e^{−rT} N(θd₂)
 * Puts use N(−d) rather than 1 − N(d), so deep in- and out-of-the-money values keep their
 * digits. Black-76 is the same evaluation with S = F and q = r (then ρ = −T·V, set by its caller).
 *
 * Degenerate cases, where s = σ√T is 0, take the limits:
 *   - T = 0: the payoff. V = max(θ(S − K), 0); Δ = θ when in the money, 0 out of it and θ/2 at
 *     S = K exactly (the T → 0 limit of N(d₁)); Γ = vega = Θ = ρ = 0.
 *   - σ = 0, T > 0: the discounted intrinsic value of the forward F = S e^{(r−q)T}. In the money
 *     the option is a forward: Δ = θe^{−qT}, Θ = θ(qSe^{−qT} − rKe^{−rT}), ρ = θKTe^{−rT}, Γ =
 *     vega = 0; out of the money everything is 0. At F = K exactly the σ → 0 limits: V = 0,
 *     Δ, Θ, ρ half their in-the-money values, vega = S e^{−qT} √T/√(2π), and Γ = +Infinity.
 * Inputs are assumed checked (see check-inputs.ts); a negative computed price (rounding when the
 * option is worth less than an ulp of S) is returned as 0.
 */
import { expHalfSquare, normCdfWithExp } from './normal.js';
import type { BsmColumns, GreekColumns } from './option-types.js';

const INV_SQRT_2PI = 0.3989422804014326779;

/** Row i when σ√T = 0: T = 0 (the payoff) or σ = 0 (the forward's discounted intrinsic value). */
function degenerateRow(S: number, K: number, T: number, r: number, q: number, sign: number, out: GreekColumns, i: number): void {
  if (T === 0) {
    const itm = sign * (S - K);
    out.price[i] = itm > 0 ? itm : 0;
    out.delta[i] = itm > 0 ? sign : itm === 0 ? 0.5 * sign : 0;
    out.gamma[i] = 0;
    out.vega[i] = 0;
    out.theta[i] = 0;
    out.rho[i] = 0;
    return;
  }
  const dq = Math.exp(-q * T);
  const df = Math.exp(-r * T);
  const sq = S * dq;
  const kd = K * df;
  const x = Math.log(S / K) + (r - q) * T;
  const itm = sign * x > 0;
  const weight = itm ? 1 : x === 0 ? 0.5 : 0; // at F = K exactly: the σ → 0 limits
  out.price[i] = itm ? Math.max(sign * (sq - kd), 0) : 0;
  out.delta[i] = weight === 0 ? 0 : weight * sign * dq;
  out.gamma[i] = x === 0 ? Infinity : 0;
  out.vega[i] = x === 0 ? sq * Math.sqrt(T) * INV_SQRT_2PI : 0;
  out.theta[i] = weight === 0 ? 0 : weight * sign * (q * sq - r * kd);
  out.rho[i] = weight === 0 ? 0 : weight * sign * K * T * df;
}

/** Writes V, Δ, Γ, vega, Θ, ρ of rows [0, n) of `input` into `out` (see the banner). */
export function bsmRows(input: BsmColumns, out: GreekColumns, n: number): void {
  const { spot, strike, expiry, vol, rate, dividendYield, isCall } = input;
  const { price, delta, gamma, vega, theta, rho } = out;
  for (let i = 0; i < n; i++) {
    const S = spot[i]!;
    const K = strike[i]!;
    const T = expiry[i]!;
    const sigma = vol[i]!;
    const r = rate[i]!;
    const q = dividendYield[i]!;
    const sign = isCall[i] !== 0 ? 1 : -1;
    const sqrtT = Math.sqrt(T);
    const s = sigma * sqrtT;
    if (!(s > 0)) {
      degenerateRow(S, K, T, r, q, sign, out, i);
      continue;
    }
    const dq = Math.exp(-q * T);
    const df = Math.exp(-r * T);
    const sq = S * dq;
    const kd = K * df;
    const x = Math.log(S / K) + (r - q) * T;
    const d1 = x / s + 0.5 * s;
    const d2 = d1 - s;
    // One exponential for φ(d₁), Φ(d₁) and Φ(d₂): e^{−d₂²/2} = e^{−d₁²/2}·e^{x} and e^{x} = Se^{−qT}/(Ke^{−rT}).
    // It is taken at whichever of d₁, d₂ is nearer 0, the other scaled down from it.
    let e1: number;
    let e2: number;
    if (x > 0) {
      e2 = expHalfSquare(d2);
      e1 = e2 * (kd / sq);
    } else {
      e1 = expHalfSquare(d1);
      e2 = e1 * (sq / kd);
    }
    const n1 = normCdfWithExp(sign * d1, e1);
    const n2 = normCdfWithExp(sign * d2, e2);
    const pdf = INV_SQRT_2PI * e1;
    const value = sign * (sq * n1 - kd * n2);
    price[i] = value > 0 ? value : 0;
    delta[i] = sign * dq * n1;
    gamma[i] = (dq * pdf) / (S * s);
    vega[i] = sq * pdf * sqrtT;
    theta[i] = (-sq * pdf * sigma) / (2 * sqrtT) - sign * r * kd * n2 + sign * q * sq * n1;
    rho[i] = sign * K * T * df * n2;
  }
}

const oneIn: BsmColumns = {
  spot: new Float64Array(1),
  strike: new Float64Array(1),
  expiry: new Float64Array(1),
  vol: new Float64Array(1),
  rate: new Float64Array(1),
  dividendYield: new Float64Array(1),
  isCall: new Uint8Array(1),
};
const oneOut: GreekColumns = {
  price: new Float64Array(1),
  delta: new Float64Array(1),
  gamma: new Float64Array(1),
  vega: new Float64Array(1),
  theta: new Float64Array(1),
  rho: new Float64Array(1),
};

/**
 * One option through `bsmRows`, for the scalar pricers: returns one-row output columns that the
 * next call overwrites (read them at [0] straight away).
 */
export function bsmOne(S: number, K: number, T: number, vol: number, r: number, q: number, isCall: boolean): GreekColumns {
  oneIn.spot[0] = S;
  oneIn.strike[0] = K;
  oneIn.expiry[0] = T;
  oneIn.vol[0] = vol;
  oneIn.rate[0] = r;
  oneIn.dividendYield[0] = q;
  oneIn.isCall[0] = isCall ? 1 : 0;
  bsmRows(oneIn, oneOut, 1);
  return oneOut;
}
