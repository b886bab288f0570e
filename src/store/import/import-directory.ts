import type { Database } from '../database.js';
import { queryRows } from '../database.js';
import type { SnapshotRows } from '../snapshot-rows.js';
import { writeSnapshot } from '../write-snapshot.js';
import { importDirectoryHash, readImportDirectory } from './read-import-directory.js';

export interface ImportResult {
  snapshotId: number;
  /** false when an identical directory had been imported before and nothing was written. */
  created: boolean;
  counts: { assets: number; protocols: number; markets: number; positions: number; liquidity: number; liquidationEvents: number };
}

/**
 * `contagion import <dir>`: validate the whole directory, then write it as one new snapshot in one
 * transaction. Idempotent: a directory whose content hash is already stored is not written again.
 */
export async function importDirectory(db: Database, dir: string): Promise<ImportResult> {
  const existing = await queryRows(db.connection, 'import/snapshot-by-hash', [importDirectoryHash(dir)]);
  const rows = readImportDirectory(dir);
  const counts = countRows(rows);
  if (existing.length > 0) return { snapshotId: Number(existing[0]!.id), created: false, counts };
  const snapshotId = await writeSnapshot(db.connection, rows);
  return { snapshotId, created: true, counts };
}

function countRows(rows: SnapshotRows): ImportResult['counts'] {
  return {
    assets: rows.assets.length,
    protocols: rows.protocols.length,
    markets: rows.markets.length,
    positions: rows.positions.length,
    liquidity: rows.liquidity.length,
    liquidationEvents: rows.liquidationEvents.length,
  };
}
