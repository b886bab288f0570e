import { z } from 'zod';
import { ReportError } from './errors.js';

/** Alert rules; each one left out is off. Shares are fractions (0.3 = 30 %). */
const alertRules = z.strictObject({
  /** Bad debt of any scheduled scenario above this (USD). */
  badDebtAboveUsd: z.number().nonnegative().optional(),
  /** Debt liquidated in any scheduled scenario's cascade above this (USD). */
  liquidationsAtRiskAboveUsd: z.number().nonnegative().optional(),
  /** A collateral asset's DEX depth (USD) fell by more than this share since the last run. */
  depthDropAbove: z.number().gt(0).lte(1).optional(),
  /** One account holds more than this share of a market's collateral. */
  accountCollateralShareAbove: z.number().gt(0).lte(1).optional(),
  /** Markets with less collateral than this (USD) are not checked for concentration (default 0). */
  accountCollateralMinUsd: z.number().nonnegative().optional(),
  /** The snapshot reported on was taken more than this many hours before the run started (indexing has stalled). */
  snapshotOlderThanHours: z.number().positive().optional(),
});

/** The `schedule` section of contagion.config.json (`contagion schedule`). */
const scheduleConfig = z.strictObject({
  /** Cron expression used when `--cron` is not given. */
  cron: z.string().min(1).optional(),
  /** Scenarios run each tick, by name or path (default: eth-drop-30); the first is the headline. */
  scenarios: z.array(z.string().min(1)).min(1).optional(),
  /** Index the config's `sources` before each run (default: true when there are sources). */
  index: z.boolean().optional(),
  /**
   * When indexing fails: 'fail' (default) records the run as failed; 'use-last' reports on the
   * newest snapshot already in the database and raises an `indexFailed` alert, so a subgraph
   * outage costs freshness, not the report.
   */
  onIndexFailure: z.enum(['fail', 'use-last']).optional(),
  alerts: alertRules.optional(),
  webhook: z
    .strictObject({
      /** May carry a secret (a token in the path or query): it is never printed. */
      url: z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
      timeoutMs: z.number().int().positive().optional(),
      /** Further attempts after a timeout, refused connection, 429 or 5xx (default 2). */
      retries: z.number().int().min(0).max(10).optional(),
      /** Wait before the first retry, doubling after each (default 1000 ms). */
      retryDelayMs: z.number().int().nonnegative().optional(),
      /** Also POST when a run fails (default true): a silent schedule is the failure a risk team notices last. */
      onFailure: z.boolean().optional(),
    })
    .optional(),
});

export type AlertRules = z.infer<typeof alertRules>;
export type ScheduleConfig = z.infer<typeof scheduleConfig>;

/** Parses the `schedule` section (absent: all defaults), naming the field at fault. */
export function parseScheduleConfig(json: unknown, origin: string): ScheduleConfig {
  const parsed = scheduleConfig.safeParse(json ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReportError(`src/report/schedule-config: ${origin}: field "schedule.${issue.path.join('.')}": ${issue.message}`.replace(/\.":/, '":'));
  }
  return parsed.data;
}
