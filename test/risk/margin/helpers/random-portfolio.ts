/**
 * Seeded random options portfolios for property tests and benchmarks (mulberry32: the same seed
 * gives the same portfolio on every machine). Strikes 0.5–1.5 × spot, 1 day to 1 year, vols
 * 0.3–1.5, sizes ±0.1–10 units; optional linear holdings of the underlyings.
 */
import type { MarginPortfolio } from '../../../../src/risk/margin/index.js';

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomPortfolioSpec {
  seed: number;
  accounts: number;
  positionsPerAccount: number;
  options: number;
  underlyings: number;
  /** Linear rows per account (0 = none). */
  linearPerAccount?: number;
  /** Share of options already expired. */
  expiredShare?: number;
}

export function randomPortfolio(spec: RandomPortfolioSpec): MarginPortfolio {
  const rnd = mulberry32(spec.seed);
  const spot = Float64Array.from({ length: spec.underlyings }, (_, u) => [3000, 60000, 150, 1][u % 4]! * (0.8 + 0.4 * rnd()));
  const O = spec.options;
  const options = {
    underlying: new Int32Array(O),
    isCall: new Uint8Array(O),
    strike: new Float64Array(O),
    years: new Float64Array(O),
    vol: new Float64Array(O),
  };
  for (let o = 0; o < O; o++) {
    const u = Math.floor(rnd() * spec.underlyings);
    options.underlying[o] = u;
    options.isCall[o] = rnd() < 0.5 ? 1 : 0;
    options.strike[o] = spot[u]! * (0.5 + rnd());
    options.years[o] = rnd() < (spec.expiredShare ?? 0) ? 0 : 1 / 365 + rnd() * (1 - 1 / 365);
    options.vol[o] = 0.3 + 1.2 * rnd();
  }
  const P = spec.accounts * spec.positionsPerAccount;
  const positions = { account: new Int32Array(P), option: new Int32Array(P), size: new Float64Array(P) };
  for (let p = 0; p < P; p++) {
    positions.account[p] = Math.floor(p / spec.positionsPerAccount);
    positions.option[p] = Math.floor(rnd() * O);
    positions.size[p] = (rnd() < 0.5 ? -1 : 1) * (0.1 + 9.9 * rnd());
  }
  const portfolio: MarginPortfolio = { accountCount: spec.accounts, spot, options, positions };
  const L = spec.accounts * (spec.linearPerAccount ?? 0);
  if (L > 0) {
    portfolio.linear = { account: new Int32Array(L), underlying: new Int32Array(L), quantity: new Float64Array(L) };
    for (let i = 0; i < L; i++) {
      portfolio.linear.account[i] = Math.floor(i / spec.linearPerAccount!);
      portfolio.linear.underlying[i] = Math.floor(rnd() * spec.underlyings);
      portfolio.linear.quantity[i] = (rnd() - 0.3) * 5;
    }
  }
  return portfolio;
}
