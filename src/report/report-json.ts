import type { CascadeResult, LiquidationRecord } from '../contagion/index.js';
import type { SnapshotInfo } from '../model/ecosystem.js';
import type { SnapshotSummary } from '../risk/index.js';
import type { ReportInput } from './report-input.js';
import type { RunHistory } from './run-history.js';
import { accountOutcomes, largestLiquidations, type AccountOutcome } from './scenario-facts.js';

/** Liquidation events kept per scenario in `report.json` (the full list can run to thousands). */
export const TOP_LIQUIDATIONS = 20;
/** Accounts kept per scenario in `report.json`'s `topAccounts`. */
export const TOP_ACCOUNTS = 20;

/**
 * `T` as it reads back from JSON: every `number` may be `null`. JSON has no `Infinity` or `NaN`,
 * and `JSON.stringify` would silently write them as `null` anyway; `reportJson` does it
 * explicitly and the type says so. Where they occur: `summary.protocols[].minHealthFactor` is
 * `Infinity` for a protocol without borrowers, and a `NaN` can reach a result from an unknown
 * protocol parameter. Every finite number is written as is, so totals round-trip exactly.
 */
export type JsonSafe<T> = T extends number
  ? number | null
  : T extends readonly (infer U)[]
    ? JsonSafe<U>[]
    : T extends object
      ? { [K in keyof T]: JsonSafe<T[K]> }
      : T;

/** A cascade result without its per-liquidation `events` (`liquidations` still counts them). */
export type ReportResult = Omit<CascadeResult, 'events'>;

export interface ReportJsonScenario {
  name: string;
  description: string;
  /** Where the scenario's numbers come from (empty when it names none). */
  sources: string[];
  shocks: Record<string, number>;
  /** Market pegs of derived assets the scenario breaks (empty when none). */
  pegs: Record<string, number>;
  warnings: string[];
  result: ReportResult;
  /** The `TOP_LIQUIDATIONS` largest liquidations by USD repaid; empty when events were not recorded. */
  topLiquidations: LiquidationRecord[];
  /** The `TOP_ACCOUNTS` accounts whose liquidations cost most (repaid + bad debt, summed per account). */
  topAccounts: AccountOutcome[];
}

export interface ReportJsonShape {
  generatedAt: string;
  snapshot: SnapshotInfo;
  model: ReportInput['model'];
  summary: SnapshotSummary;
  scenarios: ReportJsonScenario[];
  /** Scheduled runs only: trend over the recorded runs, what changed, the alerts that fired. */
  history?: RunHistory;
}

export type ReportJson = JsonSafe<ReportJsonShape>;

/** Replaces every non-finite number in a JSON-like value with `null`, leaving the rest as is. */
export function toJsonSafe<T>(value: T): JsonSafe<T> {
  if (typeof value === 'number') return (Number.isFinite(value) ? value : null) as JsonSafe<T>;
  if (Array.isArray(value)) return value.map((item) => toJsonSafe(item)) as JsonSafe<T>;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toJsonSafe(item);
    return out as JsonSafe<T>;
  }
  return value as JsonSafe<T>;
}

/** The report as a JSON-ready object: `JSON.stringify(reportJson(input))` is `report.json`. */
export function reportJson(input: ReportInput): ReportJson {
  return toJsonSafe<ReportJsonShape>({
    generatedAt: input.generatedAt,
    snapshot: input.snapshot,
    model: input.model,
    summary: input.summary,
    scenarios: input.runs.map(({ scenario, result, warnings }) => {
      const { events: _events, ...withoutEvents } = result;
      return {
        name: scenario.name,
        description: scenario.description,
        sources: scenario.sources ?? [],
        shocks: scenario.shocks,
        pegs: scenario.pegs ?? {},
        warnings,
        result: withoutEvents,
        topLiquidations: largestLiquidations(result, TOP_LIQUIDATIONS),
        topAccounts: accountOutcomes(result, TOP_ACCOUNTS),
      };
    }),
    ...(input.history === undefined ? {} : { history: input.history }),
  });
}

/** `report.json`'s text: two-space indented, newline-terminated. */
export const reportJsonText = (input: ReportInput): string => `${JSON.stringify(reportJson(input), null, 2)}\n`;
