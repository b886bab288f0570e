/**
 * Raw SVI smile of Gatheral (2004), "A parsimonious arbitrage-free implied volatility
 * parametrization with application to the valuation of volatility derivatives" (Global Derivatives,
 * Madrid), in total implied variance w = σ_BS²·T at log-moneyness k = ln(K/F):
 *
 *   w(k) = a + b·(ρ(k − m) + √((k − m)² + σ²)),   b ≥ 0, |ρ| ≤ 1, σ > 0, a + bσ√(1 − ρ²) ≥ 0,
 *
 * the last constraint keeping w ≥ 0 (Gatheral & Jacquier 2014, "Arbitrage-free SVI volatility
 * surfaces", Quantitative Finance 14(1), §3). Their butterfly-arbitrage test (§2) is
 *
 *   g(k) = (1 − k·w′/(2w))² − (w′²/4)·(1/w + 1/4) + w″/2,
 *
 * the density of ln(S_T/F) being g(k)/√(2πw)·exp(−d₋²/2), so a slice is free of butterfly
 * arbitrage where g ≥ 0 (with call prices vanishing as K → ∞, for which b(1 + ρ) < 2 suffices).
 */
import { VolSurfaceError } from './errors.js';
import type { SviParams } from './vol-surface-types.js';

/** Total implied variance of a raw SVI smile at log-moneyness k. */
export function sviTotalVariance(p: SviParams, k: number): number {
  const x = k - p.m;
  return p.a + p.b * (p.rho * x + Math.sqrt(x * x + p.sigma * p.sigma));
}

/** Gatheral–Jacquier g(k); negative means the smile implies a negative density at k. */
export function sviDensityFactor(p: SviParams, k: number): number {
  const x = k - p.m;
  const s2 = p.sigma * p.sigma;
  const r = Math.sqrt(x * x + s2);
  const w = p.a + p.b * (p.rho * x + r);
  const w1 = p.b * (p.rho + x / r);
  const w2 = (p.b * s2) / (r * r * r);
  const u = 1 - (k * w1) / (2 * w);
  return u * u - ((w1 * w1) / 4) * (1 / w + 0.25) + w2 / 2;
}

/** The lowest total variance of the smile, a + bσ√(1 − ρ²), reached at k = m − ρσ/√(1 − ρ²). */
export function sviMinTotalVariance(p: SviParams): number {
  return p.a + p.b * p.sigma * Math.sqrt(1 - p.rho * p.rho);
}

/** Asymptotic slopes of w in k: b(1 − ρ) as k → −∞ and b(1 + ρ) as k → +∞ (Lee's bound is 2). */
export function sviWingSlopes(p: SviParams): { left: number; right: number } {
  return { left: p.b * (1 - p.rho), right: p.b * (1 + p.rho) };
}

/** Throws unless `p` is a raw SVI parameter set with non-negative total variance; `where` names the record. */
export function validateSviParams(p: SviParams, where: string): void {
  for (const field of ['a', 'b', 'rho', 'm', 'sigma'] as const) {
    if (!Number.isFinite(p[field])) throw new VolSurfaceError(`${where}.${field} must be finite, got ${p[field]}`);
  }
  if (p.b < 0) throw new VolSurfaceError(`${where}.b must be ≥ 0, got ${p.b}`);
  if (!(Math.abs(p.rho) <= 1)) throw new VolSurfaceError(`${where}.rho must lie in [−1, 1], got ${p.rho}`);
  if (!(p.sigma > 0)) throw new VolSurfaceError(`${where}.sigma must be > 0, got ${p.sigma}`);
  const floor = sviMinTotalVariance(p);
  if (floor < 0) throw new VolSurfaceError(`${where}.a: minimum total variance a + bσ√(1−ρ²) is ${floor} < 0`);
}
