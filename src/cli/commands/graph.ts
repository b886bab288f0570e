import type { Command } from 'commander';
import { buildExposureGraph, crossProtocolAccounts, graphSummary, sharedCollateral, sharedLiquidators } from '../../graph/index.js';
import { openSnapshot } from '../../pipeline/index.js';
import { formatUsdCompact } from '../../report/index.js';
import { addSnapshotOptions, logToStderr, type SnapshotOptions } from '../options.js';

/** `contagion graph`: what links the protocols of a snapshot, from its exposure graph. */
export function registerGraph(program: Command): void {
  addSnapshotOptions(
    program
      .command('graph')
      .description('build the exposure graph of a snapshot and print what links its protocols')
      .option('--json', 'print the summary as JSON'),
  ).action(async (options: SnapshotOptions & { json?: boolean }) => {
    const { database, snapshot } = await openSnapshot({ db: options.db, snapshot: options.snapshot, log: logToStderr });
    database.close();
    const graph = buildExposureGraph(snapshot);
    const summary = graphSummary(graph);
    const shared = sharedCollateral(graph);
    const liquidators = sharedLiquidators(graph);
    const crossAccounts = crossProtocolAccounts(graph);
    if (options.json) {
      const out = { snapshotId: snapshot.info.id, summary, sharedCollateral: shared, sharedLiquidators: liquidators, crossProtocolAccounts: crossAccounts.length };
      process.stdout.write(`${JSON.stringify(out, (_k, v: unknown) => (v === Infinity ? null : v), 2)}\n`);
      return;
    }
    const lines = [
      `Exposure graph of snapshot ${snapshot.info.id} (${snapshot.info.takenAt}, ${snapshot.info.source})`,
      `  ${summary.nodes} nodes: ${Object.entries(summary.nodesByType).map(([t, n]) => `${n} ${t}`).join(', ')}`,
      `  ${summary.edges} edges: ${Object.entries(summary.edgesByType).map(([t, n]) => `${n} ${t}`).join(', ')}`,
      '',
      'Collateral shared by two or more protocols:',
      ...shared.map((s) => `  ${s.asset.padEnd(8)} ${formatUsdCompact(s.totalUsd).padStart(10)}  ${s.protocols.map((p) => `${p} ${formatUsdCompact(s.collateralUsd[p] ?? 0)}`).join(', ')}`),
      '',
      `Liquidators serving two or more protocols: ${liquidators.length}`,
      ...liquidators.slice(0, 5).map((l) => `  ${l.address}  ${l.totalLiquidations} liquidations in ${l.protocols.join(', ')}`),
      '',
      `Accounts active in two or more protocols: ${crossAccounts.length}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
