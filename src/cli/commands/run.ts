import type { Command } from 'commander';
import { openSnapshot, runScenarios, loadScenarios, usesCurves } from '../../pipeline/index.js';
import { formatRunSummary } from '../../report/index.js';
import { DEFAULT_SCENARIO } from '../../scenarios/index.js';
import { addModelFlags, modelOverrides, type ModelFlags } from '../model-flags.js';
import { addSnapshotOptions, logToStderr, positiveInteger, type SnapshotOptions } from '../options.js';

interface RunOptions extends SnapshotOptions, ModelFlags {
  scenario: string;
  json?: boolean;
  events?: boolean;
}

export function registerRun(program: Command): void {
  addModelFlags(addSnapshotOptions(
    program
      .command('run')
      .description('run the contagion solver (the reference cascade unless model flags or the scenario say otherwise) for one scenario and print what it did')
      .option('--scenario <name|file>', 'bundled scenario name (see `contagion scenarios`) or a scenario JSON file', DEFAULT_SCENARIO)
      .option('--json', 'print the result object as JSON on stdout')
      .option('--events', 'with --json, include one record per liquidation under "events"')
      .option('--max-rounds <n>', 'stop after this many rounds (default 100)', positiveInteger),
  )).action(async (options: RunOptions) => {
    const [scenario] = loadScenarios([options.scenario]);
    const overrides = { ...modelOverrides(options), recordEvents: true };
    const { database, snapshot, liquidityDetails } = await openSnapshot({
      db: options.db, snapshot: options.snapshot, log: logToStderr, liquidityDetails: usesCurves([scenario!], overrides),
    });
    database.close();
    const [run] = runScenarios(snapshot, [scenario!], overrides, { liquidityDetails });
    for (const warning of run!.warnings) logToStderr(warning);
    if (options.json) {
      const { events, ...result } = run!.result;
      const out = { scenario: run!.scenario.name, snapshotId: snapshot.info.id, ...result, ...(options.events ? { events } : {}) };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      process.stdout.write(formatRunSummary(snapshot.info, [run!]));
    }
  });
}
