import type { Command } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildExposureGraph } from '../../graph/index.js';
import { loadScenarios, openSnapshot, runScenarios, type ScenarioRun } from '../../pipeline/index.js';
import { defaultReportDir } from '../../report/index.js';
import { exposureMapData, exposureMapHtml, receiptIssuers } from '../../report/map/index.js';
import { projectRoot } from '../../store/index.js';
import { addSnapshotOptions, logToStderr, type SnapshotOptions } from '../options.js';

interface MapOptions extends SnapshotOptions {
  scenario?: string;
  out?: string;
}

/** `contagion map`: the exposure graph as one interactive HTML page (map.html). */
export function registerMap(program: Command): void {
  addSnapshotOptions(
    program
      .command('map')
      .description('write a self-contained interactive HTML map of the exposure graph (map.html)')
      .option('--scenario <name|file>', 'scenario whose contagion paths a click on a protocol highlights (default: the potential paths)')
      .option('--out <dir>', 'output folder (default reports/<timestamp>/)'),
  ).action(async (options: MapOptions) => {
    const { database, snapshot } = await openSnapshot({ db: options.db, snapshot: options.snapshot, log: logToStderr });
    database.close();
    let run: ScenarioRun | undefined;
    if (options.scenario !== undefined) {
      run = runScenarios(snapshot, loadScenarios([options.scenario]))[0]!;
      for (const warning of run.warnings) logToStderr(warning);
    }
    const graph = buildExposureGraph(snapshot);
    const data = exposureMapData(graph, snapshot.info, run, { paths: { issuers: receiptIssuers(snapshot.assets) } });
    const generatedAt = new Date().toISOString();
    const dir = options.out === undefined ? defaultReportDir(generatedAt, projectRoot()) : resolve(options.out);
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'map.html');
    await writeFile(file, exposureMapHtml(data));
    process.stdout.write(`map of ${data.nodes.length} nodes and ${data.edges.length} edges (${data.accountsDrawn} of ${data.accounts} accounts drawn one by one) written to ${file}\n`);
  });
}
