import type { Command } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildExposureGraph } from '../../graph/index.js';
import { cascadeOptions, loadScenarios, openSnapshot, runScenarios, usesCurves, type ScenarioRun } from '../../pipeline/index.js';
import { defaultReportDir } from '../../report/index.js';
import { exposureMapData, exposureMapHtml, receiptIssuers } from '../../report/map/index.js';
import { projectRoot } from '../../store/index.js';
import { addModelFlags, modelOverrides, type ModelFlags } from '../model-flags.js';
import { addSnapshotOptions, logToStderr, type SnapshotOptions } from '../options.js';

interface MapOptions extends SnapshotOptions, ModelFlags {
  scenario?: string;
  out?: string;
}

/** `contagion map`: the exposure graph as one interactive HTML page (map.html). */
export function registerMap(program: Command): void {
  addModelFlags(addSnapshotOptions(
    program
      .command('map')
      .description('write a self-contained interactive HTML map of the exposure graph (map.html)')
      .option('--scenario <name|file>', 'scenario whose contagion paths a click on a protocol highlights (default: the potential paths)')
      .option('--out <dir>', 'output folder (default reports/<timestamp>/)'),
  )).action(async (options: MapOptions) => {
    // The paths come from the same solver, with the same model flags, as `contagion run` and `report`.
    const scenarios = options.scenario === undefined ? [] : loadScenarios([options.scenario]);
    const overrides = modelOverrides(options);
    const { database, snapshot, liquidityDetails } = await openSnapshot({
      db: options.db, snapshot: options.snapshot, log: logToStderr, liquidityDetails: usesCurves(scenarios, overrides),
    });
    database.close();
    let run: ScenarioRun | undefined;
    if (scenarios.length > 0) {
      run = runScenarios(snapshot, scenarios, overrides, { liquidityDetails })[0]!;
      for (const warning of run.warnings) logToStderr(warning);
    }
    const graph = buildExposureGraph(snapshot);
    const model = { solver: 'contagion-cascade' as const, options: run?.result.options ?? cascadeOptions(overrides) };
    const data = exposureMapData(graph, snapshot.info, run, { paths: { issuers: receiptIssuers(snapshot.assets) }, model });
    const generatedAt = new Date().toISOString();
    const dir = options.out === undefined ? defaultReportDir(generatedAt, projectRoot()) : resolve(options.out);
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'map.html');
    await writeFile(file, exposureMapHtml(data));
    process.stdout.write(`map of ${data.nodes.length} nodes and ${data.edges.length} edges (${data.accountsDrawn} of ${data.accounts} accounts drawn one by one) written to ${file}\n`);
  });
}
