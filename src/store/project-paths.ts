import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, found by walking up from this module to the package.json named
 * "contagion". Works from the TypeScript sources, from the notebook bundle in dist/ and from tests.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name: unknown = JSON.parse(readFileSync(manifest, 'utf8')).name;
      if (name === 'contagion') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('contagion/store/project-paths: no package.json named "contagion" above this module');
    dir = parent;
  }
}

export const queriesDir = (): string => join(projectRoot(), 'queries');

/** The default database file, `data/contagion.duckdb` under the project root. */
export const defaultDatabasePath = (): string => join(projectRoot(), 'data', 'contagion.duckdb');

/** The embedded default dataset, in the import format. */
export const embeddedDatasetDir = (): string => join(projectRoot(), 'data', 'ecosystem');

export const resolveFromCwd = (path: string): string => resolve(process.cwd(), path);
