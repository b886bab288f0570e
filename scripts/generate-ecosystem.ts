/**
 * Generates the embedded default dataset in data/ecosystem/ (format: docs/import-format.md).
 *
 *   npx tsx scripts/generate-ecosystem.ts [--out data/ecosystem] [--seed N] [--params FILE]
 *
 * Published parameters, prices and calibration figures come from data/params/published-params.json
 * (written by scripts/ecosystem/extract-params.ts), price histories from the Yahoo Finance copies
 * in data/params/; balances, accounts, option holdings and liquidator identities are generated from
 * a seeded PRNG, so the same seed gives byte-identical files. The run prints a summary and exits
 * non-zero, writing nothing, if a total misses its target by more than 2%, a lending account is
 * below health factor 1 or an options account below the venue's maintenance margin (Derive PMRM).
 * See data/README.md for what is real and what is assumed.
 *
 *   published-params.json ─┬─ universe (assets, protocols, markets) ─┬─ lending accounts ── addresses ── liquidators ── events
 *   ETH-USD.csv, BTC-USD.csv ── price history                       └─ option chain ── customer flows ── market makers ── addresses
 *                                                                      (all checked, then rendered to data/ecosystem/*.csv)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AddressBook, assignAddresses, assignOptionAddresses } from './ecosystem/addresses.js';
import { AAVE_ARB_PLAN, AAVE_ETH_PLAN, DEFAULT_SEED } from './ecosystem/assumptions.js';
import { buildEvents, buildLiquidators, readLiquidationLog } from './ecosystem/events.js';
import { generateComet, generateMorpho } from './ecosystem/isolated.js';
import { OPTIONS_ADDRESS_REUSE, OPTIONS_PROTOCOL } from './ecosystem/options-assumptions.js';
import { summarizeHistory, summarizeOptions } from './ecosystem/options-summary.js';
import { buildOptionsVenue } from './ecosystem/options-venue.js';
import { LIQ_LOG_PATH, loadParams, PARAMS_DIR, PARAMS_PATH, ParamBook, REPO_ROOT, SHARED_PARAMS_DIR, verifyAgainstShared } from './ecosystem/params.js';
import { buildPriceHistory } from './ecosystem/price-history.js';
import { generatePooled } from './ecosystem/pooled.js';
import { Rng } from './ecosystem/prng.js';
import { describeRun } from './ecosystem/report.js';
import { summarize } from './ecosystem/summary.js';
import { buildTargets, targetMap } from './ecosystem/targets.js';
import { market, price, type GenAccount } from './ecosystem/types.js';
import { buildLiquidity, buildUniverse } from './ecosystem/universe.js';
import { renderFiles, writeFiles } from './ecosystem/write.js';

interface Args {
  out: string;
  seed: number;
  params: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { out: join(REPO_ROOT, 'data/ecosystem'), seed: DEFAULT_SEED, params: PARAMS_PATH };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--out') args.out = resolve(value);
    else if (flag === '--params') args.params = resolve(value);
    else if (flag === '--seed' && /^\d+$/.test(value)) args.seed = Number(value) >>> 0;
    else throw new Error(`unknown or bad argument ${flag} ${value}; usage: [--out DIR] [--seed N] [--params FILE]`);
  }
  return args;
}

/** The shared folder is optional: when present, the committed copies must still match it. */
function checkShared(params: ReturnType<typeof loadParams>): string[] {
  if (!existsSync(SHARED_PARAMS_DIR)) {
    console.log(`(${SHARED_PARAMS_DIR} absent: published values not re-verified)`);
    return [];
  }
  const { checked, mismatches } = verifyAgainstShared(params, SHARED_PARAMS_DIR);
  const want = params.sources['aave-liquidation-log'].sha256;
  const shared = join(SHARED_PARAMS_DIR, 'aave_liqs_ethscan.csv');
  if (existsSync(shared) && createHash('sha256').update(readFileSync(shared)).digest('hex') !== want) mismatches.push('aave_liqs_ethscan.csv: sha256 differs from published-params.json');
  if (createHash('sha256').update(readFileSync(LIQ_LOG_PATH)).digest('hex') !== want) mismatches.push('data/params/aave_liqs_ethscan.csv: sha256 differs from published-params.json');
  console.log(`verified ${checked} published values against ${SHARED_PARAMS_DIR}: ${mismatches.length} mismatches`);
  return mismatches;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const file = loadParams(args.params);
  const mismatches = checkShared(file);
  const p = new ParamBook(file);
  const u = buildUniverse(p);
  const targets = buildTargets(p, u);
  const rng = (label: string) => Rng.stream(args.seed, label);

  const accounts: GenAccount[] = [];
  const borrowerShare = new Map<string, Map<string, number>>();
  for (const plan of [AAVE_ETH_PLAN, AAVE_ARB_PLAN]) {
    const res = generatePooled({
      plan, rng: rng(`pooled:${plan.protocol}`),
      supply: targetMap(targets, plan.protocol, 'collateral'),
      debt: targetMap(targets, plan.protocol, 'debt'),
      price: (s) => price(u, s),
      lt: (s) => market(u, plan.protocol, s, s).liquidationThreshold,
    });
    accounts.push(...res.accounts);
    borrowerShare.set(plan.protocol, res.borrowerShare);
  }
  const comet = generateComet(u, p, targets, rng('compound-v3'));
  accounts.push(...comet.accounts, ...generateMorpho(u, p, targets, rng('morpho-blue')));

  const book = new AddressBook(rng('addresses'));
  assignAddresses(accounts, book, rng('address-reuse'));
  const liquidators = buildLiquidators(book, p.fig('chaos-aave-2024-04-13', 'distinct_liquidators'));
  const events = buildEvents(u, accounts, liquidators, readLiquidationLog(readFileSync(LIQ_LOG_PATH, 'utf8')), rng('events'));

  // The options venue draws from its own streams and takes its addresses after the liquidators,
  // so the lending files do not depend on it.
  const venue = buildOptionsVenue(p, u, rng);
  const lendingAddresses = [...new Set(accounts.map((a) => a.address))];
  assignOptionAddresses(venue.accounts, lendingAddresses, book, rng('options:address-reuse'), OPTIONS_ADDRESS_REUSE);
  const priceHistory = buildPriceHistory(file, PARAMS_DIR);

  const { lines, failures } = summarize(u, accounts, targets);
  const options = summarizeOptions({ u, p, chain: venue.chain, pmrm: venue.pmrm, accounts: venue.accounts, lendingAddresses: new Set(lendingAddresses), priceHistory });
  console.log([...lines, ...describeRun(u, p, accounts, events, borrowerShare, comet.solved), ...options.lines, ...summarizeHistory(u, priceHistory, venue.chain.atm30)].join('\n'));
  const problems = [...mismatches, ...failures, ...options.failures];
  if (problems.length > 0) {
    console.error(`\nFAILED (${problems.length}), nothing written:\n  ${problems.slice(0, 20).join('\n  ')}`);
    return 1;
  }
  const files = renderFiles({
    universe: u, accounts, liquidity: buildLiquidity(p, u), liquidators, events,
    options: { protocol: OPTIONS_PROTOCOL, chain: venue.chain, accounts: venue.accounts }, priceHistory,
  });
  writeFiles(args.out, files);
  console.log(`\nwrote ${[...files.keys()].join(', ')} to ${args.out} (seed ${args.seed})`);
  return 0;
}

process.exitCode = main();
