/**
 * Seeded randomness for the data generators: mulberry32 (Tommy Ettinger's 32-bit generator, the
 * usual choice for small reproducible JS fixtures) and the draws the generators need. Never
 * Math.random: the same seed must give byte-identical entity sets on every machine.
 */

/** mulberry32: a 32-bit state, uniform floats in [0, 1). */
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

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in draw order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** Log-normal with the given median and log-space standard deviation: sizes of DeFi positions. */
  lognormal(median: number, sigma: number): number;
  /** `bytes` random bytes as lower-case hex with `0x`. */
  hex(bytes: number): string;
  /** A lower-case 20-byte address, as The Graph writes Bytes ids. */
  address(): string;
  /** A 32-byte hash (transaction hash, Morpho market id). */
  hash(): string;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('test/harness/data/prng: pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    sample: (items, count) => {
      const pool = [...items];
      const out: (typeof items)[number][] = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
    lognormal: (median, sigma) => {
      // Box-Muller; 1 - next() keeps the logarithm finite.
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(sigma * z);
    },
    hex: (bytes) => {
      let out = '0x';
      for (let i = 0; i < bytes; i++) out += Math.floor(next() * 256).toString(16).padStart(2, '0');
      return out;
    },
    address: () => rng.hex(20),
    hash: () => rng.hex(32),
  };
  return rng;
}
