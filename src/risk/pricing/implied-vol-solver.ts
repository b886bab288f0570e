/**
 * The root finder behind the implied-volatility functions: given a normalised out-of-the-money
 * call price β and x = ln(F/K) ≤ 0 (normalised-black.ts), find s = σ√T with b(x, s) = β inside
 * the bracket [sLo, sHi].
 *
 * Method: Newton's method on a log objective, safeguarded by bisection as in `rtsafe`
 * (Press et al., *Numerical Recipes*, 3rd ed., §9.4), on the two sides of b's inflection point
 * s_c = √(2|x|) that P. Jäckel, "By implication", Wilmott (2006) 60–66, and "Let's be rational"
 * (2015) split at:
 *   - below it (β < b(s_c)), where b is convex and falls off like e^{−x²/2s²}, Newton runs on
 *     g(s) = ln b(s) − ln β, which is close to −x²/2s² and nearly linear in Newton's eyes;
 *     the start is whichever of two estimates misses ln β by less: the leading-order inversion
 *     s₀ = |x|/√(−2 ln β) refined by two fixed-point passes of the Mills-ratio asymptotic
 *     b ≈ e^{x/2}φ(d₁)·s³/(x² − s⁴/4), with e^{x/2}φ(d₁) = e^{−x²/2s² − s²/8}/√(2π) (good far
 *     from the money), or Corrado–Miller's formula (good near it);
 *   - above it, where b flattens towards e^{x/2}, Newton runs on g(s) = ln c(s) − ln(e^{x/2} − β)
 *     with c = e^{x/2} − b computed without cancellation, starting from Corrado–Miller's
 *     estimate, or from s_c if that is higher.
 * A Newton step that leaves the current bracket, or that did not halve the step before last, is
 * replaced by a bisection (geometric, since the bracket can span seven decades). Converged when a
 * step is below `tolerance`·s, or g is exactly 0.
 */
import { normalisedBlack, type NormalisedBlack } from './normalised-black.js';

export interface SolverSettings {
  tolerance: number;
  maxIterations: number;
}

/** `s` is NaN when the iteration budget ran out (`converged` false). */
export interface SolverOutcome {
  s: number;
  iterations: number;
  converged: boolean;
}

const point: NormalisedBlack = { b: 0, c: 0, vega: 0 };
const LOG_SQRT_2PI = 0.9189385332046727418;

/** Start for the lower branch (see the banner); falls back to s₀ when a refinement misbehaves. */
function lowerGuess(beta: number, x: number): number {
  const logBeta = Math.log(beta);
  let s = -x / Math.sqrt(-2 * logBeta);
  for (let pass = 0; pass < 2; pass++) {
    const s2 = s * s;
    const prefactor = -s2 / 8 + Math.log((s2 * s) / (x * x - (s2 * s2) / 4)) - LOG_SQRT_2PI;
    const next = -x / Math.sqrt(2 * (prefactor - logBeta));
    if (!(next > 0 && next < Infinity)) break;
    s = next;
  }
  return s;
}

/**
 * Start near the money: C. J. Corrado & T. W. Miller, "A note on a simple, accurate formula to
 * compute implied standard deviations", J. Bank. Financ. 20 (1996) 595–603, in normalised units
 * (spot e^{x/2}, strike e^{−x/2}, call price β).
 */
function corradoMiller(beta: number, x: number): number {
  const up = Math.exp(0.5 * x);
  const down = 1 / up;
  const half = beta - 0.5 * (up - down);
  const root = Math.sqrt(Math.max(half * half - ((up - down) * (up - down)) / Math.PI, 0));
  return (Math.sqrt(2 * Math.PI) / (up + down)) * (half + root);
}

/** |ln b(x, s) − target|, or +∞ where s is not a usable start. */
function logMiss(x: number, s: number, target: number): number {
  if (!(s > 0 && s < Infinity)) return Infinity;
  normalisedBlack(x, s, point);
  const miss = Math.log(point.b) - target;
  return miss === miss ? miss : Infinity;
}

/**
 * Solves b(x, s) = β for s in [sLo, sHi], given that b(sLo) ≤ β ≤ b(sHi) and 0 < β < e^{x/2}
 * (the caller has checked both).
 */
export function solveNormalisedVol(beta: number, x: number, sLo: number, sHi: number, settings: SolverSettings): SolverOutcome {
  const { tolerance, maxIterations } = settings;
  const sC = Math.min(Math.max(Math.sqrt(-2 * x), sLo), sHi);
  normalisedBlack(x, sC, point);
  const lower = beta < point.b;
  let lo = lower ? sLo : sC;
  let hi = lower ? sC : sHi;
  const target = lower ? Math.log(beta) : Math.log(Math.exp(0.5 * x) - beta);
  let s: number;
  if (lower) {
    // The asymptotic start is good far from the money, Corrado–Miller near it: take the closer.
    const asymptotic = lowerGuess(beta, x);
    const nearMoney = corradoMiller(beta, x);
    s = Math.abs(logMiss(x, asymptotic, target)) <= Math.abs(logMiss(x, nearMoney, target)) ? asymptotic : nearMoney;
  } else {
    s = Math.max(corradoMiller(beta, x), sC);
  }
  if (!(s > lo && s < hi)) s = Math.sqrt(lo * hi);
  let step = hi - lo;
  let stepBefore = step;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    normalisedBlack(x, s, point);
    // g and dg/ds: on the lower branch g rises with s, on the upper branch it falls.
    const g = lower ? Math.log(point.b) - target : Math.log(point.c) - target;
    const slope = lower ? point.vega / point.b : -point.vega / point.c;
    if (g === 0) return { s, iterations: iteration, converged: true };
    if (lower ? g < 0 : g > 0) lo = s;
    else hi = s;
    const newtonStep = g / slope;
    // A Newton step already below tolerance is taken as is, even onto the bracket's edge.
    if (Math.abs(newtonStep) <= tolerance * s) return { s: s - newtonStep, iterations: iteration, converged: true };
    // The bracket is closed (the root may sit on its edge, e.g. at s_c) and held to tolerance.
    const newton = s - newtonStep;
    const inBracket = newton >= lo * (1 - tolerance) && newton <= hi * (1 + tolerance);
    const next = inBracket && Math.abs(2 * g) <= Math.abs(stepBefore * slope) ? Math.min(Math.max(newton, lo), hi) : Math.sqrt(lo * hi);
    stepBefore = step;
    step = next - s;
    if (Math.abs(step) <= tolerance * next) return { s: next, iterations: iteration, converged: true };
    s = next;
  }
  return { s: NaN, iterations: maxIterations, converged: false };
}
