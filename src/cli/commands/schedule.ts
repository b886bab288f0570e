import type { Command } from 'commander';
import { Cron } from 'croner';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runIndex } from '../../indexers/index.js';
import { cascadeOptions, loadScenarios, openSnapshot, runScenarios, usesCurves } from '../../pipeline/index.js';
import {
  changesMarkdown, evaluateAlerts, formatRunSummary, runDiff, runMetrics, trendPoints, writeReport,
  type FiredAlert, type ReportInput, type RunHistory, type RunMetrics,
} from '../../report/index.js';
import { summarizeSnapshot } from '../../risk/index.js';
import { DEFAULT_SCENARIO } from '../../scenarios/index.js';
import {
  defaultDatabasePath, latestScheduledRun, listScheduledRuns, markScheduledRunFailed, openDatabase, projectRoot, recordScheduledRun,
} from '../../store/index.js';
import { logToStderr } from '../options.js';
import { acquireScheduleLock, ScheduleOverlapError } from '../schedule-lock.js';
import { notify, redactUrl } from '../schedule-webhook.js';
import { loadScheduleSettings, type ScheduleSettings } from '../schedule-settings.js';

interface ScheduleOptions {
  cron?: string;
  once?: boolean;
  config?: string;
  db?: string;
  out?: string;
}

/** Exit codes: an alert fired (3), the run was refused because another holds the lock (4). */
export const EXIT_ALERT = 3;
export const EXIT_OVERLAP = 4;

/**
 * `contagion schedule`: on a cron schedule (or once, now), index (when the config has sources),
 * run the scheduled scenarios, write the report with `changes.md` (trend and diff against the
 * previous run), record the run in `runs`, evaluate the alert rules and POST fired alerts to the
 * webhook. One run at a time: croner's `protect` within the process, a lock file across processes.
 */
export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('index → scenarios → report on a cron schedule, recording each run and raising alerts (config section "schedule")')
    .option('--cron <expr>', 'cron expression, e.g. "0 */6 * * *" (default: schedule.cron in the config)')
    .option('--once', 'run one tick now and exit (non-zero when an alert fired)')
    .option('--config <file>', 'config file (default contagion.config.json in the current folder, else the project root)')
    .option('--db <file>', 'DuckDB file (default data/contagion.duckdb)')
    .option('--out <dir>', 'folder for the runs\' reports, one sub-folder per run (default reports/)')
    .action(async (options: ScheduleOptions) => {
      const settings = loadScheduleSettings(options.config);
      const cron = options.cron ?? settings.schedule.cron;
      if (cron === undefined) throw new Error('src/cli/commands/schedule: no schedule: give --cron or schedule.cron in the config');
      const dbPath = options.db === undefined ? defaultDatabasePath() : resolve(options.db);
      const tick = (): Promise<number> => guardedTick(settings, dbPath, options);
      try {
        new Cron(cron, { paused: true }).stop(); // checks the expression
      } catch (error) {
        throw new Error(`src/cli/commands/schedule: --cron ${JSON.stringify(cron)}: ${(error as Error).message}`);
      }
      if (options.once) {
        process.exitCode = await tick();
        return;
      }
      await new Promise<void>((done) => {
        const job = new Cron(cron, { protect: () => logToStderr('contagion schedule: previous run still going; this tick skipped') }, async () => {
          const code = await tick().catch((error: Error) => {
            logToStderr(`contagion schedule: ${error.message}`);
            return 1;
          });
          if (code !== 0) logToStderr(`contagion schedule: run ended with code ${code}; next at ${job.nextRun()?.toISOString() ?? 'never'}`);
        });
        logToStderr(`contagion schedule: "${cron}", next run at ${job.nextRun()?.toISOString() ?? 'never'} (Ctrl-C to stop)`);
        process.once('SIGINT', () => {
          job.stop();
          logToStderr('contagion schedule: stopped');
          done();
        });
      });
    });
}

/** One tick under the lock; returns its exit code instead of throwing, so that cron mode carries on. */
async function guardedTick(settings: ScheduleSettings, dbPath: string, options: ScheduleOptions): Promise<number> {
  let release: () => void;
  try {
    release = acquireScheduleLock(`${dbPath}.schedule.lock`);
  } catch (error) {
    if (!(error instanceof ScheduleOverlapError)) throw error;
    logToStderr(`contagion schedule: ${error.message}`);
    return EXIT_OVERLAP;
  }
  const startedAt = new Date().toISOString();
  try {
    return await scheduledRun(settings, dbPath, options, startedAt);
  } catch (error) {
    const message = redactUrl((error as Error).message, settings.schedule.webhook?.url);
    logToStderr(`contagion schedule: run failed: ${message}`);
    const runId = error instanceof RecordedRunFailure ? error.runId : await recordFailure(dbPath, startedAt).catch((e: Error) => {
      logToStderr(`contagion schedule: could not record the failed run: ${e.message}`);
      return null;
    });
    if (settings.schedule.webhook?.onFailure !== false) await notify(settings.schedule, { event: 'failed', runId, startedAt, error: message });
    return 1;
  } finally {
    release();
  }
}

async function scheduledRun(settings: ScheduleSettings, dbPath: string, options: ScheduleOptions, startedAt: string): Promise<number> {
  const { schedule, indexer } = settings;
  const indexFailure = indexer === null ? null : await indexSources(indexer, schedule, dbPath);
  const scenarios = loadScenarios(schedule.scenarios ?? [DEFAULT_SCENARIO]);
  const { database, snapshot, liquidityDetails } = await openSnapshot({
    ...(options.db === undefined ? {} : { db: dbPath }), log: logToStderr, liquidityDetails: usesCurves(scenarios),
  });
  try {
    const runs = runScenarios(snapshot, scenarios, {}, { liquidityDetails });
    for (const run of runs) for (const warning of run.warnings) logToStderr(warning);
    const current = runMetrics(snapshot, runs);
    const previous = (await latestScheduledRun(database.connection)) as (RunMetrics & { runId: number }) | null;
    const changes = previous === null ? [] : runDiff(previous, current);
    const alerts = [
      ...(indexFailure === null ? [] : [indexFailure]),
      ...evaluateAlerts(schedule.alerts ?? {}, current, previous, { startedAt, snapshotTakenAt: snapshot.info.takenAt }),
    ];
    const input: ReportInput = {
      generatedAt: startedAt, snapshot: snapshot.info, summary: summarizeSnapshot(snapshot),
      model: { solver: 'contagion-cascade', options: runs[0]?.result.options ?? cascadeOptions({}) }, runs,
    };
    const outRoot = options.out === undefined ? join(projectRoot(), 'reports') : resolve(options.out);
    const reportDir = join(outRoot, startedAt.replace(/:/g, '-'));
    const headline = current.scenarios[0];
    // Recorded before the report is written, so that the report's trend includes this run under its id.
    const runId = await recordScheduledRun(database.connection, {
      startedAt, finishedAt: new Date().toISOString(), status: alerts.length > 0 ? 'alert' : 'ok', snapshotId: current.snapshotId,
      scenario: headline?.name ?? null, totalBadDebtUsd: headline?.totalBadDebtUsd ?? null, liquidatedDebtUsd: headline?.liquidatedDebtUsd ?? null,
      metrics: current, alerts, reportDir,
    });
    const recorded = await listScheduledRuns(database.connection);
    const history: RunHistory = {
      currentRunId: runId, previousRunId: previous?.runId ?? null, changes, alerts, trend: trendPoints(recorded),
      runs: recorded.map(({ scenarios: _scenarios, ...row }) => row),
    };
    let written: { dir: string };
    try {
      written = await writeReport({ ...input, history }, reportDir);
      await writeFile(join(written.dir, 'changes.md'), changesMarkdown(history.runs, changes, alerts), 'utf8');
    } catch (error) {
      // Without its report the run cannot be the next run's baseline.
      await markScheduledRunFailed(database.connection, runId);
      throw new RecordedRunFailure(runId, error);
    }
    process.stdout.write(formatRunSummary(snapshot.info, runs));
    process.stdout.write(`\nrun ${runId}: report written to ${written.dir}\n`);
    process.stdout.write(changes.length > 0 ? `changes since run ${previous!.runId}:\n${changes.map((c) => `  ${c}\n`).join('')}` : 'no earlier run to compare with\n');
    if (alerts.length === 0) return 0;
    process.stdout.write(`alerts:\n${alerts.map((a) => `  ${a.rule}: ${a.message}\n`).join('')}`);
    await notify(schedule, { event: 'alert', runId, startedAt, snapshotId: current.snapshotId, reportDir: written.dir, changes, alerts });
    return EXIT_ALERT;
  } finally {
    database.close();
  }
}

/**
 * Indexes the config's sources into the database. A failure ends the run, unless the schedule says
 * `onIndexFailure: "use-last"`: then it becomes an `indexFailed` alert and the run goes on with
 * the newest snapshot the database holds.
 */
async function indexSources(indexer: NonNullable<ScheduleSettings['indexer']>, schedule: ScheduleSettings['schedule'], dbPath: string): Promise<FiredAlert | null> {
  const database = await openDatabase(dbPath);
  try {
    const indexed = await runIndex(database, { config: indexer });
    for (const warning of indexed.warnings) logToStderr(warning);
    logToStderr(`contagion schedule: indexed snapshot ${indexed.snapshotId}${indexed.created ? '' : ' (unchanged)'}`);
    return null;
  } catch (error) {
    if (schedule.onIndexFailure !== 'use-last') throw error;
    const reason = redactUrl((error as Error).message, schedule.webhook?.url);
    logToStderr(`contagion schedule: indexing failed, reporting on the newest snapshot in the database: ${reason}`);
    return { rule: 'indexFailed', subject: 'index', value: 1, threshold: 0, message: `indexing failed (${reason}); this report uses the newest snapshot already in the database` };
  } finally {
    database.close();
  }
}

/** A run that failed after it was recorded (and marked failed): not to be recorded twice. */
class RecordedRunFailure extends Error {
  constructor(readonly runId: number, cause: unknown) {
    super((cause as Error).message, { cause });
  }
}

async function recordFailure(dbPath: string, startedAt: string): Promise<number> {
  const database = await openDatabase(dbPath);
  try {
    return await recordScheduledRun(database.connection, {
      startedAt, finishedAt: new Date().toISOString(), status: 'failed', snapshotId: null, scenario: null, totalBadDebtUsd: null,
      liquidatedDebtUsd: null, metrics: { scenarios: [], depthUsd: {}, collateralShares: [] }, alerts: [], reportDir: null,
    });
  } finally {
    database.close();
  }
}
