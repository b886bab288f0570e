/** `contagion clearing` end to end, as a child process of the real CLI. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contagion } from '../helpers/cli.js';


interface ClearingJson {
  nodes: string[];
  clearing: number[];
  defaults: string[];
  debtRank: number[];
  defaultWave: (number | null)[];
  method: string;
  [key: string]: unknown;
}

const DENSE = 'test/fixtures/networks/networkvaluation-3-node.dense.json';
const SPARSE = 'test/fixtures/networks/glasserman-young-star.sparse.json';
const dir = mkdtempSync(join(tmpdir(), 'contagion-clearing-'));
const write = (name: string, json: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
};
const json = async (...args: string[]): Promise<ClearingJson> => {
  const out = await contagion('clearing', ...args, '--json');
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as ClearingJson;
};

describe('contagion clearing', () => {
  it('prints exactly the documented JSON keys, with the published clearing vector', async () => {
    const out = await json('--network', DENSE);
    expect(Object.keys(out)).toEqual([
      'name', 'nodes', 'clearing', 'defaults', 'debtRank', 'obligations', 'received', 'equity', 'netWorth', 'defaultWave',
      'method', 'linearSolver', 'iterations', 'converged', 'residual', 'debtRankVariant', 'economicValue', 'warnings',
    ]);
    // siebenbrunner/NetworkValuation example (see test/contagion/network/clearing-reference.test.ts).
    expect(out.clearing.map((p) => Number(p.toFixed(10)))).toEqual([24.5454545455, 26.3636363636, 10]);
    expect(out.defaults).toEqual(['n1', 'n2']);
    expect(out.defaultWave).toEqual([1, 2, null]);
    expect(out.method).toBe('fictitious-default');
    expect(out.debtRank).toHaveLength(3);
  });

  it('keeps the node order of the file, whatever the ids', async () => {
    const ids = ['10', 'b', '2', 'a', '1'];
    const path = write('order.json', {
      nodes: ids.map((id, i) => ({ id, externalAssets: i })),
      liabilities: [{ from: '1', to: '10', amount: 9 }, { from: '10', to: 'a', amount: 4 }, { from: 'b', to: '2', amount: 1 }],
    });
    const out = await json('--network', path);
    expect(out.nodes).toEqual(ids);
    // By hand: "1" has 4 and owes 9 (pays 4); "10" has 0 + 4 and owes 4 (pays 4); "b" has 1, owes 1.
    expect(out.clearing).toEqual([4, 1, 0, 0, 4]);
    expect(out.defaults).toEqual(['1']);
  });

  it('gives the same answer for a network given dense and as an edge list', async () => {
    for (const [file, toOther] of [[DENSE, toSparse], [SPARSE, toDense]] as const) {
      const original = JSON.parse(readFileSync(file, 'utf8')) as NetworkJson;
      const other = write(`other-${file.split('/').pop()}`, toOther(original));
      const [a, b] = [await json('--network', file), await json('--network', other)];
      expect(b).toEqual(a);
    }
  });

  it('runs the fixed-point method when asked and agrees to 1e-9', async () => {
    const exact = await json('--network', SPARSE);
    const iterated = await json('--network', SPARSE, '--method', 'fixed-point');
    expect(iterated.method).toBe('fixed-point');
    iterated.clearing.forEach((p, i) => expect(Math.abs(p - exact.clearing[i]!)).toBeLessThan(1e-9));
    expect(iterated.defaults).toEqual(exact.defaults);
  });

  it('switches the DebtRank dynamics, or skips DebtRank', async () => {
    const linear = await json('--network', SPARSE, '--debtrank', 'linear');
    expect(linear.debtRankVariant).toBe('linear');
    expect(linear.debtRank).toHaveLength(6);
    const none = await json('--network', SPARSE, '--debtrank', 'none');
    expect(none.debtRank).toBeNull();
    expect(none.clearing).toEqual(linear.clearing);
  });

  it('prints a table with payments, defaults and DebtRank, and warnings on stderr', async () => {
    const out = await contagion('clearing', '--network', SPARSE);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/6 nodes, 5 default\(s\) \(fictitious default, 2 round\(s\), dense-lu\)/);
    expect(out.stdout).toMatch(/^ {2}C +140\.00 +56\.00 +40\.0% +wave 1 +0\.00 +-84\.00 +1\.0000$/m);
    expect(out.stdout).toMatch(/Defaults: P1, P2, C, P3, P4/);
    expect(out.stderr).toMatch(/warning: .*node "outside" has no obligations/);
  });

  it('fails with exit code 1 and names the file and field of a bad input', async () => {
    const cases: [unknown, RegExp][] = [
      [{ nodes: [{ id: 'A', externalAssets: 1 }, { id: 'B', externalAssets: 1 }], liabilities: [[0, 1], [-2, 0]] }, /liabilities\[1\]\[0\]: must be ≥ 0, got -2/],
      [{ nodes: [{ id: 'A', externalAssets: 1 }], liabilities: [{ from: 'A', to: 'Z', amount: 1 }] }, /liabilities\[0\]\.to: unknown node "Z"/],
      [{ nodes: [{ id: 'A', externalAssets: 1 }, { id: 'A', externalAssets: 1 }], liabilities: [] }, /nodes\[1\]\.id: duplicate/],
    ];
    for (const [k, [network, message]] of cases.entries()) {
      const path = write(`bad-${k}.json`, network);
      const out = await contagion('clearing', '--network', path);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(new RegExp(`^contagion/clearing: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${message.source}`));
    }
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{"nodes": [');
    const broken = await contagion('clearing', '--network', notJson);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json: not valid JSON/);
  });

  it('treats a missing --network or an unknown method as a usage error (exit code 2)', async () => {
    expect((await contagion('clearing')).code).toBe(2);
    expect((await contagion('clearing', '--network', DENSE, '--method', 'newton')).code).toBe(2);
  });
});

interface NetworkJson {
  nodes: { id: string }[];
  liabilities: number[][] | { from: string; to: string; amount: number }[];
  [key: string]: unknown;
}

function toSparse(network: NetworkJson): NetworkJson {
  const ids = network.nodes.map((n) => n.id);
  const edges = (network.liabilities as number[][]).flatMap((row, i) => row.flatMap((amount, j) => (amount > 0 ? [{ from: ids[i]!, to: ids[j]!, amount }] : [])));
  return { ...network, liabilities: edges.reverse() };
}

function toDense(network: NetworkJson): NetworkJson {
  const ids = network.nodes.map((n) => n.id);
  const matrix = ids.map(() => ids.map(() => 0));
  for (const e of network.liabilities as { from: string; to: string; amount: number }[]) matrix[ids.indexOf(e.from)]![ids.indexOf(e.to)]! += e.amount;
  return { ...network, liabilities: matrix };
}
