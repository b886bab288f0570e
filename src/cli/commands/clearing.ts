import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import {
  clearing,
  debtRank,
  parseNetwork,
  type ClearingMethod,
  type ClearingResult,
  type DebtRankResult,
  type DebtRankVariant,
  type LiabilityNetwork,
} from '../../contagion/network/index.js';
import { logToStderr } from '../options.js';

const WHERE = 'contagion/clearing';
/** Above this many nodes, say on stderr that per-node DebtRank takes a while. */
const LARGE = 5_000;

interface ClearingCliOptions {
  network: string;
  json?: boolean;
  method: ClearingMethod;
  debtrank: DebtRankVariant | 'none';
  tolerance?: string;
}

/** Reads and validates the network file; errors name the file and the field. */
function readNetwork(path: string): LiabilityNetwork & { name?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${WHERE}: ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${WHERE}: ${path}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return parseNetwork(json);
  } catch (error) {
    throw new Error(`${WHERE}: ${path}: ${(error as Error).message.replace(/^contagion\/[^:]*: /, '')}`);
  }
}

/**
 * The JSON contract: `clearing` (payments), `defaults` (ids) and `debtRank` never change name;
 * every per-node array is in node order, the order of `nodes`.
 */
function asJson(network: LiabilityNetwork & { name?: string }, result: ClearingResult, ranks: DebtRankResult | null) {
  const ids = network.ids;
  return {
    ...(network.name === undefined ? {} : { name: network.name }),
    nodes: ids,
    clearing: Array.from(result.payments),
    defaults: ids.filter((_, i) => result.defaulted[i] === 1),
    debtRank: ranks === null ? null : Array.from(ranks.debtRank),
    obligations: Array.from(result.obligations),
    received: Array.from(result.received),
    equity: Array.from(result.equity),
    netWorth: Array.from(result.netWorth),
    defaultWave: result.defaultWave,
    method: result.method,
    linearSolver: result.linearSolver,
    iterations: result.iterations,
    converged: result.converged,
    residual: result.residual,
    debtRankVariant: ranks === null ? null : ranks.variant,
    economicValue: ranks === null ? null : Array.from(ranks.economicValue),
    warnings: [...result.warnings, ...(ranks?.warnings ?? [])],
  };
}

function table(network: LiabilityNetwork & { name?: string }, path: string, result: ClearingResult, ranks: DebtRankResult | null): string {
  const money = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const header = ['node', 'owes', 'pays', 'recovery', 'default', 'equity', 'net worth', 'DebtRank'];
  const rows = network.ids.map((id, i) => [
    id,
    money(result.obligations[i]!),
    money(result.payments[i]!),
    result.obligations[i]! > 0 ? `${((100 * result.payments[i]!) / result.obligations[i]!).toFixed(1)}%` : '–',
    result.defaulted[i] ? `wave ${result.defaultWave[i]}` : '',
    money(result.equity[i]!),
    money(result.netWorth[i]!),
    ranks === null ? '–' : ranks.debtRank[i]!.toFixed(4),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`.trimEnd();
  const defaults = network.ids.filter((_, i) => result.defaulted[i] === 1);
  const how = result.method === 'fictitious-default' ? `fictitious default, ${result.iterations} round(s), ${result.linearSolver ?? 'no linear solve'}` : `fixed-point iteration, ${result.iterations} iteration(s)${result.converged ? '' : ', NOT converged'}`;
  return [
    `Eisenberg–Noe clearing of ${network.name ?? path}: ${network.ids.length} nodes, ${defaults.length} default(s) (${how})`,
    line(header),
    `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`,
    ...rows.map(line),
    '',
    `Defaults: ${defaults.length === 0 ? 'none' : defaults.join(', ')}`,
    ranks === null
      ? 'DebtRank: not computed (--debtrank none).'
      : `DebtRank (${ranks.variant === 'linear' ? 'linear, Bardoscia et al. 2015' : 'Battiston et al. 2012'}): share of the system's economic value put in distress by each node's default, beyond its own.`,
    '',
  ].join('\n');
}

/** `contagion clearing`: Eisenberg–Noe clearing vector, defaults and DebtRank of a network file. */
export function registerClearing(program: Command): void {
  program
    .command('clearing')
    .description('clear a liabilities network (Eisenberg–Noe 2001) and rank its nodes by DebtRank (Battiston et al. 2012)')
    .requiredOption('--network <file>', 'network JSON: {"nodes": [{"id", "externalAssets", "equity"?}], "liabilities": n × n matrix (i owes j) or [{"from", "to", "amount"}]}')
    .option('--json', 'print a JSON object: nodes, clearing, defaults, debtRank (node order) and the details')
    .addOption(new Option('--method <method>', 'clearing algorithm (auto: fictitious default up to 1000 nodes, fixed-point above)').choices(['auto', 'fictitious-default', 'fixed-point']).default('auto'))
    .addOption(new Option('--debtrank <variant>', 'DebtRank dynamics; none skips DebtRank (one cascade per node: slow on large networks)').choices(['battiston-2012', 'linear', 'none']).default('battiston-2012'))
    .option('--tolerance <x>', 'relative tolerance of the iterative solvers and of the default test (default 1e-12)')
    .action((options: ClearingCliOptions) => {
      const tolerance = options.tolerance === undefined ? undefined : Number(options.tolerance);
      if (tolerance !== undefined && !(tolerance > 0 && tolerance < 1)) throw new Error(`${WHERE}: --tolerance must be a number in (0, 1), got ${JSON.stringify(options.tolerance)}`);
      const network = readNetwork(options.network);
      const result = clearing(network, { method: options.method, ...(tolerance === undefined ? {} : { tolerance }) });
      if (options.debtrank !== 'none' && network.ids.length > LARGE) logToStderr(`${WHERE}: DebtRank runs one cascade per node on ${network.ids.length} nodes; --debtrank none skips it`);
      const ranks = options.debtrank === 'none' ? null : debtRank(network, { variant: options.debtrank });
      for (const warning of [...result.warnings, ...(ranks?.warnings ?? [])]) logToStderr(`warning: ${warning}`);
      process.stdout.write(options.json ? `${JSON.stringify(asJson(network, result, ranks), null, 2)}\n` : table(network, options.network, result, ranks));
    });
}
