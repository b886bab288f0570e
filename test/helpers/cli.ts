import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { ContagionOptions } from '../../src/contagion/index.js';

const exec = promisify(execFile);
const BIN = join(process.cwd(), 'bin', 'contagion.mjs');

export interface CliOutput {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs the CLI as a user would (node bin/contagion.mjs …), never failing: the exit code is returned. */
export async function contagion(...args: string[]): Promise<CliOutput> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { cwd: process.cwd(), maxBuffer: 256 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/**
 * A private database holding the embedded dataset (data/ecosystem) as snapshot 1: `copy()` hands out
 * copies of it (a DuckDB file is locked by the process that opens it, so CLI runs in parallel each
 * get their own, and the repository's default database is never touched); `dispose()` deletes them.
 */
export async function embeddedDatabase(): Promise<{ copy: () => string; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'contagion-embedded-'));
  const db = join(dir, 'embedded.duckdb');
  const imported = await contagion('import', 'data/ecosystem', '--db', db);
  if (imported.code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`importing data/ecosystem failed: ${imported.stderr}`);
  }
  let copies = 0;
  return {
    copy: () => {
      const copy = join(dir, `copy-${copies++}.duckdb`);
      copyFileSync(db, copy);
      return copy;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `jobs` at most `limit` at a time (each CLI run loads the whole snapshot; the machines running tests may be small). */
export async function inParallel<T>(jobs: readonly (() => Promise<T>)[], limit = 3): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const j = next++;
      out[j] = await jobs[j]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

/** The parts of `contagion run --json` these tests read. */
export interface RunEvent {
  round: number;
  protocol: string;
  account: string;
  debtUsd: number;
  repaidUsd: number;
  seizedUsd: number;
  badDebtUsd: number;
  remainingDebtUsd: number;
}
export interface RunRound {
  round: number;
  prices: Record<string, number>;
  pricesAfter: Record<string, number>;
  soldUnits: Record<string, number>;
  liquidatedDebtUsdByProtocol: Record<string, number>;
}
export interface RunJson {
  scenario: string;
  rounds: number;
  totalBadDebtUsd: number;
  badDebtByProtocol: Record<string, number>;
  liquidatedDebtUsdByProtocol: Record<string, number>;
  finalPrices: Record<string, number>;
  shockedPrices: Record<string, number>;
  trace: RunRound[];
  options: ContagionOptions;
  losses: Record<string, { badDebtUsd: number; insuranceAbsorbedUsd: number; socialisedUsd: number; supplierHaircut: number; insuranceFundUsd: number }> | null;
  oracleLagLossUsd?: number;
  unliquidatedDebtUsd: number;
  latentBadDebtUsd: number;
  events?: RunEvent[];
}

export const close = (actual: number, expected: number, what: string, relative = 1e-9): void => {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(actual), Math.abs(expected)));
};
export const cents = (usd: number): number => Math.sign(usd) * Math.round(Math.abs(usd) * 100);

/** The solver options a run without model flags echoes (CONTAGION_DEFAULTS, the parts these tests check). */
export const DEFAULT_OPTIONS = { arbitrageInflow: 0, liquidatorCapacity: null, gas: null, insuranceFunds: false, oracle: null, pricedSalesFrom: null, maxRounds: 100 } as const;
