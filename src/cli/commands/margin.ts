import type { Command } from 'commander';
import { loadScenarios, openSnapshot } from '../../pipeline/index.js';
import { formatUsd } from '../../report/index.js';
import { optionsVenue } from '../../risk/index.js';
import type { EcosystemSnapshot } from '../../model/ecosystem.js';
import { addSnapshotOptions, logToStderr, type SnapshotOptions } from '../options.js';

interface MarginOptions extends SnapshotOptions {
  account?: string;
  venue?: string;
  scenario?: string;
  dynamic?: 'ewma' | 'garch';
  json?: boolean;
}

/** Prices and vol multipliers by asset index: the snapshot's, or a scenario's shocked ones (no cascade). */
function stress(snapshot: EcosystemSnapshot, scenarioName: string | undefined): { price: Float64Array; vol: Float64Array; label: string } {
  const price = Float64Array.from(snapshot.assets.priceUsd);
  const vol = new Float64Array(price.length).fill(1);
  if (scenarioName === undefined) return { price, vol, label: 'snapshot prices and vols' };
  const [scenario] = loadScenarios([scenarioName]);
  const index = (symbol: string): number => {
    const a = snapshot.assets.symbol.indexOf(symbol);
    if (a < 0) throw new Error(`contagion/margin: scenario ${scenario!.name} names asset ${symbol}, which is not in the snapshot`);
    return a;
  };
  for (const [symbol, m] of Object.entries(scenario!.shocks)) price[index(symbol)]! *= m;
  for (const [symbol, m] of Object.entries(scenario!.volShocks)) vol[index(symbol)] = m;
  return { price, vol, label: `scenario ${scenario!.name} (shocked once, no cascade)` };
}

/** `contagion margin`: one options account's Greeks, grid and margin, or a whole venue's. */
export function registerMargin(program: Command): void {
  addSnapshotOptions(
    program
      .command('margin')
      .description("an options account's positions, Greeks, scenario grid and margin (--account), or a venue's totals (--venue)")
      .option('--account <id>', 'account address')
      .option('--venue <name>', 'options venue (protocol) name')
      .option('--scenario <name|file>', 'value at a scenario’s shocked prices and vols instead of the snapshot’s')
      .option('--dynamic <model>', 'with --venue: scale the grid by an ewma or garch volatility forecast from the price history')
      .option('--json', 'print JSON'),
  ).action(async (options: MarginOptions) => {
    if ((options.account === undefined) === (options.venue === undefined)) throw new Error('contagion/margin: give exactly one of --account ID or --venue NAME');
    if (options.dynamic !== undefined && options.dynamic !== 'ewma' && options.dynamic !== 'garch') throw new Error(`contagion/margin: --dynamic must be ewma or garch, got ${options.dynamic}`);
    const { database, snapshot } = await openSnapshot({ db: options.db, snapshot: options.snapshot, log: logToStderr });
    database.close();
    const books = optionsVenue.venueBooks(snapshot);
    if (books.length === 0) throw new Error(`contagion/margin: snapshot ${snapshot.info.id} has no options venue`);
    const { price, vol, label } = stress(snapshot, options.scenario);
    if (options.venue !== undefined) {
      const book = books.find((b) => b.name === options.venue) ?? fail(`no options venue ${options.venue} (venues: ${books.map((b) => b.name).join(', ')})`);
      const report = optionsVenue.venueMargin(snapshot, book, price, vol, options.dynamic ?? null);
      if (options.json) return void process.stdout.write(`${JSON.stringify({ snapshotId: snapshot.info.id, at: label, ...report }, null, 2)}\n`);
      const r = report.marginRatio;
      const lines = [
        `Venue ${report.venue}, snapshot #${snapshot.info.id}, at ${label}; grid ${report.grid}${report.dynamic ? `, scaled by ${report.dynamic.model}` : ''}`,
        ...(report.dynamic?.underlyings.map((u) => `  ${u.symbol}: forecast vol ${(u.forecastAnnualisedVol * 100).toFixed(1)}% a year → scan range ±${(u.scanRange * 100).toFixed(1)}% (×${u.scale.toFixed(2)}${u.clamped === 'none' ? '' : `, ${u.clamped}`}); ${JSON.stringify(u.parameters)}`) ?? []),
        `  accounts ${report.accounts}, below maintenance ${report.accountsBelowMaintenance}`,
        `  equity ${formatUsd(report.equityUsd)}, maintenance ${formatUsd(report.maintenanceUsd)}, initial ${formatUsd(report.initialUsd)}`,
        `  strategy-based margin of the same positions ${formatUsd(report.strategyMarginUsd)} (portfolio margin needs ${((report.maintenanceUsd / report.strategyMarginUsd) * 100).toFixed(1)}% of it)`,
        `  margin ratio: min ${r.min.toFixed(3)}, 5th pct ${r.p5.toFixed(3)}, median ${r.median.toFixed(3)}, 95th pct ${r.p95.toFixed(3)}`,
        ...report.volSurfaces.map((v) => `  ${v.symbol} vol surface: ${v.quotes} quotes, ${v.expiries} expiries, nearest ATM vol ${(v.atmVolNearest * 100).toFixed(1)}%; ${v.warnings.length === 0 ? 'no arbitrage or fit warnings' : `${v.warnings.length} warning(s): ${v.warnings.slice(0, 3).join('; ')}${v.warnings.length > 3 ? '; …' : ''}`}`),
        '  thinnest accounts:',
        ...report.thinnest.map((t) => `    ${t.account}  equity ${formatUsd(t.equityUsd).padStart(12)}  maintenance ${formatUsd(t.maintenanceUsd).padStart(12)}  ratio ${t.marginRatio.toFixed(3)}`),
      ];
      return void process.stdout.write(`${lines.join('\n')}\n`);
    }
    const needle = options.account!.toLowerCase();
    for (const book of books) {
      const local = Array.from(book.riskAccount).findIndex((i) => snapshot.accounts.account[i]!.toLowerCase() === needle);
      if (local < 0) continue;
      const report = optionsVenue.accountMargin(snapshot, book, local, price, vol);
      if (options.json) return void process.stdout.write(`${JSON.stringify({ snapshotId: snapshot.info.id, at: label, ...report }, null, 2)}\n`);
      const n = (x: number, d = 2) => x.toFixed(d).padStart(12);
      const lines = [
        `Account ${report.account} on ${report.venue}, snapshot #${snapshot.info.id}, at ${label}`,
        `  ${'option'.padEnd(22)}${'size'.padStart(12)}${'vol'.padStart(8)}${'mark'.padStart(12)}${'value'.padStart(14)}${'delta'.padStart(12)}${'gamma'.padStart(12)}${'vega'.padStart(12)}${'theta/yr'.padStart(12)}`,
        ...report.positions.map((p) => `  ${p.optionId.padEnd(22)}${n(p.size, 3)}${(p.vol * 100).toFixed(1).padStart(7)}%${n(p.markUsd)}${n(p.valueUsd).padStart(14)}${n(p.delta, 3)}${n(p.gamma, 5)}${n(p.vega)}${n(p.theta)}`),
        `  ${'total'.padEnd(22)}${''.padStart(32)}${n(report.totals.valueUsd).padStart(14)}${n(report.totals.delta, 3)}${n(report.totals.gamma, 5)}${n(report.totals.vega)}${n(report.totals.theta)}`,
        `  grid ${report.grid.name} (${report.grid.scenarios} scenarios; ${report.grid.source})`,
        ...report.scenarios.map((s) => `    ${s.label.padEnd(28)} P&L ${formatUsd(s.pnlUsd).padStart(14)}${s.lossWeight === 1 ? '' : `  (loss counted ${(s.lossWeight * 100).toFixed(0)}%)`}${s.label === report.worstScenario ? '  ← worst' : ''}`),
        `  scenario margin ${formatUsd(report.scenarioMarginUsd)}, maintenance ${formatUsd(report.maintenanceUsd)} (with contingency), initial ${formatUsd(report.initialUsd)}`,
        `  collateral (after haircuts) ${formatUsd(report.collateralUsd)}, equity ${formatUsd(report.equityUsd)}, margin ratio ${report.marginRatio.toFixed(3)}`,
        `  strategy-based margin ${formatUsd(report.strategyMarginUsd)}; portfolio margin needs ${(report.portfolioToStrategy * 100).toFixed(1)}% of it`,
      ];
      return void process.stdout.write(`${lines.join('\n')}\n`);
    }
    fail(`account ${options.account} holds nothing on any options venue of snapshot ${snapshot.info.id}`);
  });
}

function fail(message: string): never {
  throw new Error(`contagion/margin: ${message}`);
}
