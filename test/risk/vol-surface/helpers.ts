/**
 * Test helpers for the volatility surface: quotes generated from known SVI parameters, a seeded
 * random source, undiscounted Black-76 prices through the pricing module, and Vogt's parameters.
 */
import { black76Price } from '../../../src/risk/pricing/index.js';
import { sviTotalVariance, type SviParams, type VolQuote } from '../../../src/risk/vol-surface/index.js';

/** Undiscounted Black-76 price (src/risk/pricing's `black76Price` at rate 0). */
export function black76(kind: 'call' | 'put', forward: number, strike: number, years: number, vol: number): number {
  return black76Price({ forward, strike, expiry: years, vol, rate: 0, isCall: kind === 'call' });
}

/** Quotes at the given log-moneyness points, implied vols read off an SVI smile. */
export function sviQuotes(params: SviParams, expiryYears: number, forward: number, ks: readonly number[]): VolQuote[] {
  return ks.map((k) => ({ expiryYears, strike: forward * Math.exp(k), impliedVol: Math.sqrt(sviTotalVariance(params, k) / expiryYears) }));
}

/** n evenly spaced points from `from` to `to`. */
export function range(from: number, to: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/** Mulberry32: a small seeded generator, so noisy fixtures are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Gatheral & Jacquier (2014), "Arbitrage-free SVI volatility surfaces" (Quantitative Finance 14(1);
 * arXiv:1204.0646), their example of butterfly arbitrage due to Axel Vogt: raw SVI parameters at
 * T = 1 that satisfy the usual parameter constraints and yet give g(k) < 0 on part of the smile.
 * (a, b, m, ρ, σ) = (−0.0410, 0.1331, 0.3586, 0.3060, 0.4153); also quoted with the same values by
 * F. Le Floc'h, "Dearbitraging a weak smile on SVI with Damghani's method" (chasethedevil.github.io, 2016).
 */
export const VOGT: SviParams = { a: -0.041, b: 0.1331, rho: 0.306, m: 0.3586, sigma: 0.4153 };
export const VOGT_EXPIRY = 1;
