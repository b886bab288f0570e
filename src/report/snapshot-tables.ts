import type { SnapshotInfo } from '../model/ecosystem.js';
import type { ScenarioRun } from '../pipeline/run-scenarios.js';
import type { SnapshotSummary } from '../risk/index.js';
import { formatCount, formatPrice, formatRatio, formatUsd } from './format.js';
import { numberColumn, sum, textColumn, type ReportTable } from './report-table.js';
import { captionContext, protocolOutcomes, snapshotRef } from './scenario-facts.js';

/** Positions at snapshot prices, per protocol: what a reader sizes each scenario's losses against. */
export function snapshotProtocolTable(snapshot: SnapshotInfo, summary: SnapshotSummary): ReportTable {
  return {
    id: 'snapshot-protocols',
    caption: `Positions by protocol at snapshot prices (USD), ${snapshotRef(snapshot)}, before any scenario`,
    columns: [
      textColumn('Protocol'), textColumn('Kind'), numberColumn('Risk accounts'), numberColumn('Borrowers'), numberColumn('Collateral'),
      numberColumn('Debt'), numberColumn('Borrowers HF < 1.1'), numberColumn('Debt HF < 1.1'), numberColumn('Min HF'),
    ],
    rows: summary.protocols.map((p) => [
      p.protocol, p.kind, formatCount(p.riskAccounts), formatCount(p.borrowers), formatUsd(p.collateralUsd),
      formatUsd(p.debtUsd), formatCount(p.borrowersBelowHf1_1), formatUsd(p.debtBelowHf1_1Usd), formatRatio(p.minHealthFactor),
    ]),
    totals: [
      'Total', '', formatCount(summary.riskAccounts), formatCount(sum(summary.protocols.map((p) => p.borrowers))), formatUsd(summary.collateralUsd),
      formatUsd(summary.debtUsd), formatCount(sum(summary.protocols.map((p) => p.borrowersBelowHf1_1))),
      formatUsd(sum(summary.protocols.map((p) => p.debtBelowHf1_1Usd))), formatRatio(Math.min(...summary.protocols.map((p) => p.minHealthFactor))),
    ],
    emptyText: 'The snapshot has no protocols.',
  };
}

/** Positions and pool depth per asset at snapshot prices. */
export function snapshotAssetTable(snapshot: SnapshotInfo, summary: SnapshotSummary): ReportTable {
  return {
    id: 'snapshot-assets',
    caption: `Positions and pool depth by asset at snapshot prices (USD), ${snapshotRef(snapshot)}, before any scenario`,
    columns: [textColumn('Asset'), textColumn('Kind'), numberColumn('Price'), numberColumn('Collateral'), numberColumn('Debt'), numberColumn('Pool depth')],
    rows: summary.assets.map((a) => [a.symbol, a.kind, formatPrice(a.priceUsd), formatUsd(a.collateralUsd), formatUsd(a.debtUsd), formatUsd(a.poolDepthUsd)]),
    totals: [
      'Total', '', '', formatUsd(sum(summary.assets.map((a) => a.collateralUsd))), formatUsd(sum(summary.assets.map((a) => a.debtUsd))),
      formatUsd(sum(summary.assets.map((a) => a.poolDepthUsd))),
    ],
    emptyText: 'The snapshot has no assets.',
  };
}

/** One line per scenario, for comparing them before reading each in turn. */
export function scenarioOverviewTable(snapshot: SnapshotInfo, runs: readonly ScenarioRun[]): ReportTable {
  return {
    id: 'scenario-overview',
    caption: `Scenarios compared (USD), ${captionContext(snapshot, runs.map((run) => run.scenario.name))}`,
    columns: [
      textColumn('Scenario'), numberColumn('Rounds'), numberColumn('Liquidations'), numberColumn('Liquidated debt'),
      numberColumn('Seized collateral'), numberColumn('Bad debt'), numberColumn('Warnings'),
    ],
    rows: runs.map(({ scenario, result, warnings }) => [
      scenario.name, `${result.rounds}${result.roundLimitReached ? ' (limit)' : ''}`, formatCount(result.liquidations),
      formatUsd(sum(protocolOutcomes(result).map((o) => o.liquidatedDebtUsd))), formatUsd(result.seizedCollateralUsd),
      formatUsd(result.totalBadDebtUsd), formatCount(warnings.length),
    ]),
    emptyText: 'No scenario was run.',
  };
}
