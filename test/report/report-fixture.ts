import { emptyOptionTables } from '../../src/model/empty-tables.js';
import { referenceCascade, REFERENCE_CASCADE_DEFAULTS, type ReferenceCascadeOptions } from '../../src/contagion/index.js';
import type { EcosystemSnapshot, SnapshotInfo } from '../../src/model/ecosystem.js';
import type { ScenarioRun } from '../../src/pipeline/run-scenarios.js';
import { trendPoints, type ReportInput, type RunHistory } from '../../src/report/index.js';
import { summarizeSnapshot } from '../../src/risk/index.js';
import type { Scenario } from '../../src/scenarios/index.js';
import { toySnapshot, type ToyEcosystem } from '../helpers/toy-ecosystem.js';

/**
 * Report fixtures: a hand-written ecosystem (chain "toy", no block: a hand-written import) run
 * through the real reference cascade. Two asset symbols, one protocol name, one scenario name
 * and one description are hostile, so every report format's escaping is exercised on real output.
 */

export const HOSTILE_SYMBOL = '<img src=x onerror=alert(1)>';
export const MARKDOWN_SYMBOL = '*x*|<b>';
export const HOSTILE_PROTOCOL = 'morpho <i>blue</i> & co';
export const HOSTILE_DESCRIPTION = 'Broad crash </script><script>alert(1)</script> with *emphasis* | pipes';

const lt = (asset: string, amount: number, liquidationThreshold = 0.83, liquidationBonus = 0.05) => ({ asset, amount, liquidationThreshold, liquidationBonus });

/** Borrowers at health factors spread from 1.02 to 1.6, so a shock liquidates them over several rounds. */
function borrowers(protocol: string, collateral: string, priceUsd: number, count: number, scale = 1): ToyEcosystem['accounts'] {
  return Array.from({ length: count }, (_, i) => {
    const hf = 1.02 + (0.58 * i) / Math.max(1, count - 1);
    const units = (10 + (i % 7) * 3) * scale;
    const debt = (units * priceUsd * 0.83) / hf;
    return { protocol, account: `0x${protocol.length.toString(16)}${i.toString(16).padStart(38, '0')}`, collateral: [lt(collateral, units)], debt: [{ asset: 'USDC', amount: debt }] };
  });
}

export const TOY_ECOSYSTEM: ToyEcosystem = {
  assets: [
    { symbol: 'USDC', priceUsd: 1 },
    { symbol: 'WBTC', priceUsd: 30_000 },
    { symbol: 'WETH', priceUsd: 2_000 },
    { symbol: HOSTILE_SYMBOL, priceUsd: 10 },
    { symbol: MARKDOWN_SYMBOL, priceUsd: 5 },
  ],
  protocols: [
    { name: 'aave-like', closeFactor: 0.5, fullCloseBelowHf: 0.95 },
    { name: 'compound-like', closeFactor: 1 },
    { name: HOSTILE_PROTOCOL, closeFactor: 1 },
  ],
  accounts: [
    ...borrowers('aave-like', 'WETH', 2_000, 24),
    ...borrowers('aave-like', 'WBTC', 30_000, 6),
    ...borrowers('compound-like', 'WETH', 2_000, 16),
    ...borrowers(HOSTILE_PROTOCOL, HOSTILE_SYMBOL, 10, 12, 200),
    ...borrowers(HOSTILE_PROTOCOL, MARKDOWN_SYMBOL, 5, 6, 200),
  ],
  pools: [
    { asset: 'WETH', assetReserve: 2_500, usdReserve: 5_000_000 },
    { asset: 'WBTC', assetReserve: 80, usdReserve: 2_400_000 },
    { asset: HOSTILE_SYMBOL, assetReserve: 60_000, usdReserve: 600_000 },
    { asset: MARKDOWN_SYMBOL, assetReserve: 100_000, usdReserve: 500_000 },
  ],
};

export const SCENARIOS: Scenario[] = [
  { name: 'eth-drop-30', description: 'WETH falls 30%; nothing else moves.', shocks: { WETH: 0.7 }, volShocks: {}, pegs: {}, model: {} },
  { name: 'crash *x*|<b>', description: HOSTILE_DESCRIPTION, shocks: { WETH: 0.75, WBTC: 0.8, [HOSTILE_SYMBOL]: 0.6, [MARKDOWN_SYMBOL]: 0.9 }, volShocks: {}, pegs: {}, model: {} },
  { name: 'baseline', description: 'No shock: checks that nothing is liquidated at snapshot prices.', shocks: {}, volShocks: {}, pegs: {}, model: {} },
];

export const SNAPSHOT_INFO: SnapshotInfo = {
  id: 7,
  takenAt: '2026-11-25T14:30:00Z',
  source: 'hand-written',
  label: `toy ecosystem with a hostile symbol ${HOSTILE_SYMBOL}`,
  blocks: { toy: 19_000_000 },
};

/** The toy ecosystem as a full snapshot (no markets or liquidation history: the report reads neither). */
export function toyEcosystemSnapshot(toy: ToyEcosystem = TOY_ECOSYSTEM): EcosystemSnapshot {
  return {
    ...toySnapshot(toy),
    ...emptyOptionTables(),
    info: SNAPSHOT_INFO,
    markets: {
      protocol: new Int32Array(0), market: [], asset: new Int32Array(0), ltv: new Float64Array(0), liquidationThreshold: new Float64Array(0),
      liquidationBonus: new Float64Array(0), closeFactor: new Float64Array(0), supplyCap: new Float64Array(0), borrowCap: new Float64Array(0),
    },
    liquidators: { address: [], label: [] },
    liquidationEvents: {
      protocol: new Int32Array(0), account: [], liquidator: new Int32Array(0), collateralAsset: new Int32Array(0), debtAsset: new Int32Array(0),
      debtRepaidUsd: new Float64Array(0), blockNumber: new Float64Array(0), timestamp: [], txHash: [],
    },
  };
}

/** A report input from running `scenarios` on the toy ecosystem with the real solver. */
export function toyReportInput(scenarios: readonly Scenario[] = SCENARIOS, options: Partial<ReferenceCascadeOptions> = {}): ReportInput {
  const snapshot = toyEcosystemSnapshot();
  const settings = { ...REFERENCE_CASCADE_DEFAULTS, ...options };
  const runs: ScenarioRun[] = scenarios.map((scenario) => {
    const result = referenceCascade(snapshot, scenario.shocks, settings);
    return { scenario, result, warnings: [...result.warnings] };
  });
  return {
    generatedAt: '2026-11-25T15:00:00.000Z',
    snapshot: snapshot.info,
    summary: summarizeSnapshot(snapshot),
    model: { solver: 'reference-cascade', options: settings },
    runs,
  };
}

/** A scheduled run's report: run #2 against run #1, with a change and an alert naming a hostile symbol. */
export function toyScheduledReportInput(): ReportInput {
  const input = toyReportInput();
  const rows = [
    { runId: 1, startedAt: '2026-11-25T06:00:00.000Z', status: 'ok', snapshotId: 6, scenario: 'eth-drop-30', totalBadDebtUsd: 1_000, liquidatedDebtUsd: 50_000, alertCount: 0,
      scenarios: input.runs.map((run) => ({ name: run.scenario.name, totalBadDebtUsd: run.result.totalBadDebtUsd / 2, liquidatedDebtUsd: 1 })) },
    { runId: 2, startedAt: '2026-11-25T12:00:00.000Z', status: 'alert', snapshotId: 7, scenario: 'eth-drop-30', totalBadDebtUsd: 2_000, liquidatedDebtUsd: 60_000, alertCount: 1,
      scenarios: input.runs.map((run) => ({ name: run.scenario.name, totalBadDebtUsd: run.result.totalBadDebtUsd, liquidatedDebtUsd: 2 })) },
  ];
  const history: RunHistory = {
    currentRunId: 2, previousRunId: 1, trend: trendPoints(rows), runs: rows.map(({ scenarios: _s, ...row }) => row),
    changes: [`DEX depth of ${HOSTILE_SYMBOL} fell 40% from $1,000 to $600`],
    alerts: [{ rule: 'depthDropAbove', subject: HOSTILE_SYMBOL, value: 0.4, threshold: 0.3, message: `DEX depth of ${HOSTILE_SYMBOL} fell 40.0% since the last run` }],
  };
  return { ...input, history };
}
