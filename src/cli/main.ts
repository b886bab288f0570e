/**
 * `contagion` command line. The pipeline, end to end:
 *
 *   data/ecosystem/*.csv ──import──▶ DuckDB (queries/schema, one snapshot per import)
 *   subgraphs (issue 3) ──index───▶        │
 *                                         ▼ queries/snapshot/*.sql, read as typed columns
 *                              EcosystemSnapshot (src/model)
 *                 ┌───────────────────────┼───────────────────────┐
 *                 ▼                       ▼                       ▼
 *     buildExposureGraph (src/graph)  accountHealth (src/risk)  referenceCascade (src/contagion)
 *                                                                 ▲ scenario (data/scenarios)
 *                                                                 ▼
 *                                 summary text · report.html / report.md / report.json (src/report)
 *
 * I/O happens only here, in src/store and in the report writer; everything between is pure.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { registerClearing } from './commands/clearing.js';
import { registerGraph } from './commands/graph.js';
import { registerImport } from './commands/import.js';
import { registerIndex } from './commands/index-command.js';
import { registerMap } from './commands/map.js';
import { registerMargin } from './commands/margin.js';
import { registerPrice } from './commands/price.js';
import { registerRank } from './commands/rank.js';
import { registerReport } from './commands/report.js';
import { registerRun } from './commands/run.js';
import { registerSchedule } from './commands/schedule.js';
import { registerScenarios } from './commands/scenarios.js';
import { registerSnapshots } from './commands/snapshots.js';
import { registerTwapAttack } from './commands/twap-attack.js';

const program = new Command()
  .name('contagion')
  .description('Systemic-risk analyzer: cross-protocol liquidation cascades on DeFi lending snapshots')
  .showHelpAfterError()
  .exitOverride();

registerRun(program);
registerReport(program);
registerImport(program);
registerIndex(program);
registerSnapshots(program);
registerScenarios(program);
registerGraph(program);
registerMap(program);
registerPrice(program);
registerMargin(program);
registerRank(program);
registerClearing(program);
registerTwapAttack(program);
registerSchedule(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof InvalidArgumentError) {
    // Thrown by an action checking its flags together (commander printed nothing for it).
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 2;
  } else if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`${(error as Error).message}\n`);
    if (process.env.CONTAGION_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 1;
  }
}
