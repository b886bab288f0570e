/**
 * The subgraph schemas of the families the indexers read (queries/subgraphs/schemas/, sourced in
 * ORIGIN.md there), by the family names of src/indexers/config.ts, and the family a query file
 * under queries/subgraphs/<family>/ belongs to.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { projectRoot } from '../../src/store/project-paths.js';

/** Found by walking up to the project's package.json, so the harness also works bundled (notebooks). */
export const REPO_ROOT = projectRoot();
export const SUBGRAPH_QUERIES_DIR = join(REPO_ROOT, 'queries', 'subgraphs');
export const SUBGRAPH_SCHEMAS_DIR = join(SUBGRAPH_QUERIES_DIR, 'schemas');

export const SUBGRAPH_SCHEMA_FILES = {
  'messari-lending': 'messari-schema-lending.graphql',
  'aave-v3': 'aave-v3.schema.graphql',
  'morpho-blue': 'morpho-blue.schema.graphql',
  'messari-options': 'messari-schema-derivatives-options.graphql',
  'uniswap-v3': 'uniswap-v3.schema.graphql',
  'messari-dex': 'messari-schema-dex-amm.graphql',
} as const;

export type SubgraphFamily = keyof typeof SUBGRAPH_SCHEMA_FILES;
export const SUBGRAPH_FAMILIES = Object.keys(SUBGRAPH_SCHEMA_FILES) as SubgraphFamily[];

const sdlCache = new Map<SubgraphFamily, string>();

/** The subgraph schema (SDL text) of a family. */
export function loadSubgraphSdl(family: SubgraphFamily): string {
  let sdl = sdlCache.get(family);
  if (sdl === undefined) {
    const file = SUBGRAPH_SCHEMA_FILES[family];
    if (file === undefined) throw new Error(`test/harness/subgraph-schemas: unknown family ${JSON.stringify(family)}`);
    sdlCache.set(family, (sdl = readFileSync(join(SUBGRAPH_SCHEMAS_DIR, file), 'utf8')));
  }
  return sdl;
}

/**
 * The family of a query file: the first directory under queries/subgraphs/ when it is a family
 * name, else a family named in the directory or file name (`aave-v3-positions.graphql`).
 */
export function familyOfQueryFile(path: string): SubgraphFamily | undefined {
  const parts = relative(SUBGRAPH_QUERIES_DIR, path).split(sep);
  const candidates = [...parts.slice(0, -1), basename(path)];
  for (const part of candidates) if ((SUBGRAPH_FAMILIES as string[]).includes(part)) return part as SubgraphFamily;
  return SUBGRAPH_FAMILIES.find((family) => candidates.some((part) => part.includes(family)));
}

/** Query folders written for an older schema version than the family's current file. */
export const VERSIONED_QUERY_DIRS: Readonly<Record<string, string>> = {
  'messari-lending/v2': 'messari-schema-lending-2.0.1.graphql',
  'messari-lending/v1': 'messari-schema-lending-1.3.0.graphql',
};

/** The schema (SDL text) a versioned query file is written against, or undefined for the family's current one. */
export function versionedSdlOfQueryFile(path: string): string | undefined {
  const dir = relative(SUBGRAPH_QUERIES_DIR, path).split(sep).slice(0, -1).join('/');
  const file = VERSIONED_QUERY_DIRS[dir];
  return file === undefined ? undefined : readFileSync(join(SUBGRAPH_SCHEMAS_DIR, file), 'utf8');
}
