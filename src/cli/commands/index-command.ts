import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadIndexerConfig, runIndex } from '../../indexers/index.js';
import { defaultDatabasePath, openDatabase, projectRoot } from '../../store/index.js';
import { indexProgressPrinter } from '../progress.js';
import { positiveInteger } from '../options.js';

interface IndexCommandOptions {
  config?: string;
  db?: string;
  source?: string[];
  chain?: string;
  block?: number;
  resume?: boolean;
  json?: boolean;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** `contagion index`: read the configured subgraphs at one block into a new snapshot. */
export function registerIndex(program: Command): void {
  program
    .command('index')
    .description('read the configured subgraph sources at one block into one new snapshot (contagion.config.json)')
    .option('--config <file>', 'config file (default contagion.config.json in the current folder, else the project root)')
    .option('--db <file>', 'DuckDB file (default data/contagion.duckdb)')
    .option('--source <name>', 'only this source; repeat for several', collect)
    .option('--chain <name>', 'only sources on this chain')
    .option('--block <n>', 'read at this block instead of each chain\'s indexed head', positiveInteger)
    .option('--resume', 'continue the interrupted run from its last committed page')
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (options: IndexCommandOptions) => {
      const configPath = options.config ?? defaultConfigPath();
      const config = loadIndexerConfig(configPath);
      const database = await openDatabase(options.db === undefined ? defaultDatabasePath() : resolve(options.db));
      try {
        const started = Date.now();
        const result = await runIndex(database, {
          config,
          ...(options.source ? { sourceNames: options.source } : {}),
          ...(options.chain ? { chain: options.chain } : {}),
          ...(options.block === undefined ? {} : { block: options.block }),
          resume: options.resume === true,
          onProgress: indexProgressPrinter(),
        });
        for (const warning of result.warnings) process.stderr.write(`${warning}\n`);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const rows = result.entities.reduce((s, e) => s + e.rows, 0);
        const pages = result.entities.reduce((s, e) => s + e.pages, 0);
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(
          `${result.created ? `published snapshot ${result.snapshotId}` : `identical to snapshot ${result.snapshotId}; nothing new written`} ` +
            `(run ${result.runId}${result.resumed ? ', resumed' : ''}): ${rows.toLocaleString('en-US')} entities in ${pages} pages from ` +
            `${new Set(result.entities.map((e) => e.source)).size} source(s) in ${seconds.toFixed(1)} s, ${result.retries} retries\n`,
        );
      } finally {
        database.close();
      }
    });
}

function defaultConfigPath(): string {
  const local = resolve('contagion.config.json');
  return existsSync(local) ? local : resolve(projectRoot(), 'contagion.config.json');
}
