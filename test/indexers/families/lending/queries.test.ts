import type { EntitySpec } from '../../../../src/indexers/source-family.js';
import { entitiesOf } from '../../../../src/indexers/source-family.js';
/**
 * Every query file of the lending families validates against the query API The Graph derives from
 * the real subgraph schema (test/harness/graph-api-schema.ts, all GraphQL validation rules), follows
 * the paging convention of src/indexers/source-family.ts, and is the file an EntitySpec names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { aaveV3 } from '../../../../src/indexers/families/aave-v3/index.js';
import { messariLending } from '../../../../src/indexers/families/messari-lending/index.js';
import { morphoBlue } from '../../../../src/indexers/families/morpho-blue/index.js';
import type { SourceFamily } from '../../../../src/indexers/source-family.js';
import { buildGraphApiSchema, validateQuery } from '../../../harness/graph-api-schema.js';
import { loadSubgraphSdl, REPO_ROOT, type SubgraphFamily } from '../../../harness/subgraph-schemas.js';

/** The entity specs a family pages for a plain source of its schema (version-independent families ignore the source). */
const specsOf = (family: SourceFamily): readonly EntitySpec[] =>
  entitiesOf(family, { name: 'test', schema: family.schema, chain: 'ethereum', endpoint: 'http://127.0.0.1/' });


const FAMILIES: [SubgraphFamily, SourceFamily][] = [
  ['messari-lending', messariLending],
  ['aave-v3', aaveV3],
  ['morpho-blue', morphoBlue],
];

const typeName = (v: VariableDefinitionNode): string => (v.type.kind === 'NonNullType' && v.type.type.kind === 'NamedType' ? `${v.type.type.name.value}!` : '?');

describe.each(FAMILIES)('queries/subgraphs/%s', (schemaName, family) => {
  const dir = join(REPO_ROOT, 'queries', 'subgraphs', schemaName);
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
  const api = buildGraphApiSchema(loadSubgraphSdl(schemaName));

  it('has exactly the query files its entities name', () => {
    const named = specsOf(family).map((e) => e.queryFile);
    expect(files.map((f) => `subgraphs/${schemaName}/${f.replace(/\.graphql$/, '')}`).sort()).toEqual([...named].sort());
    expect(family.schema).toBe(schemaName);
  });

  it.each(files)('%s validates against the real schema', (file) => {
    const errors = validateQuery(api, readFileSync(join(dir, file), 'utf8'));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it.each(specsOf(family).map((e) => [e.entity, e] as const))('%s follows the paging convention', (_entity, spec) => {
    const text = readFileSync(join(REPO_ROOT, 'queries', `${spec.queryFile}.graphql`), 'utf8');
    const operation = parse(text).definitions[0] as OperationDefinitionNode;
    const variables = Object.fromEntries((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, typeName(v)]));
    // A Bytes id starts at "0x"; an ID/String id at "".
    expect(variables).toEqual({ first: 'Int!', lastId: spec.firstCursor === '0x' ? 'Bytes!' : 'ID!', block: 'Int!' });
    expect(text).toMatch(/items:\s*\w+\(/);
    expect(text).toMatch(/id_gt:\s*\$lastId/);
    expect(text).toMatch(/orderBy:\s*id/);
    expect(text).toMatch(/orderDirection:\s*asc/);
    expect(text).toMatch(/block:\s*\{\s*number:\s*\$block\s*\}/);
    expect(text).not.toMatch(/\bskip\s*:/);
  });
});
