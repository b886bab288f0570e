/**
 * The network file format, validated with zod at the edge and turned into a `LiabilityNetwork`:
 *
 *   { "name"?: string, "source"?: string,
 *     "nodes": [{ "id": "A", "externalAssets": 10, "equity"?: 4 }, …],
 *     "liabilities": [[0, 5, …], …]                          dense: liabilities[i][j] = i owes j
 *                  | [{ "from": "A", "to": "B", "amount": 5 }, …] }    sparse edge list
 *
 * External assets e_i and liabilities L_ij as in Eisenberg & Noe (2001), Management Science 47(2),
 * §2; `equity` is the capital DebtRank divides by (Battiston et al. 2012, Scientific Reports
 * 2:541), book equity when absent. The dense matrix must be n × n with a zero diagonal; edges must
 * name known nodes and not loop; repeated edges are summed (with a warning). Every error names the
 * field: `liabilities[2][3]: must be ≥ 0, got -1`, `liabilities[4].to: unknown node "Z"`,
 * `nodes[1].id: duplicate of nodes[0].id "A"`.
 */
import { z } from 'zod';
import { NetworkError } from './errors.js';
import { denseEdges, liabilityNetwork, type LiabilityNetwork } from './liability-network.js';

const WHERE = 'contagion/network/network-format';

const amount = z.number({ error: 'must be a number' }).refine(Number.isFinite, { error: 'must be finite' }).refine((x) => x >= 0, { error: 'must be ≥ 0' });
const node = z.strictObject({
  id: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
  externalAssets: amount,
  equity: z.number({ error: 'must be a number' }).refine(Number.isFinite, { error: 'must be finite' }).optional(),
});
const edgeShape = { from: z.string({ error: 'must be a node id' }), to: z.string({ error: 'must be a node id' }), amount };
const edge = z.strictObject(edgeShape, { error: 'must be an edge {from, to, amount}, like liabilities[0]' });
const row = z.array(amount, { error: 'must be a row of numbers, like liabilities[0]' });
const file = z.strictObject({
  name: z.string().optional(),
  source: z.string().optional(),
  nodes: z.array(node, { error: 'must be an array of nodes' }).min(1, { error: 'must list at least one node' }),
  liabilities: z.union([z.array(row), z.array(edge)], { error: 'must be an n × n matrix or a list of {from, to, amount} edges' }),
}, { error: 'must be an object {nodes, liabilities}' });

export type NetworkFile = z.infer<typeof file>;

/** Validates a parsed JSON value and builds the network; throws a `NetworkError` naming the field. */
export function parseNetwork(json: unknown): LiabilityNetwork & { readonly name?: string; readonly source?: string } {
  const data = validate(json);
  const ids = data.nodes.map((n) => n.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = index.get(id);
    if (first !== undefined) throw new NetworkError(`${WHERE}: nodes[${i}].id: duplicate of nodes[${first}].id "${id}"`);
    index.set(id, i);
  });
  const n = ids.length;
  const { liabilities } = data;
  let edges;
  if (liabilities.length > 0 && Array.isArray(liabilities[0])) {
    const matrix = liabilities as number[][];
    if (matrix.length !== n) throw new NetworkError(`${WHERE}: liabilities: the matrix has ${matrix.length} rows, expected ${n} (one per node)`);
    matrix.forEach((row, i) => {
      if (row.length !== n) throw new NetworkError(`${WHERE}: liabilities[${i}]: has ${row.length} entries, expected ${n} (one per node)`);
      if (row[i] !== 0) throw new NetworkError(`${WHERE}: liabilities[${i}][${i}]: must be 0 (node "${ids[i]}" cannot owe itself), got ${row[i]}`);
    });
    edges = denseEdges(matrix);
  } else {
    const list = liabilities as { from: string; to: string; amount: number }[];
    const from: number[] = [];
    const to: number[] = [];
    const amounts: number[] = [];
    list.forEach((e, k) => {
      const f = index.get(e.from);
      const t = index.get(e.to);
      if (f === undefined) throw new NetworkError(`${WHERE}: liabilities[${k}].from: unknown node ${JSON.stringify(e.from)}`);
      if (t === undefined) throw new NetworkError(`${WHERE}: liabilities[${k}].to: unknown node ${JSON.stringify(e.to)}`);
      if (f === t) throw new NetworkError(`${WHERE}: liabilities[${k}]: node ${JSON.stringify(e.from)} cannot owe itself`);
      from.push(f);
      to.push(t);
      amounts.push(e.amount);
    });
    edges = { from, to, amount: amounts };
  }
  const network = liabilityNetwork({ ids, externalAssets: data.nodes.map((n) => n.externalAssets), edges, equity: data.nodes.map((n) => n.equity ?? null) });
  return { ...network, ...(data.name === undefined ? {} : { name: data.name }), ...(data.source === undefined ? {} : { source: data.source }) };
}

function validate(json: unknown): NetworkFile {
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const liabilities = (json as { liabilities?: unknown }).liabilities;
    // Validate the form the first entry announces, so errors name the entry and not the union.
    if (Array.isArray(liabilities) && liabilities.length > 0) {
      const dense = Array.isArray(liabilities[0]);
      const checked = (dense ? z.array(row) : z.array(edge)).safeParse(liabilities);
      if (!checked.success) throw fieldError(json, checked.error.issues, ['liabilities']);
    }
  }
  const parsed = file.safeParse(json);
  if (!parsed.success) throw fieldError(json, parsed.error.issues, []);
  return parsed.data;
}

/** The first issue as `field: message, got value`, the field written as in the file. */
function fieldError(json: unknown, issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): NetworkError {
  const issue = issues[0]!;
  const path = [...prefix, ...issue.path];
  const field = path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
  let value: unknown = json;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  const got = value === undefined || typeof value === 'object' ? '' : `, got ${JSON.stringify(value)}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new NetworkError(`${WHERE}: ${field === '' ? 'network' : field}: ${issue.message}${got}${more}`);
}
