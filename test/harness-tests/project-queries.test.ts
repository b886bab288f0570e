import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { aaveV3Data } from '../harness/data/aave-v3.js';
import type { GeneratedData } from '../harness/data/entity-set.js';
import { messariDexData } from '../harness/data/messari-dex.js';
import { messariLendingData } from '../harness/data/messari-lending.js';
import { messariOptionsData } from '../harness/data/messari-options.js';
import { morphoBlueData } from '../harness/data/morpho-blue.js';
import { uniswapV3Data } from '../harness/data/uniswap-v3.js';
import { startFakeGraphNode, type FakeGraphNode } from '../harness/fake-graph-node.js';
import { loadSubgraphSdl, SUBGRAPH_FAMILIES, SUBGRAPH_QUERIES_DIR, type SubgraphFamily } from '../harness/subgraph-schemas.js';
import { post } from './http-client.js';

/**
 * The project's query files, run (not only validated) against generated data on the fake
 * graph-node: every page query whose variables are the pager's own ($first, $lastId, $block)
 * must execute without errors, and `_meta` queries too.
 */
const GENERATE: Record<SubgraphFamily, () => GeneratedData> = {
  'messari-lending': () => messariLendingData({ seed: 1, accounts: 100, markets: 4 }),
  'aave-v3': () => aaveV3Data({ seed: 1, users: 100 }),
  'morpho-blue': () => morphoBlueData({ seed: 1, accounts: 100, markets: 3 }),
  'messari-options': () => messariOptionsData({ seed: 1, accounts: 50 }),
  'uniswap-v3': () => uniswapV3Data({ seed: 1, pools: 3 }),
  'messari-dex': () => messariDexData({ seed: 1, pools: 3 }),
};
const PAGER_VARIABLES = new Set(['first', 'lastId', 'block']);

const cases = SUBGRAPH_FAMILIES.flatMap((family) => {
  let files: string[] = [];
  try {
    files = readdirSync(join(SUBGRAPH_QUERIES_DIR, family)).filter((f) => f.endsWith('.graphql'));
  } catch {
    return [];
  }
  return files.map((file) => {
    const text = readFileSync(join(SUBGRAPH_QUERIES_DIR, family, file), 'utf8');
    const operation = parse(text).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const variables = (operation?.variableDefinitions ?? []).map((v) => v.variable.name.value);
    return { family, file, text, runnable: variables.every((v) => PAGER_VARIABLES.has(v)) };
  });
});
const nodes = new Map<SubgraphFamily, Promise<{ node: FakeGraphNode; block: number }>>();
const serve = (family: SubgraphFamily) => {
  let started = nodes.get(family);
  if (started === undefined) {
    started = startFakeGraphNode({ schema: loadSubgraphSdl(family) }).then((node) => {
      const data = GENERATE[family]();
      node.store.load(data.entities, data.block);
      return { node, block: data.block };
    });
    nodes.set(family, started);
  }
  return started;
};
afterAll(async () => {
  for (const started of nodes.values()) await (await started).node.stop();
});

describe('project query files on the fake graph-node', () => {
  it('has pager query files to run', () => expect(cases.filter((c) => c.runnable).length).toBeGreaterThan(5));
  it.each(cases.filter((c) => c.runnable).map((c) => [`${c.family}/${c.file}`, c] as const))('%s runs without errors', async (_, { family, text }) => {
    const { node, block } = await serve(family);
    const result = await post(node.url, text, { first: 1000, lastId: '', block });
    expect(result.status).toBe(200);
    expect(result.json?.errors, result.text.slice(0, 500)).toBeUndefined();
  });
});
