/**
 * Seeded uniform random numbers for the pricing tests (mulberry32, T. Ettinger's public-domain
 * 32-bit generator): the same grid on every run, so a failure can be replayed.
 */
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

/** A uniform number in [lo, hi). */
export function uniform(random: () => number, lo: number, hi: number): number {
  return lo + (hi - lo) * random();
}

/** A log-uniform number in [lo, hi), for scale parameters such as vol and expiry. */
export function logUniform(random: () => number, lo: number, hi: number): number {
  return lo * Math.exp(Math.log(hi / lo) * random());
}
