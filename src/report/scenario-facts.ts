import type { CascadeResult, LiquidationRecord } from '../contagion/index.js';
import type { SnapshotInfo } from '../model/ecosystem.js';
import type { ScenarioRun } from '../pipeline/run-scenarios.js';

/**
 * Figures derived from a scenario run that more than one report format shows. Deriving them once
 * here keeps the HTML table, the Markdown table, the terminal table and the JSON in agreement.
 */

export interface ProtocolOutcome {
  protocol: string;
  liquidatedDebtUsd: number;
  seizedCollateralUsd: number;
  badDebtUsd: number;
  remainingDebtUsd: number;
}

export interface PriceMove {
  symbol: string;
  /** Recovered as shocked price ÷ multiplier, so the run alone is enough to state it. */
  snapshotPriceUsd: number;
  shockedPriceUsd: number;
  finalPriceUsd: number;
  /** Final ÷ shocked − 1: the part of the move the cascade's forced sales caused. */
  cascadeChange: number;
  /** Final ÷ snapshot − 1. */
  totalChange: number;
}

/** Protocols named anywhere in a result, in the order the solver reported them. */
export function resultProtocols(result: CascadeResult): string[] {
  const names = new Set<string>();
  for (const record of [result.liquidatedDebtUsdByProtocol, result.seizedCollateralUsdByProtocol, result.badDebtByProtocol, result.remainingDebtUsdByProtocol]) {
    for (const name of Object.keys(record)) names.add(name);
  }
  return [...names];
}

/** Protocols of all runs, first-seen order, so every table and chart lists them alike. */
export const runProtocols = (runs: readonly ScenarioRun[]): string[] => [...new Set(runs.flatMap((run) => resultProtocols(run.result)))];

/** One row per protocol; a protocol missing from one of the result's records counts 0 there. */
export function protocolOutcomes(result: CascadeResult): ProtocolOutcome[] {
  return resultProtocols(result).map((protocol) => ({
    protocol,
    liquidatedDebtUsd: result.liquidatedDebtUsdByProtocol[protocol] ?? 0,
    seizedCollateralUsd: result.seizedCollateralUsdByProtocol[protocol] ?? 0,
    badDebtUsd: result.badDebtByProtocol[protocol] ?? 0,
    remainingDebtUsd: result.remainingDebtUsdByProtocol[protocol] ?? 0,
  }));
}

/** Every asset whose price the shock or the cascade changed, largest total move first. */
export function priceMoves(run: ScenarioRun): PriceMove[] {
  const { shockedPrices, finalPrices } = run.result;
  const moves: PriceMove[] = [];
  for (const [symbol, shockedPriceUsd] of Object.entries(shockedPrices)) {
    const multiplier = run.scenario.shocks[symbol] ?? 1;
    const finalPriceUsd = finalPrices[symbol] ?? shockedPriceUsd;
    // Derived pricing moves assets the scenario does not name: the solver reports the snapshot's prices.
    const snapshotPriceUsd = run.result.snapshotPrices?.[symbol] ?? shockedPriceUsd / multiplier;
    if (snapshotPriceUsd === shockedPriceUsd && finalPriceUsd === shockedPriceUsd) continue;
    moves.push({
      symbol, snapshotPriceUsd, shockedPriceUsd, finalPriceUsd,
      cascadeChange: finalPriceUsd / shockedPriceUsd - 1,
      totalChange: finalPriceUsd / snapshotPriceUsd - 1,
    });
  }
  return moves.sort((a, b) => Math.abs(b.totalChange) - Math.abs(a.totalChange) || a.symbol.localeCompare(b.symbol));
}

/** Assets that moved in any run, ordered by their largest move in any run. */
export function movedAssets(runs: readonly ScenarioRun[]): string[] {
  const largest = new Map<string, number>();
  for (const run of runs) {
    for (const move of priceMoves(run)) largest.set(move.symbol, Math.max(largest.get(move.symbol) ?? 0, Math.abs(move.totalChange)));
  }
  return [...largest].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([symbol]) => symbol);
}

/**
 * The `count` largest liquidations by USD repaid, earliest first among equals. Empty when the run
 * kept no events (`recordEvents: false`).
 */
export function largestLiquidations(result: CascadeResult, count: number): LiquidationRecord[] {
  return result.events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.repaidUsd - a.event.repaidUsd || a.index - b.index)
    .slice(0, count)
    .map(({ event }) => event);
}

/** One account's part in a cascade, summed over its liquidations. */
export interface AccountOutcome {
  protocol: string;
  account: string;
  market: string | null;
  /** Debt the account owed when first liquidated (USD at that round's prices). */
  debtUsd: number;
  /** Health factor at its first liquidation. */
  healthFactor: number;
  firstRound: number;
  liquidations: number;
  repaidUsd: number;
  seizedUsd: number;
  badDebtUsd: number;
}

/**
 * The `count` accounts that cost the cascade most: debt repaid by liquidators plus bad debt,
 * summed over each account's liquidations (an account can be liquidated in several rounds).
 * Empty when the run kept no events.
 */
export function accountOutcomes(result: Pick<CascadeResult, 'events'>, count: number): AccountOutcome[] {
  const byAccount = new Map<string, AccountOutcome>();
  for (const e of result.events) {
    const key = `${e.protocol}\u0000${e.market ?? ''}\u0000${e.account}`;
    let row = byAccount.get(key);
    if (row === undefined) {
      byAccount.set(key, (row = {
        protocol: e.protocol, account: e.account, market: e.market, debtUsd: e.debtUsd, healthFactor: e.healthFactor,
        firstRound: e.round, liquidations: 0, repaidUsd: 0, seizedUsd: 0, badDebtUsd: 0,
      }));
    }
    row.liquidations++;
    row.repaidUsd += e.repaidUsd;
    row.seizedUsd += e.seizedUsd;
    row.badDebtUsd += e.badDebtUsd;
  }
  return [...byAccount.values()]
    .sort((a, b) => b.repaidUsd + b.badDebtUsd - (a.repaidUsd + a.badDebtUsd) || a.firstRound - b.firstRound || (a.account < b.account ? -1 : 1))
    .slice(0, count);
}

/** "snapshot #3 (2023-10-31)": how captions name the snapshot they describe. */
export const snapshotRef = (snapshot: SnapshotInfo): string => `snapshot #${snapshot.id} (${snapshot.takenAt.slice(0, 10)})`;

/** The caption suffix naming snapshot and scenario(s), plain text (each format escapes it). */
export function captionContext(snapshot: SnapshotInfo, scenarios: readonly string[]): string {
  if (scenarios.length === 0) return snapshotRef(snapshot);
  const label = scenarios.length === 1 ? 'scenario' : 'scenarios';
  return `${snapshotRef(snapshot)}, ${label} ${scenarios.join(', ')}`;
}
