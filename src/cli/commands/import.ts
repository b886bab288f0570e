import type { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultDatabasePath, importDirectory, openDatabase } from '../../store/index.js';

export function registerImport(program: Command): void {
  program
    .command('import <dir>')
    .description('load one new snapshot from a directory of CSV files (docs/import-format.md)')
    .option('--db <file>', 'DuckDB file (default data/contagion.duckdb)')
    .action(async (dir: string, options: { db?: string }) => {
      const path = options.db === undefined ? defaultDatabasePath() : resolve(options.db);
      const database = await openDatabase(path);
      try {
        const result = await importDirectory(database, dir);
        const c = result.counts;
        const what = `${c.assets} assets, ${c.protocols} protocols, ${c.markets} markets, ${c.positions} positions, ${c.liquidity} liquidity venues, ${c.liquidationEvents} liquidation events`;
        process.stdout.write(
          result.created
            ? `imported snapshot ${result.snapshotId} into ${path}: ${what}\n`
            : `already imported as snapshot ${result.snapshotId} in ${path} (identical content); nothing written\n`,
        );
      } finally {
        database.close();
      }
    });
}
