import type { ContagionOptions } from '../contagion/index.js';
import type { SnapshotInfo } from '../model/ecosystem.js';
import type { ScenarioRun } from '../pipeline/run-scenarios.js';
import type { SnapshotSummary } from '../risk/index.js';
import type { RunHistory } from './run-history.js';

/**
 * Everything a contagion report states: which snapshot, which model with which parameters, and
 * each scenario's cascade. Report builders are pure functions of this object.
 */
export interface ReportInput {
  /** ISO time the report was generated (stamped by the caller, so builders stay pure). */
  generatedAt: string;
  snapshot: SnapshotInfo;
  summary: SnapshotSummary;
  model: {
    solver: 'reference-cascade' | 'contagion-cascade';
    options: Partial<ContagionOptions>;
  };
  runs: ScenarioRun[];
  /** Scheduled runs only: the trend over earlier runs and what changed since the last one. */
  history?: RunHistory;
}
