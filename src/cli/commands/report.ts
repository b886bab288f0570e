import type { Command } from 'commander';
import { resolve } from 'node:path';
import { cascadeOptions, loadScenarios, openSnapshot, runScenarios, usesCurves } from '../../pipeline/index.js';
import { defaultReportDir, formatRunSummary, writeReport, type ReportInput } from '../../report/index.js';
import { summarizeSnapshot } from '../../risk/index.js';
import { DEFAULT_SCENARIO } from '../../scenarios/index.js';
import { projectRoot } from '../../store/index.js';
import { addModelFlags, modelOverrides, type ModelFlags } from '../model-flags.js';
import { addSnapshotOptions, logToStderr, positiveInteger, type SnapshotOptions } from '../options.js';

interface ReportOptions extends SnapshotOptions, ModelFlags {
  scenario: string[];
  out?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** `contagion report`: run one or more scenarios and write report.html, report.md and report.json. */
export function registerReport(program: Command): void {
  addModelFlags(addSnapshotOptions(
    program
      .command('report')
      .description('run scenarios and write a self-contained HTML report, a Markdown report with SVG charts, and JSON')
      .option('--scenario <name|file>', `scenario to include; repeat for several (default ${DEFAULT_SCENARIO})`, collect)
      .option('--out <dir>', 'output folder (default reports/<timestamp>/)')
      .option('--max-rounds <n>', 'stop each cascade after this many rounds (default 100)', positiveInteger),
  )).action(async (options: ReportOptions) => {
    const scenarios = loadScenarios(options.scenario ?? [DEFAULT_SCENARIO]);
    const overrides = modelOverrides(options);
    const { database, snapshot, liquidityDetails } = await openSnapshot({
      db: options.db, snapshot: options.snapshot, log: logToStderr, liquidityDetails: usesCurves(scenarios, overrides),
    });
    database.close();
    const runs = runScenarios(snapshot, scenarios, overrides, { liquidityDetails });
    for (const run of runs) for (const warning of run.warnings) logToStderr(warning);
    const generatedAt = new Date().toISOString();
    const input: ReportInput = {
      generatedAt,
      snapshot: snapshot.info,
      summary: summarizeSnapshot(snapshot),
      // Per scenario, its own model options are in the JSON report; the header states the shared ones.
      model: { solver: 'contagion-cascade', options: runs[0]?.result.options ?? cascadeOptions(overrides) },
      runs,
    };
    const outDir = options.out === undefined ? defaultReportDir(generatedAt, projectRoot()) : resolve(options.out);
    const written = await writeReport(input, outDir);
    process.stdout.write(formatRunSummary(snapshot.info, runs));
    process.stdout.write(`\nreport written to ${written.dir}\n${written.files.map((f) => `  ${f}`).join('\n')}\n`);
  });
}
