/**
 * Random liabilities networks for the property tests: small dense ones from fast-check (so
 * failures shrink), and large sparse ones from a seeded generator.
 */
import fc from 'fast-check';
import { liabilityNetwork, denseEdges, type LiabilityNetwork } from '../../../src/contagion/network/index.js';

export interface DenseCase {
  readonly externalAssets: number[];
  readonly matrix: number[][];
}

/** Amounts in cents, so that no denormal or huge number hides a real failure; ~40% nonzero. */
const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((x) => x / 100);
const entry = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: cents(100) });

export const arbitraryDenseCase = (maxNodes = 12): fc.Arbitrary<DenseCase> =>
  fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc.record({
      externalAssets: fc.array(fc.oneof(fc.constant(0), cents(60)), { minLength: n, maxLength: n }),
      matrix: fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    }).map(({ externalAssets, matrix }) => ({ externalAssets, matrix: matrix.map((row, i) => row.map((x, j) => (i === j ? 0 : x))) })),
  );

export function denseNetwork(c: DenseCase, equity?: readonly (number | null)[]): LiabilityNetwork {
  const ids = c.externalAssets.map((_, i) => `n${i}`);
  return liabilityNetwork({ ids, externalAssets: c.externalAssets, edges: denseEdges(c.matrix), ...(equity === undefined ? {} : { equity }) });
}

/** Mulberry32: a tiny seeded PRNG in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n nodes, each owing `degree` random others; external assets around `cover` × obligations. */
export function sparseNetwork(n: number, degree: number, cover: number, seed: number): LiabilityNetwork {
  const random = seededRandom(seed);
  const from: number[] = [];
  const to: number[] = [];
  const amount: number[] = [];
  const owed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < degree; d++) {
      let j = Math.floor(random() * n);
      if (j === i) j = (j + 1) % n;
      const x = Math.round(1 + random() * 999) / 10;
      from.push(i);
      to.push(j);
      amount.push(x);
      owed[i]! += x;
    }
  }
  const externalAssets = Array.from(owed, (o) => Math.round(o * cover * random() * 2 * 100) / 100);
  return liabilityNetwork({ ids: Array.from({ length: n }, (_, i) => `s${i}`), externalAssets, edges: { from, to, amount } });
}
