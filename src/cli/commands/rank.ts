import type { Command } from 'commander';
import { attributeLosses, optionsParticipant, prepareCascade } from '../../contagion/index.js';
import { loadScenarios, modelOptions, openSnapshot } from '../../pipeline/index.js';
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
    const { database, snapshot } = await openSnapshot({ db: options.db, snapshot: options.snapshot, log: logToStderr });
    database.close();
    const settings = modelOptions(scenario!, modelOverrides(options));
    const participants = () => {
      const venue = optionsParticipant(snapshot, scenario!.volShocks);
      return venue === null ? [] : [venue];
    };
    const attribution = attributeLosses(prepareCascade(snapshot), scenario!.shocks, settings, participants, snapshot);
    const ranked = [...attribution.protocols].sort((a, b) => b.causedElsewhereUsd - a.causedElsewhereUsd || a.protocol.localeCompare(b.protocol));
    if (options.json) {
      const { full: _full, ...rest } = attribution;
      process.stdout.write(`${JSON.stringify({ snapshotId: snapshot.info.id, scenario: scenario!.name, options: settings, ...rest, protocols: ranked }, null, 2)}\n`);
      return;
    }
    const pad = (s: string, n: number) => s.padStart(n);
    const lines = [
      `Systemic importance under ${scenario!.name}, snapshot #${snapshot.info.id} (bad debt caused in other protocols by each protocol's forced sales)`,
      `  ${'protocol'.padEnd(18)}${pad('caused elsewhere', 18)}${pad('own bad debt', 16)}${pad('direct', 16)}${pad('contagion', 16)}`,
      ...ranked.map((p) => `  ${p.protocol.padEnd(18)}${pad(formatUsd(p.causedElsewhereUsd), 18)}${pad(formatUsd(p.badDebtUsd), 16)}${pad(formatUsd(p.directUsd), 16)}${pad(formatUsd(p.contagionUsd), 16)}`),
      '',
      '  assets sold hardest (USD at each round’s prices, and the price change over the cascade):',
      ...attribution.topAssets.map((a) => `    ${a.asset.padEnd(8)}${pad(formatUsd(a.soldUsd), 18)}  ${formatChange(a.priceChange)}`),
      '  accounts whose seized collateral sold most:',
      ...attribution.topAccounts.map((a) => `    ${a.protocol.padEnd(18)}${a.account}  ${pad(formatUsd(a.seizedUsd), 16)} seized, ${formatUsd(a.badDebtUsd)} bad debt`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
