import { join } from 'node:path';
import type { EcosystemSnapshot } from '../../src/model/ecosystem.js';
import { importDirectory, loadSnapshot, openDatabase, projectRoot } from '../../src/store/index.js';

/** Imports a fixture directory (path from the project root) into a throwaway DuckDB and loads it back. */
export async function fixtureSnapshot(dir: string): Promise<EcosystemSnapshot> {
  const db = await openDatabase(':memory:');
  try {
    const { snapshotId } = await importDirectory(db, join(projectRoot(), dir));
    return await loadSnapshot(db.connection, snapshotId);
  } finally {
    db.close();
  }
}
