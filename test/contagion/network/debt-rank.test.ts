/**
 * DebtRank (Battiston et al. 2012) against the worked example on the network of Figure 5 of the
 * paper's Supplementary Information, a hand-worked two-node cycle for the linear variant
 * (Bardoscia et al. 2015), and its properties on random networks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debtRank, debtRankOfSet, distressRun, impactMatrix, liabilityNetwork, type ImpactMatrix } from '../../../src/contagion/network/index.js';
import { arbitraryDenseCase, denseNetwork } from './random-network.js';

// Source: Ville Voutilainen, "An example of the DebtRank algorithm (Battiston et al., 2012)",
// https://vvoutilainen.github.io/assets/notebooks/debtrank_example.html, i.e. the repository
// vvoutilainen/vvoutilainen.github.io, file assets/notebooks/debtrank_example.html, commit
// a3a1e69cc97f55eca3410d81c38fa208c3a699ed. It adopts "the network structure of Figure 5 in the
// Supplementary Material in Battiston et al. (2012)" with edges (investor → investee, amount)
// below, equities E = (14, 6, 56, 8, 15, 9, 90, 50) for nodes 1…8, v_j = A_j / Σ A (A_j what j
// invested), W_ij = min(1, A_ji / E_j), and node 1 in default (ψ = 1). It prints h(T) to six
// decimals and "DebtRank: 0.207"; with every impact forced to 0.5, as in the paper's figure, it
// prints h(T) to three decimals and "DebtRank: 0.357".
const INVESTMENTS: [string, string, number][] = [
  ['2', '1', 4], ['5', '2', 3], ['7', '5', 5], ['2', '5', 2], ['3', '1', 6], ['4', '1', 3], ['6', '4', 2], ['8', '6', 7], ['5', '6', 2],
];
const IDS = ['1', '2', '3', '4', '5', '6', '7', '8'];
// An investment of j in i is a liability of i to j.
const figure5 = liabilityNetwork({
  ids: IDS,
  externalAssets: IDS.map(() => 0),
  edges: { from: INVESTMENTS.map(([, i]) => IDS.indexOf(i)), to: INVESTMENTS.map(([j]) => IDS.indexOf(j)), amount: INVESTMENTS.map(([, , a]) => a) },
  equity: [14, 6, 56, 8, 15, 9, 90, 50],
});

describe('DebtRank on the network of Battiston et al. (2012), SI Figure 5', () => {
  it('reproduces the published distress and DebtRank with impacts from the exposures', () => {
    const run = debtRankOfSet(figure5, { nodes: [0] });
    const published = [1, 0.711111, 0.107143, 0.375, 0.144444, 0.083333, 0.007407, 0.011667];
    run.distress.forEach((h, k) => expect(h).toBeCloseTo(published[k]!, 6));
    expect(Array.from(run.economicValue).map((v) => Number(v.toFixed(6)))).toEqual([0, 0.176471, 0.176471, 0.088235, 0.147059, 0.058824, 0.147059, 0.205882]);
    expect(Number(run.debtRank.toFixed(3))).toBe(0.207);
    // The per-node DebtRank of node 1 is the same run.
    expect(debtRank(figure5).debtRank[0]).toBeCloseTo(run.debtRank, 15);
  });

  it('reproduces the published distress and DebtRank with every impact 0.5, as in the figure', () => {
    const { matrix } = impactMatrix(figure5, { cap: true });
    const halves: ImpactMatrix = { ...matrix, weight: matrix.weight.map(() => 0.5) };
    const run = distressRun(halves, { nodes: [0], psi: 1 });
    expect(Array.from(run.distress)).toEqual([1, 0.625, 0.5, 0.5, 0.375, 0.25, 0.125, 0.125]);
    expect(Number(run.debtRank.toFixed(3))).toBe(0.357);
  });
});

describe('DebtRank on a two-node cycle, worked by hand', () => {
  // A owes B 10 and B owes A 10; both have equity 20, so W_AB = W_BA = 10/20 = 0.5; each has
  // interbank assets 10, so v_A = v_B = 0.5. A starts in distress ψ = 0.2.
  const cycle = liabilityNetwork({ ids: ['A', 'B'], externalAssets: [0, 0], edges: { from: [0, 1], to: [1, 0], amount: [10, 10] }, equity: [20, 20] });

  it('Battiston et al. (2012): each node passes its distress on once', () => {
    // t=1: h = (0.2, 0), A distressed.   t=2: h_B = 0.5·0.2 = 0.1, B distressed, A inactive.
    // t=3: h_A = 0.2 + 0.5·0.1 = 0.25, B inactive; nothing distressed, stop.
    // R = v_A (0.25 − 0.2) + v_B · 0.1 = 0.025 + 0.05 = 0.075.
    const run = debtRankOfSet(cycle, { nodes: [0], psi: 0.2 });
    expect(Array.from(run.distress)).toEqual([expect.closeTo(0.25, 15), expect.closeTo(0.1, 15)]);
    expect(run.debtRank).toBeCloseTo(0.075, 15);
    expect(run.steps).toBe(2);
  });

  it('Bardoscia et al. (2015), linear: increments reverberate to the geometric limit', () => {
    // Increments alternate, each half the last: h_A = 0.2 (1 + 0.25 + 0.25² + …) = 0.2 / 0.75 =
    // 4/15, h_B = 0.5 h_A = 2/15. R = 0.5 (4/15 − 3/15) + 0.5 (2/15) = 1.5/15 = 0.1.
    const run = debtRankOfSet(cycle, { nodes: [0], psi: 0.2 }, { variant: 'linear' });
    expect(run.distress[0]).toBeCloseTo(4 / 15, 11);
    expect(run.distress[1]).toBeCloseTo(2 / 15, 11);
    expect(run.debtRank).toBeCloseTo(0.1, 11);
    expect(run.converged).toBe(true);
  });

  it('a default (ψ = 1) saturates both variants at the same value', () => {
    // h_B = 0.5; A is already at 1. R = 0.5 · 0.5 = 0.25 either way.
    expect(debtRank(cycle).debtRank[0]).toBeCloseTo(0.25, 15);
    expect(debtRank(cycle, { variant: 'linear' }).debtRank[0]).toBeCloseTo(0.25, 15);
  });
});

describe('DebtRank properties on random networks', () => {
  const RUNS = { numRuns: 300, seed: 20260512 };
  const withEquity = arbitraryDenseCase(10).chain((c) =>
    fc.tuple(fc.constant(c), fc.array(fc.integer({ min: 1, max: 20_000 }).map((x) => x / 100), { minLength: c.externalAssets.length, maxLength: c.externalAssets.length })),
  );

  it('is 0 for a node no one is exposed to, and in [0, 1 − v_i] otherwise', () => {
    fc.assert(
      fc.property(withEquity, ([c, equity]) => {
        const network = denseNetwork(c, equity);
        for (const variant of ['battiston-2012', 'linear'] as const) {
          const { debtRank: ranks, economicValue } = debtRank(network, { variant });
          ranks.forEach((r, i) => {
            if (network.obligations[i] === 0) expect(r).toBe(0);
            expect(r).toBeGreaterThanOrEqual(0);
            expect(r).toBeLessThanOrEqual(1 - economicValue[i]! + 1e-12);
          });
        }
      }),
      RUNS,
    );
  });

  it('never decreases when an exposure grows (equity and economic values held fixed)', () => {
    fc.assert(
      fc.property(withEquity, fc.nat(), fc.double({ min: 1, max: 10, noNaN: true }), ([c, equity], pick, factor) => {
        const edges = c.matrix.flatMap((row, i) => row.map((x, j) => [i, j, x] as const)).filter(([, , x]) => x > 0);
        fc.pre(edges.length > 0);
        const [i, j] = edges[pick % edges.length]!;
        const bigger = { ...c, matrix: c.matrix.map((row, r) => row.map((x, s) => (r === i && s === j ? x * factor : x))) };
        const economicValue = c.externalAssets.map((_, k) => 1 + (k % 3));
        for (const variant of ['battiston-2012', 'linear'] as const) {
          const before = debtRank(denseNetwork(c, equity), { variant, economicValue }).debtRank;
          const after = debtRank(denseNetwork(bigger, equity), { variant, economicValue }).debtRank;
          before.forEach((r, k) => expect(after[k]).toBeGreaterThanOrEqual(r - 1e-12));
        }
      }),
      RUNS,
    );
  });

  it('linear DebtRank is never below the original (it adds the reverberations)', () => {
    fc.assert(
      fc.property(withEquity, ([c, equity]) => {
        const network = denseNetwork(c, equity);
        const original = debtRank(network).debtRank;
        const linear = debtRank(network, { variant: 'linear' }).debtRank;
        original.forEach((r, k) => expect(linear[k]).toBeGreaterThanOrEqual(r - 1e-12));
      }),
      RUNS,
    );
  });

  it('warns about exposed nodes already insolvent, and rejects bad shocks by field', () => {
    const network = liabilityNetwork({ ids: ['A', 'B'], externalAssets: [0, 0], edges: { from: [0], to: [1], amount: [5] }, equity: [1, -2] });
    const result = debtRank(network);
    expect(result.debtRank[0]).toBeCloseTo(1, 15); // B (all the economic value) wiped out
    expect(result.warnings).toEqual([expect.stringMatching(/equity ≤ 0 .*"B" \(-2\)/)]);
    expect(() => debtRankOfSet(network, { nodes: [0], psi: 1.5 })).toThrow(/^contagion\/network\/debt-rank: shock.psi\[0\]: must be in \[0, 1\]/);
    expect(() => debtRankOfSet(network, { nodes: [2] })).toThrow(/shock.nodes\[0\]: index 2 outside 0…1/);
  });
});
