import { join, resolve } from 'node:path';
import type { DetailSource } from '../contagion/liquidity/index.js';
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import {
  defaultDatabasePath,
  embeddedDatasetDir,
  importDirectory,
  importDirectoryHash,
  latestSnapshotId,
  loadSnapshot,
  openDatabase,
  projectRoot,
  queryRows,
  type Database,
} from '../store/index.js';
import { loadLiquidityDetails } from './load-liquidity-details.js';

export interface OpenSnapshotOptions {
  /** Database file; default `data/contagion.duckdb`, seeded from the embedded dataset on first use. */
  db?: string;
  /** Import the embedded dataset when the database holds no snapshot (default: only for the default database). */
  seedEmbedded?: boolean;
  /** Snapshot id; default the newest. */
  snapshot?: number;
  /** Where progress notes go (stderr in the CLI). */
  log?: (line: string) => void;
  /** Also read each liquidity row's extra columns and ticks (what `liquidity: 'curves'` needs). */
  liquidityDetails?: boolean;
}

export interface OpenedSnapshot {
  database: Database;
  snapshot: EcosystemSnapshot;
  /** Parallel to `snapshot.liquidity`, when asked for (`runScenarios` takes them). */
  liquidityDetails?: DetailSource[];
}

/**
 * Opens a database and loads one snapshot. The default database is created from the embedded
 * dataset (`data/ecosystem/`) the first time it is used, so a fresh clone runs with no set-up;
 * a database named with `--db` is used as it is unless `seedEmbedded` is set. `db: ':memory:'` with
 * `seedEmbedded: true` gives a private copy of the embedded snapshot (notebooks, tests).
 */
export async function openSnapshot(options: OpenSnapshotOptions = {}): Promise<OpenedSnapshot> {
  const usingDefault = options.db === undefined;
  const path = usingDefault ? defaultDatabasePath() : options.db === ':memory:' ? ':memory:' : resolve(options.db!);
  const database = await openDatabase(path);
  try {
    if (options.seedEmbedded ?? usingDefault) await ensureEmbeddedSnapshot(database, options.log);
    const id = options.snapshot ?? (await latestSnapshotId(database.connection));
    const snapshot = await loadSnapshot(database.connection, id);
    if (!options.liquidityDetails) return { database, snapshot };
    return { database, snapshot, liquidityDetails: await loadLiquidityDetails(database, snapshot) };
  } catch (error) {
    database.close();
    throw error;
  }
}

/**
 * Makes sure `database` holds the current embedded dataset: imported on first use, and again
 * (as a new snapshot) when data/ecosystem/ has changed since; recognised by content hash otherwise.
 */
export async function ensureEmbeddedSnapshot(database: Database, log: (line: string) => void = () => {}): Promise<void> {
  const known = await queryRows(database.connection, 'import/snapshot-by-hash', [importDirectoryHash(embeddedDatasetDir())]);
  if (known.length > 0) return;
  const rows = await queryRows(database.connection, 'snapshot/latest-id');
  const first = rows[0]?.id === null || rows[0]?.id === undefined;
  log(`contagion: ${first ? 'first run' : 'the embedded dataset has changed'}: importing ${embeddedDatasetDir()} into ${database.path}`);
  const result = await importDirectory(database, embeddedDatasetDir());
  log(`contagion: snapshot ${result.snapshotId}: ${result.counts.positions} positions, ${result.counts.protocols} protocols, ${result.counts.assets} assets`);
}

/** Bundled scenarios live in `data/scenarios/`. */
export const scenariosDir = (): string => join(projectRoot(), 'data', 'scenarios');

