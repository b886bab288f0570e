/**
 * Standard normal distribution: CDF Φ and density φ, to a few ulps (≈1e-15 relative) everywhere,
 * tails included, in plain double arithmetic.
 *
 * Implements W. J. Cody, "Rational Chebyshev approximations for the error function",
 * Mathematics of Computation 23 (1969) 631–637, with the coefficient sets of Cody's SPECFUN
 * routine CALERF (netlib specfun/erf): erf on |u| ≤ 0.46875, and erfc(u)·e^{u²} on
 * 0.46875 < u ≤ 4 and u > 4. Φ(x) = ½·erfc(−x/√2). The Gaussian factor e^{−x²/2} of the tail is
 * not taken from e^{−u²} with u = x/√2 (the rounding of x² would cost ≈x²/2 ulps at x = −8);
 * it is split as x = x₁ + x₂ with x₁ = ⌊16|x|⌋/16 (so x₁² is exact) as CALERF does for erfc, and
 * e^{−x₁²/2} read from a table built once, so only the small part goes through `Math.exp`.
 *
 *   normCdf(x): Φ(x) ∈ [0, 1]; 0 below x ≈ −38.5 and 1 above x ≈ 8.3 (where Φ rounds there);
 *               NaN for NaN.
 *   normPdf(x): φ(x) = e^{−x²/2}/√(2π); 0 beyond |x| ≈ 38.6 (underflow); NaN for NaN.
 *   expHalfSquare(x), normCdfWithExp(x, e): the same pieces for callers that share one
 *               exponential between Φ and φ (the BSM kernel).
 */

const ONE_OVER_SQRT_PI = 0.56418958354775628695;
const INV_SQRT_2PI = 0.3989422804014326779;

/** Beyond this |x|, e^{−x²/2} underflows to 0 (x²/2 > 745.13). */
const EXP_LIMIT = 38.6;
/** EXP_HEAD[k] = e^{−(k/16)²/2}, each from an exactly representable exponent. */
const EXP_HEAD = new Float64Array(Math.ceil(EXP_LIMIT * 16) + 1);
for (let k = 0; k < EXP_HEAD.length; k++) EXP_HEAD[k] = Math.exp(-0.5 * (k / 16) * (k / 16));

/** e^{−x²/2} with a relative error of a few ulps for every x (see the banner). */
export function expHalfSquare(x: number): number {
  const a = Math.abs(x);
  if (!(a < EXP_LIMIT)) return a === a ? 0 : NaN;
  const k = (a * 16) | 0;
  const head = k / 16;
  return EXP_HEAD[k]! * Math.exp(-0.5 * (a - head) * (a + head));
}

/** erfc(u)·e^{u²} for u > 0.46875 (Cody's second and third intervals, Horner form). */
function erfcScaled(u: number): number {
  if (u <= 4) {
    const num =
      (((((((2.15311535474403846e-8 * u + 0.564188496988670089) * u + 8.88314979438837594) * u + 66.1191906371416295) * u +
        298.635138197400131) * u + 881.95222124176909) * u + 1712.04761263407058) * u + 2051.07837782607147) * u +
      1230.33935479799725;
    const den =
      (((((((u + 15.7449261107098347) * u + 117.693950891312499) * u + 537.181101862009858) * u + 1621.38957456669019) * u +
        3290.79923573345963) * u + 4362.61909014324716) * u + 3439.36767414372164) * u + 1230.33935480374942;
    return num / den;
  }
  const z = 1 / (u * u);
  const num =
    (((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z + 0.125781726111229246) * z +
      0.0160837851487422766) * z + 6.58749161529837803e-4) * z;
  const den =
    (((((z + 2.56852019228982242) * z + 1.87295284992346047) * z + 0.527905102951428412) * z + 0.0605183413124413191) * z +
      0.00233520497626869185);
  return (ONE_OVER_SQRT_PI - num / den) / u;
}

/** Φ(x) for |x| ≤ 0.46875·√2: ½ + ½·erf(x/√2), erf from Cody's first interval. */
function normCdfBody(x: number, u: number): number {
  const t = u * u;
  const num = (((0.185777706184603153 * t + 3.1611237438705656) * t + 113.864154151050156) * t + 377.485237685302021) * t + 3209.37758913846947;
  const den = (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t + 2844.23683343917062;
  return 0.5 + (0.5 * Math.SQRT1_2 * x * num) / den;
}

/** Standard normal cumulative distribution function Φ(x) (see the banner for accuracy). */
export function normCdf(x: number): number {
  const u = Math.abs(x) * Math.SQRT1_2;
  if (u <= 0.46875) return normCdfBody(x, u);
  if (u !== u) return NaN;
  if (u === Infinity) return x > 0 ? 1 : 0;
  const tail = 0.5 * erfcScaled(u) * expHalfSquare(x);
  return x < 0 ? tail : 1 - tail;
}

/**
 * Φ(x) given `e` = e^{−x²/2} (as `expHalfSquare(x)` returns it, or derived from a neighbour's),
 * so that a caller which also needs φ(x) pays for one exponential. `e` is unused in the body.
 * Internal to the pricers; not re-exported.
 */
export function normCdfWithExp(x: number, e: number): number {
  const u = Math.abs(x) * Math.SQRT1_2;
  if (u <= 0.46875) return normCdfBody(x, u);
  if (u !== u) return NaN;
  if (u === Infinity) return x > 0 ? 1 : 0;
  const tail = 0.5 * erfcScaled(u) * e;
  return x < 0 ? tail : 1 - tail;
}

/** Standard normal density φ(x) = e^{−x²/2}/√(2π), to a few ulps in body and tails. */
export function normPdf(x: number): number {
  return INV_SQRT_2PI * expHalfSquare(x);
}
