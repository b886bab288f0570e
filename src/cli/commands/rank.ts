import type { Command } from 'commander';
import { attributeLosses, contagionCascade, optionsParticipant, prepareCascade, protocolClearing } from '../../contagion/index.js';
import { curveImpact } from '../../contagion/liquidity/index.js';
import { loadScenarios, modelOptions, openSnapshot, snapshotCurves } from '../../pipeline/index.js';
import { formatChange, formatUsd } from '../../report/index.js';
import { DEFAULT_SCENARIO } from '../../scenarios/index.js';
import { addModelFlags, modelOverrides, type ModelFlags } from '../model-flags.js';
import { addSnapshotOptions, logToStderr, type SnapshotOptions } from '../options.js';

interface RankOptions extends SnapshotOptions, ModelFlags {
  scenario: string;
  json?: boolean;
}

/**
 * `contagion rank`: systemic importance of each protocol under a scenario — the bad debt its forced
 * selling causes elsewhere — with each protocol's loss split into direct and contagion, and the
 * accounts and assets that drive the cascade.
 */
export function registerRank(program: Command): void {
  addModelFlags(
    addSnapshotOptions(
      program
        .command('rank')
        .description('rank protocols by the bad debt their forced selling causes in others, and split each loss into direct and contagion')
        .option('--scenario <name|file>', 'scenario (default eth-drop-30)', DEFAULT_SCENARIO)
        .option('--json', 'print JSON'),
    ),
  ).action(async (options: RankOptions) => {
    const [scenario] = loadScenarios([options.scenario]);
    const settings = modelOptions(scenario!, modelOverrides(options));
    const curves = settings.liquidity === 'curves';
    const { database, snapshot, liquidityDetails } = await openSnapshot({ db: options.db, snapshot: options.snapshot, log: logToStderr, liquidityDetails: curves });
    database.close();
    const participants = () => {
      const venue = optionsParticipant(snapshot, scenario!.volShocks);
      return venue === null ? [] : [venue];
    };
    // Every re-run of the attribution prices its sales on the same curves (venues are immutable).
    const liquidity = curves ? snapshotCurves(snapshot, liquidityDetails) : null;
    for (const warning of liquidity?.warnings ?? []) logToStderr(warning);
    const impact = liquidity === null ? undefined : curveImpact(snapshot.assets.symbol, liquidity.curves);
    const prepared = prepareCascade(snapshot);
    const attribution = attributeLosses(prepared, scenario!.shocks, settings, participants, snapshot, 10, impact);
    // The exposure network is cleared from each protocol's loss without receipt contagion, which
    // the clearing itself propagates (src/contagion/protocol-clearing.ts).
    const base = settings.receiptContagion
      ? contagionCascade(prepared, scenario!.shocks, { ...settings, receiptContagion: false, recordEvents: false }, participants(), impact, snapshot)
      : attribution.full;
    const network = protocolClearing({
      snapshot,
      priceUsd: snapshot.assets.symbol.map((s) => base.shockedPrices[s]!),
      badDebtUsd: snapshot.protocols.name.map((q) => base.badDebtByProtocol[q]!),
    });
    const nodeOf = (protocol: string): number => network.ids.indexOf(protocol);
    const ranked = [...attribution.protocols]
      .map((p) => ({ ...p, debtRank: network.debtRank[nodeOf(p.protocol)]!, clearingRecoveryRate: network.recoveryRate[nodeOf(p.protocol)]! }))
      .sort((a, b) => b.causedElsewhereUsd - a.causedElsewhereUsd || b.debtRank - a.debtRank || a.protocol.localeCompare(b.protocol));
    if (options.json) {
      const { full: _full, ...rest } = attribution;
      process.stdout.write(`${JSON.stringify({ snapshotId: snapshot.info.id, scenario: scenario!.name, options: settings, ...rest, protocols: ranked, network }, null, 2)}\n`);
      return;
    }
    const pad = (s: string, n: number) => s.padStart(n);
    const lines = [
      `Systemic importance under ${scenario!.name}, snapshot #${snapshot.info.id} (bad debt caused in other protocols by each protocol's forced sales)`,
      `  ${'protocol'.padEnd(18)}${pad('caused elsewhere', 18)}${pad('own bad debt', 16)}${pad('direct', 16)}${pad('contagion', 16)}${pad('DebtRank', 10)}${pad('recovery', 10)}`,
      ...ranked.map(
        (p) =>
          `  ${p.protocol.padEnd(18)}${pad(formatUsd(p.causedElsewhereUsd), 18)}${pad(formatUsd(p.badDebtUsd), 16)}${pad(formatUsd(p.directUsd), 16)}${pad(formatUsd(p.contagionUsd), 16)}` +
          `${pad(p.debtRank.toFixed(3), 10)}${pad(`${(p.clearingRecoveryRate * 100).toFixed(1)}%`, 10)}`,
      ),
      '',
      network.exposures.length === 0
        ? "  receipt-token network: no protocol holds another's receipt tokens as collateral in this snapshot (DebtRank 0 for all)"
        : `  receipt-token network (Eisenberg–Noe clearing; defaults: ${network.defaults.length === 0 ? 'none' : network.defaults.join(', ')}):`,
      ...network.exposures.map((e) => `    ${e.issuer} → ${e.holder}: ${formatUsd(e.usd)} of ${e.issuer}'s receipt tokens held as collateral`),
      '',
      '  assets sold hardest (USD at each round’s prices, and the price change over the cascade):',
      ...attribution.topAssets.map((a) => `    ${a.asset.padEnd(8)}${pad(formatUsd(a.soldUsd), 18)}  ${formatChange(a.priceChange)}`),
      '  venues that absorbed most forced selling (each asset\'s sales split by venue depth):',
      ...attribution.topVenues.slice(0, 5).map((v) => `    ${v.venue.padEnd(28)}${v.asset.padEnd(8)}${pad(formatUsd(v.absorbedUsd), 16)} of ${formatUsd(v.depthUsd)} depth`),
      '  accounts whose seized collateral sold most:',
      ...attribution.topAccounts.map((a) => `    ${a.protocol.padEnd(18)}${a.account}  ${pad(formatUsd(a.seizedUsd), 16)} seized, ${formatUsd(a.badDebtUsd)} bad debt`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
