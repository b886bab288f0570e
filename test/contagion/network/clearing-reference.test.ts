/**
 * Eisenberg–Noe clearing against published worked examples. Every reference number below is
 * quoted from the source named next to it; numbers derived here by hand are labelled as such.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clearing, parseNetwork, type ClearingMethod } from '../../../src/contagion/network/index.js';

const load = (name: string) => parseNetwork(JSON.parse(readFileSync(`test/fixtures/networks/${name}`, 'utf8')));
const METHODS: ClearingMethod[] = ['fictitious-default', 'fixed-point'];

describe('three-node example of siebenbrunner/NetworkValuation', () => {
  // Source: https://github.com/siebenbrunner/NetworkValuation, file
  // "Algorithms/Eisenberg and Noe 2001/Example.html" (MATLAB R2017b output), commit
  // 137c17b78afa32e7791fed51089ff33981ab388b: vecE = [10;10;10], matL = [0 20 10; 5 0 24; 10 0 0];
  //   'Equity before clearing' = [-5; 1; 34], defaulted [1; 0; 0]
  //   'Equity after clearing'  = [-5.4545; -2.6364; 30], defaulted [1; 1; 0]
  // where "equity" is vecE + Π'p − p̄ (our `netWorth`).
  // The clearing vector itself: fernando-duarte/networks_hub,
  // "SAN/code/network_simulations/solve_eisenberg_noe.jl", commit
  // 8831646f72d6bdc28b8bb37f3331f19905fafd51 ("example in siebenbrunner/NetworkValuation"):
  //   true_p = [24.545454545454547, 26.363636363636363, 10.0], tested to norm < 1e-10.
  const network = load('networkvaluation-3-node.dense.json');

  it('has the book equity before clearing the source prints', () => {
    expect(Array.from(network.equity)).toEqual([-5, 1, 34]);
  });

  for (const method of METHODS) {
    it(`clears to the published vector (${method})`, () => {
      const result = clearing(network, { method });
      expect(result.method).toBe(method);
      const trueP = [24.545454545454547, 26.363636363636363, 10.0];
      const distance = Math.hypot(...trueP.map((p, i) => p - result.payments[i]!));
      expect(distance).toBeLessThan(1e-10);
      expect(Array.from(result.defaulted)).toEqual([1, 1, 0]);
      const printed = [-5.4545, -2.6364, 30];
      result.netWorth.forEach((w, i) => expect(w).toBeCloseTo(printed[i]!, 4));
      expect(result.converged).toBe(true);
    });
  }

  it('orders the defaults in waves: n1 defaults even if all pay, n2 only after n1 does', () => {
    // Derived here from the source's first table: only n1 has negative equity before clearing.
    const result = clearing(network, { method: 'fictitious-default' });
    expect(result.defaultWave).toEqual([1, 2, null]);
    expect(result.iterations).toBe(2);
    expect(result.linearSolver).toBe('dense-lu');
    expect(Array.from(result.equity)).toEqual([0, 0, expect.closeTo(30, 9)]);
  });
});

describe('Glasserman–Young star network', () => {
  // Source: Glasserman & Young (2015), "How likely is contagion in financial networks?", J. Banking
  // & Finance 50, example network, as encoded and tested in fernando-duarte/networks_hub,
  // "SAN/code/network_simulations/test_net.jl", commit 00c34fc839f498ebdefd6997af8081aed7996d56:
  //   p̄ = (55, 55, 140, 55, 55), outside assets c = (50, 50, 150, 50, 50), node 3 owes 10 to each
  //   other node and 100 outside; shock x = (0, 0, 94, 0, 0):
  //   @test sf == 88   (payment shortfalls Σ(p̄ − p))
  //   @test L == 182   (shortfalls plus direct losses 94)
  // The outside sector is the fixture's sixth node, which owes nothing.
  const network = load('glasserman-young-star.sparse.json');

  for (const method of METHODS) {
    it(`loses 88 in payment shortfalls and 182 in all after the shock (${method})`, () => {
      const result = clearing(network, { method });
      const shortfall = Array.from(result.obligations).reduce((s, o, i) => s + o - result.payments[i]!, 0);
      expect(shortfall).toBeCloseTo(88, 9);
      expect(shortfall + 94).toBeCloseTo(182, 9);
    });
  }

  it('has the clearing vector that arithmetic gives', () => {
    // Derived by hand (not quoted): the centre has 150 − 94 = 56 against 140 owed, pays 56, i.e.
    // 40% to each creditor, 4 to each peripheral node; a peripheral node then has 50 + 4 = 54
    // against 55 owed and pays 54. Shortfall 84 + 4 × 1 = 88, as the source tests.
    const result = clearing(network, { method: 'fictitious-default' });
    expect(Array.from(result.payments)).toEqual([54, 54, 56, 54, 54, 0].map((x) => expect.closeTo(x, 12)));
    expect(result.defaultWave).toEqual([2, 2, 1, 2, 2, null]);
    expect(result.warnings).toEqual([expect.stringMatching(/node "outside" has no obligations/)]);
  });

  it('clears in full without the shock (outside assets 150: net worths 10 and 5 as in the source)', () => {
    const unshocked = parseNetwork({
      ...JSON.parse(readFileSync('test/fixtures/networks/glasserman-young-star.sparse.json', 'utf8')),
      nodes: ['P1', 'P2', 'C', 'P3', 'P4', 'outside'].map((id) => ({ id, externalAssets: id === 'C' ? 150 : id === 'outside' ? 0 : 50 })),
    });
    const result = clearing(unshocked);
    expect(Array.from(result.defaulted)).toEqual([0, 0, 0, 0, 0, 0]);
    // test_net.jl / solve_eisenberg_noe.jl: w = (5, 5, 10, 5, 5).
    expect(Array.from(result.netWorth).slice(0, 5)).toEqual([5, 5, 10, 5, 5]);
  });
});
