import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clearing, parseNetwork } from '../../../src/contagion/network/index.js';

const nodes = (...ids: string[]) => ids.map((id, i) => ({ id, externalAssets: i + 1 }));

describe('network file format', () => {
  it('reads a dense matrix and the same network as an edge list identically', () => {
    const dense = JSON.parse(readFileSync('test/fixtures/networks/networkvaluation-3-node.dense.json', 'utf8')) as { nodes: { id: string }[]; liabilities: number[][] };
    const edges = dense.liabilities.flatMap((row, i) => row.flatMap((amount, j) => (amount > 0 ? [{ from: dense.nodes[i]!.id, to: dense.nodes[j]!.id, amount }] : [])));
    const a = parseNetwork(dense);
    const b = parseNetwork({ ...dense, liabilities: edges.reverse() });
    expect(Array.from(b.rowStart)).toEqual(Array.from(a.rowStart));
    expect(Array.from(b.creditor)).toEqual(Array.from(a.creditor));
    expect(Array.from(b.amount)).toEqual(Array.from(a.amount));
    expect(Array.from(clearing(b).payments)).toEqual(Array.from(clearing(a).payments));
    expect(a.name).toBe('Three-node Eisenberg–Noe example (dense)');
  });

  it('takes equity where given and book equity elsewhere; sums repeated edges with a warning', () => {
    const network = parseNetwork({
      nodes: [{ id: 'A', externalAssets: 1, equity: 7 }, { id: 'B', externalAssets: 2 }],
      liabilities: [{ from: 'A', to: 'B', amount: 3 }, { from: 'A', to: 'B', amount: 2 }],
    });
    expect(Array.from(network.equity)).toEqual([7, 2 + 5]);
    expect(Array.from(network.equityGiven)).toEqual([1, 0]);
    expect(Array.from(network.obligations)).toEqual([5, 0]);
    expect(network.warnings).toEqual([expect.stringMatching(/1 duplicate edge/)]);
  });

  it('accepts an empty liabilities list', () => {
    expect(Array.from(clearing(parseNetwork({ nodes: nodes('A'), liabilities: [] })).payments)).toEqual([0]);
  });

  const bad: [string, unknown, RegExp][] = [
    ['a negative matrix entry', { nodes: nodes('A', 'B', 'C', 'D'), liabilities: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, -1], [0, 0, 0, 0]] }, /: liabilities\[2\]\[3\]: must be ≥ 0, got -1$/],
    ['an unknown creditor', { nodes: nodes('A', 'B'), liabilities: [{ from: 'A', to: 'B', amount: 1 }, { from: 'B', to: 'Z', amount: 1 }] }, /: liabilities\[1\]\.to: unknown node "Z"$/],
    ['an unknown debtor', { nodes: nodes('A', 'B'), liabilities: [{ from: 'Q', to: 'B', amount: 1 }] }, /: liabilities\[0\]\.from: unknown node "Q"$/],
    ['a duplicate id', { nodes: nodes('A', 'A'), liabilities: [] }, /: nodes\[1\]\.id: duplicate of nodes\[0\]\.id "A"$/],
    ['too few rows', { nodes: nodes('A', 'B', 'C'), liabilities: [[0, 1, 0], [0, 0, 1]] }, /: liabilities: the matrix has 2 rows, expected 3/],
    ['a short row', { nodes: nodes('A', 'B'), liabilities: [[0, 1], [1]] }, /: liabilities\[1\]: has 1 entries, expected 2/],
    ['a nonzero diagonal', { nodes: nodes('A', 'B'), liabilities: [[0, 1], [1, 4]] }, /: liabilities\[1\]\[1\]: must be 0 \(node "B" cannot owe itself\), got 4/],
    ['a self-loop edge', { nodes: nodes('A'), liabilities: [{ from: 'A', to: 'A', amount: 1 }] }, /: liabilities\[0\]: node "A" cannot owe itself/],
    ['negative external assets', { nodes: [{ id: 'A', externalAssets: -3 }], liabilities: [] }, /: nodes\[0\]\.externalAssets: must be ≥ 0, got -3$/],
    ['a non-numeric amount', { nodes: nodes('A', 'B'), liabilities: [{ from: 'A', to: 'B', amount: 'five' }] }, /: liabilities\[0\]\.amount: must be a number, got "five"$/],
    ['mixed forms', { nodes: nodes('A', 'B'), liabilities: [[0, 1], { from: 'A', to: 'B', amount: 1 }] }, /: liabilities\[1\]: must be a row of numbers, like liabilities\[0\]/],
    ['an unknown key', { nodes: [{ id: 'A', externalAssets: 1, capital: 2 }], liabilities: [] }, /: nodes\[0\]: Unrecognized key: "capital"/],
    ['no nodes', { nodes: [], liabilities: [] }, /: nodes: must list at least one node/],
    ['no liabilities', { nodes: nodes('A') }, /: liabilities: must be an n × n matrix or a list of \{from, to, amount\} edges/],
    ['not an object', [1, 2], /: network: must be an object \{nodes, liabilities\}/],
  ];
  for (const [what, json, message] of bad) {
    it(`rejects ${what}, naming the field`, () => {
      expect(() => parseNetwork(json)).toThrow(message);
      expect(() => parseNetwork(json)).toThrow(/^contagion\/network\/network-format: /);
    });
  }
});
