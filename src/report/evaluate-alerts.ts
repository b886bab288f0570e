import { formatUsd } from './format.js';
import type { RunMetrics } from './run-metrics.js';
import type { AlertRules } from './schedule-config.js';

/** One alert rule that fired, as it goes into `runs.alerts` and the webhook payload. */
export interface FiredAlert {
  /** A rule of the config, or `indexFailed` (raised by the schedule when it reports on the last snapshot). */
  rule: keyof Omit<AlertRules, 'accountCollateralMinUsd'> | 'indexFailed';
  /** What it fired on: a scenario, an asset, or "protocol/market/asset". */
  subject: string;
  value: number;
  threshold: number;
  message: string;
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/**
 * The alert rules that fire on `current`: the snapshot older than a number of hours (with
 * `timing`), bad debt or liquidated debt of a scenario above a level, a collateral asset's DEX
 * depth down by more than a share since `previous` (not checked without one), one account holding
 * more than a share of a market's collateral.
 */
export function evaluateAlerts(
  rules: AlertRules,
  current: RunMetrics,
  previous: RunMetrics | null,
  timing?: { startedAt: string; snapshotTakenAt: string },
): FiredAlert[] {
  const fired: FiredAlert[] = [];
  const maxAge = rules.snapshotOlderThanHours;
  if (maxAge !== undefined && timing !== undefined) {
    const hours = (Date.parse(timing.startedAt) - Date.parse(timing.snapshotTakenAt)) / 3_600_000;
    if (hours > maxAge) {
      fired.push({ rule: 'snapshotOlderThanHours', subject: `snapshot #${current.snapshotId}`, value: hours, threshold: maxAge,
        message: `snapshot #${current.snapshotId} was taken ${timing.snapshotTakenAt}, ${hours.toFixed(1)} hours before this run, more than ${maxAge}` });
    }
  }
  for (const s of current.scenarios) {
    const bad = rules.badDebtAboveUsd;
    if (bad !== undefined && s.totalBadDebtUsd > bad) {
      fired.push({ rule: 'badDebtAboveUsd', subject: s.name, value: s.totalBadDebtUsd, threshold: bad,
        message: `bad debt under ${s.name} is ${formatUsd(s.totalBadDebtUsd)}, above ${formatUsd(bad)}` });
    }
    const liq = rules.liquidationsAtRiskAboveUsd;
    if (liq !== undefined && s.liquidatedDebtUsd > liq) {
      fired.push({ rule: 'liquidationsAtRiskAboveUsd', subject: s.name, value: s.liquidatedDebtUsd, threshold: liq,
        message: `liquidations at risk under ${s.name} are ${formatUsd(s.liquidatedDebtUsd)}, above ${formatUsd(liq)}` });
    }
  }
  const drop = rules.depthDropAbove;
  if (drop !== undefined && previous !== null) {
    for (const [asset, depth] of Object.entries(current.depthUsd)) {
      const was = previous.depthUsd[asset];
      if (was === undefined || was <= 0) continue;
      const fell = (was - depth) / was;
      if (fell > drop) {
        fired.push({ rule: 'depthDropAbove', subject: asset, value: fell, threshold: drop,
          message: `DEX depth of ${asset} fell ${percent(fell)} since the last run (${formatUsd(was)} → ${formatUsd(depth)}), more than ${percent(drop)}` });
      }
    }
  }
  const share = rules.accountCollateralShareAbove;
  if (share !== undefined) {
    const minUsd = rules.accountCollateralMinUsd ?? 0;
    for (const c of current.collateralShares) {
      if (c.share <= share || c.collateralUsd < minUsd) continue;
      const market = `${c.protocol}/${c.market ?? '(pooled)'}/${c.asset}`;
      fired.push({ rule: 'accountCollateralShareAbove', subject: market, value: c.share, threshold: share,
        message: `account ${c.account} holds ${percent(c.share)} of the ${c.asset} collateral in ${market} (${formatUsd(c.collateralUsd)}), more than ${percent(share)}` });
    }
  }
  return fired;
}
