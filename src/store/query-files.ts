import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError } from './errors.js';
import { queriesDir } from './project-paths.js';

const cache = new Map<string, string>();

/**
 * The text of `queries/<name>.sql`. SQL lives in files shared by the CLI and the notebooks; this is
 * the one place that reads them.
 */
export function sqlFile(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const path = join(queriesDir(), `${name}.sql`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new StoreError(`no query file queries/${name}.sql`);
  }
  cache.set(name, text);
  return text;
}

/** Schema migrations, `queries/schema/NNN_name.sql`, in the order they apply. */
export function schemaMigrationFiles(): { version: number; name: string; sql: string }[] {
  const dir = join(queriesDir(), 'schema');
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/** The text of `queries/<name>.graphql` (subgraph queries). */
export function graphqlFile(name: string): string {
  const key = `${name}.graphql`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const path = join(queriesDir(), key);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new StoreError(`no query file queries/${key}`);
  }
  cache.set(key, text);
  return text;
}
