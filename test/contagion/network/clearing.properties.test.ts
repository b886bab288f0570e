/**
 * Brute force and invariants of the Eisenberg–Noe clearing vector on random networks: the
 * fictitious default algorithm (exact) against Picard iteration from p̄, and the defining
 * properties of p* (Eisenberg & Noe 2001, §2): 0 ≤ p* ≤ p̄, each node pays in full or pays all it
 * has, what is paid is received, and lower external assets never raise p*.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearing, liabilityNetwork, type ClearingResult, type LiabilityNetwork } from '../../../src/contagion/network/index.js';
import { arbitraryDenseCase, denseNetwork, sparseNetwork } from './random-network.js';

const RUNS = { numRuns: 400, seed: 20260511 };
const scaleOf = (network: LiabilityNetwork): number => Math.max(1, ...network.obligations);

function checkInvariants(network: LiabilityNetwork, result: ClearingResult, eps: number): void {
  const { obligations, externalAssets } = network;
  let paid = 0;
  let received = 0;
  for (let i = 0; i < obligations.length; i++) {
    const p = result.payments[i]!;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(obligations[i]!);
    const assets = externalAssets[i]! + result.received[i]!;
    // Either pays in full, or defaults and pays everything it has.
    const inFull = Math.abs(p - obligations[i]!) <= eps;
    const allItHas = Math.abs(p - assets) <= eps;
    expect(inFull || allItHas).toBe(true);
    if (result.defaulted[i]) expect(allItHas).toBe(true);
    else expect(assets).toBeGreaterThanOrEqual(obligations[i]! - eps);
    expect(result.equity[i]).toBeGreaterThanOrEqual(0);
    expect(result.netWorth[i]).toBeCloseTo(result.equity[i]! - (obligations[i]! - p), 6);
    paid += p;
    received += result.received[i]!;
  }
  expect(Math.abs(paid - received)).toBeLessThanOrEqual(eps * obligations.length);
  expect(result.residual).toBeLessThanOrEqual(eps);
}

describe('Eisenberg–Noe clearing on random dense networks', () => {
  it('fictitious default and fixed-point iteration agree to 1e-9, and both satisfy the invariants', () => {
    fc.assert(
      fc.property(arbitraryDenseCase(), (c) => {
        const network = denseNetwork(c);
        const exact = clearing(network, { method: 'fictitious-default' });
        const iterated = clearing(network, { method: 'fixed-point' });
        expect(iterated.converged).toBe(true);
        const scale = scaleOf(network);
        exact.payments.forEach((p, i) => expect(Math.abs(p - iterated.payments[i]!)).toBeLessThanOrEqual(1e-9 * scale));
        expect(exact.iterations).toBeLessThanOrEqual(network.ids.length);
        checkInvariants(network, exact, 1e-9 * scale);
        checkInvariants(network, iterated, 1e-9 * scale);
      }),
      RUNS,
    );
  });

  it('Gauss–Seidel rounds (denseLimit 0) agree with the dense solves to 1e-9', () => {
    fc.assert(
      fc.property(arbitraryDenseCase(), (c) => {
        const network = denseNetwork(c);
        const dense = clearing(network, { method: 'fictitious-default' });
        const sweeps = clearing(network, { method: 'fictitious-default', denseLimit: 0 });
        if (dense.iterations > 0) expect(sweeps.linearSolver).toBe('gauss-seidel');
        expect(sweeps.defaultWave).toEqual(dense.defaultWave);
        dense.payments.forEach((p, i) => expect(Math.abs(p - sweeps.payments[i]!)).toBeLessThanOrEqual(1e-9 * scaleOf(network)));
      }),
      RUNS,
    );
  });

  it('round 1 holds exactly the nodes that default even if everyone else pays in full', () => {
    fc.assert(
      fc.property(arbitraryDenseCase(), (c) => {
        const network = denseNetwork(c);
        const result = clearing(network, { method: 'fictitious-default' });
        const iterated = clearing(network, { method: 'fixed-point' });
        network.ids.forEach((_, i) => {
          const fundamental = network.externalAssets[i]! + network.claims[i]! < network.obligations[i]! * (1 - 1e-12);
          expect(result.defaultWave[i] === 1).toBe(fundamental);
          expect(iterated.defaultWave[i] === 1).toBe(fundamental);
          if (result.defaultWave[i] !== null) expect(result.defaulted[i]).toBe(1);
        });
      }),
      RUNS,
    );
  });

  it('lower external assets never raise the clearing vector', () => {
    fc.assert(
      fc.property(
        arbitraryDenseCase().chain((c) => fc.tuple(fc.constant(c), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: c.externalAssets.length, maxLength: c.externalAssets.length }))),
        ([c, factors]) => {
          const before = clearing(denseNetwork(c));
          const after = clearing(denseNetwork({ ...c, externalAssets: c.externalAssets.map((e, i) => e * factors[i]!) }));
          const scale = Math.max(1, ...before.obligations);
          after.payments.forEach((p, i) => expect(p).toBeLessThanOrEqual(before.payments[i]! + 1e-9 * scale));
          before.defaulted.forEach((d, i) => d && expect(after.defaulted[i]).toBe(1));
        },
      ),
      RUNS,
    );
  });
});

describe('Eisenberg–Noe clearing on a large sparse network', () => {
  const network = sparseNetwork(20_000, 4, 0.35, 7);

  it('uses the fixed-point iteration above denseLimit, says so, and converges', () => {
    const result = clearing(network);
    expect(result.method).toBe('fixed-point');
    expect(result.linearSolver).toBeNull();
    expect(result.converged).toBe(true);
    const defaults = result.defaulted.reduce((s, d) => s + d, 0);
    expect(defaults).toBeGreaterThan(1_000);
    checkInvariants(network, result, 1e-9 * scaleOf(network));
  });

  it('agrees with the fictitious default algorithm (Gauss–Seidel rounds) to 1e-9', () => {
    const iterated = clearing(network);
    const exact = clearing(network, { method: 'fictitious-default' });
    expect(exact.linearSolver).toBe('gauss-seidel');
    expect(exact.converged).toBe(true);
    const scale = scaleOf(network);
    exact.payments.forEach((p, i) => expect(Math.abs(p - iterated.payments[i]!)).toBeLessThanOrEqual(1e-9 * scale));
  });
});

describe('Eisenberg–Noe clearing, edge cases', () => {
  it('a node with no obligations pays nothing, never defaults and is named in a warning', () => {
    const network = liabilityNetwork({ ids: ['A', 'B', 'sink'], externalAssets: [0, 1, 0], edges: { from: [0, 1], to: [1, 2], amount: [5, 3] } });
    const result = clearing(network);
    expect(Array.from(result.payments)).toEqual([0, 1, 0]);
    expect(result.defaultWave).toEqual([1, 2, null]);
    expect(result.warnings).toEqual([expect.stringMatching(/^contagion\/network\/clearing: node "sink" has no obligations/)]);
  });

  it('reports a fixed-point iteration cut short, with converged false and a warning', () => {
    // Two nodes owing each other almost everything: the iteration contracts by 0.999 a step.
    const network = liabilityNetwork({ ids: ['A', 'B', 'out'], externalAssets: [0, 0.5, 0], edges: { from: [0, 1, 0], to: [1, 0, 2], amount: [999, 1000, 1] } });
    const short = clearing(network, { method: 'fixed-point', maxIterations: 50 });
    expect(short.converged).toBe(false);
    expect(short.warnings.some((w) => /maxIterations = 50/.test(w))).toBe(true);
    const exact = clearing(network, { method: 'fictitious-default' });
    const full = clearing(network, { method: 'fixed-point' });
    expect(full.converged).toBe(true);
    expect(Math.abs(full.payments[0]! - exact.payments[0]!)).toBeLessThanOrEqual(1e-9 * 1000);
  });

  it('rejects bad options with the option named', () => {
    const network = liabilityNetwork({ ids: ['A'], externalAssets: [1], edges: { from: [], to: [], amount: [] } });
    expect(() => clearing(network, { tolerance: 0 })).toThrow(/^contagion\/network\/clearing: option tolerance must be in \(0, 1\)/);
    expect(() => clearing(network, { maxIterations: 1.5 })).toThrow(/option maxIterations/);
  });
});
