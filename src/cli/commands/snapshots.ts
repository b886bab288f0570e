import type { Command } from 'commander';
import { resolve } from 'node:path';
import { formatCount, formatUsdCompact } from '../../report/index.js';
import { defaultDatabasePath, listSnapshots, openDatabase } from '../../store/index.js';

/** `contagion snapshots`: every snapshot with its source, block and totals. */
export function registerSnapshots(program: Command): void {
  program
    .command('snapshots')
    .description('list every snapshot with its source, blocks and totals, overall and per protocol')
    .option('--db <file>', 'DuckDB file (default data/contagion.duckdb)')
    .option('--json', 'print as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const database = await openDatabase(options.db === undefined ? defaultDatabasePath() : resolve(options.db));
      try {
        const snapshots = await listSnapshots(database.connection);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(snapshots, null, 2)}\n`);
          return;
        }
        if (snapshots.length === 0) process.stdout.write('no snapshots yet (contagion import <dir> or contagion index)\n');
        for (const s of snapshots) {
          const blocks = Object.entries(s.blocks).map(([c, b]) => `${c} ${b}`).join(', ') || 'no blocks';
          process.stdout.write(`#${s.id}  ${s.takenAt}  ${s.source}  (${blocks})${s.label ? `\n     ${s.label}` : ''}\n`);
          const head = ['protocol', 'accounts', 'positions', 'collateral', 'supplied', 'debt', 'HF<1', 'liqs', 'liquidators'];
          const row = (name: string, t: typeof s.totals): string[] => [
            name, formatCount(t.accounts), formatCount(t.openPositions), formatUsdCompact(t.collateralUsd), formatUsdCompact(t.suppliedNotCollateralUsd),
            formatUsdCompact(t.debtUsd), formatCount(t.accountsBelowHf1), formatCount(t.liquidations), formatCount(t.liquidators),
          ];
          const table = [head, ...s.protocols.map((p) => row(p.protocol, p)), row('all', s.totals)];
          const widths = head.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
          for (const r of table) process.stdout.write(`     ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}\n`);
        }
      } finally {
        database.close();
      }
    });
}
