/**
 * The Messari lending family reads every schema version of the production deployments with that
 * version's own queries: each line's query files validate against the real schema of that version
 * (queries/subgraphs/schemas/messari-schema-lending{,-2.0.1,-1.3.0}.graphql, with every GraphQL
 * validation rule), follow the paging convention of src/indexers/source-family.ts, and are exactly
 * the files the line's EntitySpecs name; `options.schemaVersion` picks the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../../src/indexers/config.js';
import { lineOf, MESSARI_LENDING_ENTITIES, messariLending, SCHEMA_VERSIONS, type SchemaLine } from '../../../../src/indexers/families/messari-lending/index.js';
import { entitiesOf } from '../../../../src/indexers/source-family.js';
import { buildGraphApiSchema, validateQuery } from '../../../harness/graph-api-schema.js';
import { REPO_ROOT, SUBGRAPH_SCHEMAS_DIR } from '../../../harness/subgraph-schemas.js';
import { indexerError } from './fixture-source.js';

const LINES: [SchemaLine, string, string][] = [
  ['3.x', 'messari-schema-lending.graphql', ''],
  ['2.0.1', 'messari-schema-lending-2.0.1.graphql', 'v2'],
  ['1.3.x', 'messari-schema-lending-1.3.0.graphql', 'v1'],
];
const QUERIES = join(REPO_ROOT, 'queries');
const api = (schemaFile: string) => buildGraphApiSchema(readFileSync(join(SUBGRAPH_SCHEMAS_DIR, schemaFile), 'utf8'));
const config = (options?: Record<string, unknown>): SourceConfig => ({
  name: 'test', schema: 'messari-lending', chain: 'ethereum', endpoint: 'http://127.0.0.1/', ...(options === undefined ? {} : { options }),
});
const typeName = (v: VariableDefinitionNode): string => (v.type.kind === 'NonNullType' && v.type.type.kind === 'NamedType' ? `${v.type.type.name.value}!` : '?');

describe('messari-lending: options.schemaVersion picks the entities', () => {
  it.each(SCHEMA_VERSIONS.map((v) => [v, lineOf(v)] as const))('%s → the %s line', (version, line) => {
    expect(entitiesOf(messariLending, config({ schemaVersion: version }))).toBe(MESSARI_LENDING_ENTITIES[line]);
  });

  it('3.1.0 when unset; 1.3.x pages no positions', () => {
    expect(entitiesOf(messariLending, config())).toBe(MESSARI_LENDING_ENTITIES['3.x']);
    expect(MESSARI_LENDING_ENTITIES['1.3.x'].map((e) => e.entity)).toEqual(['markets', 'liquidates']);
  });

  it('refuses a version no query line reads, naming the field', () => {
    expect(indexerError(() => entitiesOf(messariLending, config({ schemaVersion: '1.2.0' }))).message).toMatch(/^contagion\/indexers: source test: config field "options\.schemaVersion": /);
  });
});

describe.each(LINES)('messari-lending %s queries', (line, schemaFile, dir) => {
  const specs = MESSARI_LENDING_ENTITIES[line];
  const schema = api(schemaFile);

  it(`are the .graphql files of queries/subgraphs/messari-lending/${dir}`, () => {
    const files = readdirSync(join(QUERIES, 'subgraphs', 'messari-lending', dir)).filter((f) => f.endsWith('.graphql'));
    const prefix = ['subgraphs/messari-lending', ...(dir === '' ? [] : [dir])].join('/');
    expect(files.map((f) => `${prefix}/${f.replace(/\.graphql$/, '')}`).sort()).toEqual(specs.map((s) => s.queryFile).sort());
  });

  it.each(specs.map((s) => [s.entity, s] as const))(`%s validates against ${schemaFile}`, (_entity, spec) => {
    const errors = validateQuery(schema, readFileSync(join(QUERIES, `${spec.queryFile}.graphql`), 'utf8'));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it.each(specs.map((s) => [s.entity, s] as const))('%s follows the paging convention', (_entity, spec) => {
    const text = readFileSync(join(QUERIES, `${spec.queryFile}.graphql`), 'utf8');
    const operation = parse(text).definitions[0] as OperationDefinitionNode;
    const variables = Object.fromEntries((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, typeName(v)]));
    expect(variables).toEqual({ first: 'Int!', lastId: spec.firstCursor === '0x' ? 'Bytes!' : 'ID!', block: 'Int!' });
    expect(text).toMatch(/items:\s*\w+\(/);
    expect(text).toMatch(/id_gt:\s*\$lastId/);
    expect(text).toMatch(/orderBy:\s*id/);
    expect(text).toMatch(/orderDirection:\s*asc/);
    expect(text).toMatch(/block:\s*\{\s*number:\s*\$block\s*\}/);
    expect(text).not.toMatch(/\bskip\s*:/);
  });
});

describe('why the lines cannot share queries', () => {
  const errorsOf = (schemaFile: string, queryFile: string) => validateQuery(api(schemaFile), readFileSync(join(QUERIES, `${queryFile}.graphql`), 'utf8')).map((e) => e.message);
  const cannotQuery = (field: string, type: string) => expect.arrayContaining([expect.stringMatching(new RegExp(`^Cannot query field "${field}" on type "${type}"`))]);

  it('the 3.x queries do not validate against 2.0.1, nor the 2.0.1 ones against 1.3.0', () => {
    expect(errorsOf('messari-schema-lending-2.0.1.graphql', 'subgraphs/messari-lending/positions')).toEqual(cannotQuery('asset', 'Position'));
    expect(errorsOf('messari-schema-lending-2.0.1.graphql', 'subgraphs/messari-lending/markets')).toEqual(cannotQuery('canIsolate', 'Market'));
    expect(errorsOf('messari-schema-lending-1.3.0.graphql', 'subgraphs/messari-lending/v2/positions')).toEqual(cannotQuery('positions', 'Query'));
    expect(errorsOf('messari-schema-lending-1.3.0.graphql', 'subgraphs/messari-lending/v2/liquidates')).toEqual(cannotQuery('liquidator', 'Liquidate'));
  });
});
