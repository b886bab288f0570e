import { formatUsd } from './format.js';
import type { RunMetrics, ScenarioMetrics } from './run-metrics.js';

/** Changes smaller than this (USD) are "unchanged". */
const EPSILON_USD = 0.5;

/**
 * What changed since the previous scheduled run, as sentences, one per scenario run both times,
 * e.g. "bad debt under eth-drop-30 rose from $1.2M to $3.4M; main driver: aave-v3 (+$2.2M)".
 * The driver is the protocol whose bad debt moved most, or, when bad debt did not move, nothing.
 * A sentence follows for each collateral asset whose DEX depth moved by 1 % or more.
 */
export function runDiff(previous: RunMetrics, current: RunMetrics): string[] {
  const before = new Map(previous.scenarios.map((s) => [s.name, s]));
  const lines = current.scenarios.flatMap((now): string[] => {
    const then = before.get(now.name);
    if (then === undefined) return [`${now.name} was not run last time; bad debt now ${formatUsd(now.totalBadDebtUsd)}`];
    return [badDebtLine(then, now, previous, current)];
  });
  for (const [asset, depth] of Object.entries(current.depthUsd)) {
    const was = previous.depthUsd[asset];
    if (was === undefined || was <= 0) continue;
    const change = (depth - was) / was;
    if (Math.abs(change) < 0.01) continue;
    lines.push(`DEX depth of ${asset} ${change < 0 ? 'fell' : 'rose'} ${(Math.abs(change) * 100).toFixed(0)}% from ${formatUsd(was)} to ${formatUsd(depth)}`);
  }
  return lines;
}

function badDebtLine(then: ScenarioMetrics, now: ScenarioMetrics, previous: RunMetrics, current: RunMetrics): string {
  const delta = now.totalBadDebtUsd - then.totalBadDebtUsd;
  const snapshots = previous.snapshotId === current.snapshotId ? '' : ` (snapshot #${previous.snapshotId} → #${current.snapshotId})`;
  if (Math.abs(delta) < EPSILON_USD) return `bad debt under ${now.name} unchanged at ${formatUsd(now.totalBadDebtUsd)}${snapshots}`;
  const verb = delta > 0 ? 'rose' : 'fell';
  const driver = mainDriver(then.badDebtByProtocol, now.badDebtByProtocol);
  const because = driver === null ? '' : `; main driver: ${driver.name} (${driver.delta > 0 ? '+' : '−'}${formatUsd(Math.abs(driver.delta))})`;
  return `bad debt under ${now.name} ${verb} from ${formatUsd(then.totalBadDebtUsd)} to ${formatUsd(now.totalBadDebtUsd)}${because}${snapshots}`;
}

/** The key whose value changed most in absolute terms (keys missing on one side count as 0). */
export function mainDriver(before: Record<string, number>, after: Record<string, number>): { name: string; delta: number } | null {
  let best: { name: string; delta: number } | null = null;
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[name] ?? 0) - (before[name] ?? 0);
    if (Math.abs(delta) >= EPSILON_USD && (best === null || Math.abs(delta) > Math.abs(best.delta))) best = { name, delta };
  }
  return best;
}
