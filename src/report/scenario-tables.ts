import type { SnapshotInfo } from '../model/ecosystem.js';
import type { ScenarioRun } from '../pipeline/run-scenarios.js';
import { formatChange, formatCount, formatPrice, formatRatio, formatShock, formatUsd } from './format.js';
import { codeColumn, numberColumn, sum, textColumn, type ReportTable } from './report-table.js';
import { captionContext, largestLiquidations, priceMoves, protocolOutcomes } from './scenario-facts.js';

/** Liquidation events listed per scenario in the HTML and Markdown reports. */
export const LISTED_LIQUIDATIONS = 10;

/** The tables stated for one scenario run; `index` keeps table ids unique when names repeat. */
export interface ScenarioTables {
  shocks: ReportTable;
  protocols: ReportTable;
  rounds: ReportTable;
  prices: ReportTable;
  liquidations: ReportTable;
  /** Options venues' close-outs and how their shortfall was covered; no rows without options venues. */
  optionsVenues: ReportTable;
}

export function scenarioTables(snapshot: SnapshotInfo, run: ScenarioRun, index: number): ScenarioTables {
  const about = captionContext(snapshot, [run.scenario.name]);
  const id = (name: string): string => `scenario-${index + 1}-${name}`;
  const { result } = run;

  const shocks = Object.entries(run.scenario.shocks).map(([symbol, multiplier]) => {
    const shocked = result.shockedPrices[symbol];
    const before = result.snapshotPrices?.[symbol] ?? (shocked === undefined ? undefined : shocked / multiplier);
    return [symbol, formatShock(multiplier), before === undefined ? 'n/a' : formatPrice(before), shocked === undefined ? 'n/a' : formatPrice(shocked)];
  });
  // A broken market peg moves a derived asset on top of its parent: the shocked price is both together.
  for (const [symbol, multiplier] of Object.entries(run.scenario.pegs ?? {})) {
    const shocked = result.shockedPrices[symbol];
    const before = result.snapshotPrices?.[symbol];
    shocks.push([`${symbol} (market peg)`, formatShock(multiplier), before === undefined ? 'n/a' : formatPrice(before), shocked === undefined ? 'n/a' : formatPrice(shocked)]);
  }

  const outcomes = protocolOutcomes(result);
  const protocolRows = outcomes.map((o) => [o.protocol, formatUsd(o.liquidatedDebtUsd), formatUsd(o.seizedCollateralUsd), formatUsd(o.badDebtUsd), formatUsd(o.remainingDebtUsd)]);
  // Totals come from the result's own totals where it has them, so the row agrees with the JSON.
  const protocolTotals = ['Total', formatUsd(sum(outcomes.map((o) => o.liquidatedDebtUsd))), formatUsd(result.seizedCollateralUsd), formatUsd(result.totalBadDebtUsd), formatUsd(sum(outcomes.map((o) => o.remainingDebtUsd)))];

  const roundRows = result.trace.map((round) => {
    const drops = Object.entries(round.pricesAfter)
      .map(([symbol, after]) => ({ symbol, change: after / (round.prices[symbol] ?? after) - 1 }))
      .sort((a, b) => a.change - b.change || a.symbol.localeCompare(b.symbol));
    const biggest = drops[0] !== undefined && drops[0].change < 0 ? `${drops[0].symbol} ${formatChange(drops[0].change)}` : 'none';
    return [String(round.round), formatCount(round.liquidations), formatUsd(round.liquidatedDebtUsd), formatUsd(round.seizedCollateralUsd), formatUsd(round.badDebtUsd), biggest];
  });

  const moveRows = priceMoves(run).map((m) => [
    m.symbol, formatPrice(m.snapshotPriceUsd), formatPrice(m.shockedPriceUsd), formatPrice(m.finalPriceUsd), formatChange(m.cascadeChange), formatChange(m.totalChange),
  ]);

  const liquidationRows = largestLiquidations(result, LISTED_LIQUIDATIONS).map((e) => [
    String(e.round), e.protocol, e.account, e.market ?? '(pooled)', formatRatio(e.healthFactor), formatUsd(e.repaidUsd), formatUsd(e.seizedUsd), formatUsd(e.badDebtUsd),
  ]);

  const venueRows = (result.optionsVenues ?? []).map((v) => [
    v.protocol, formatCount(v.liquidations), formatUsd(v.closedOptionsUsd), formatUsd(v.collateralSoldUsd), formatUsd(v.shortfallUsd),
    formatUsd(v.insuranceAbsorbedUsd), formatUsd(v.socialisedUsd), formatUsd(v.badDebtUsd),
  ]);

  return {
    optionsVenues: {
      id: id('options-venues'), caption: `Options venues: accounts closed out, and who bore the shortfall (USD), ${about}`,
      columns: [
        textColumn('Venue'), numberColumn('Accounts closed'), numberColumn('Options closed'), numberColumn('Collateral sold'), numberColumn('Shortfall'),
        numberColumn('Insurance fund'), numberColumn('Socialised'), numberColumn('Bad debt'),
      ],
      rows: venueRows, emptyText: 'No options venue in this snapshot.',
    },
    shocks: {
      id: id('shocks'), caption: `Price shocks applied, ${about}`,
      columns: [textColumn('Asset'), numberColumn('Multiplier'), numberColumn('Snapshot price'), numberColumn('Shocked price')],
      rows: shocks, emptyText: 'No asset is shocked.',
    },
    protocols: {
      id: id('protocols'), caption: `Outcome by protocol (USD), ${about}`,
      columns: [textColumn('Protocol'), numberColumn('Liquidated debt'), numberColumn('Seized collateral'), numberColumn('Bad debt'), numberColumn('Remaining debt')],
      rows: protocolRows, totals: protocolTotals, emptyText: 'No protocol in the result.',
    },
    rounds: {
      id: id('rounds'), caption: `Cascade rounds (USD at each round's prices), ${about}`,
      columns: [numberColumn('Round'), numberColumn('Liquidations'), numberColumn('Debt repaid'), numberColumn('Collateral seized'), numberColumn('Bad debt'), textColumn('Largest price drop')],
      rows: roundRows, emptyText: 'No account was liquidated: the cascade stopped before its first round.',
    },
    prices: {
      id: id('prices'), caption: `Price moves, largest first, ${about}`,
      columns: [textColumn('Asset'), numberColumn('Snapshot'), numberColumn('After shock'), numberColumn('Final'), numberColumn('Cascade change'), numberColumn('Total change')],
      rows: moveRows, emptyText: 'No price moved.',
    },
    liquidations: {
      id: id('liquidations'), caption: `Largest liquidations by debt repaid (USD), ${about}`,
      columns: [numberColumn('Round'), textColumn('Protocol'), codeColumn('Account'), codeColumn('Market'), numberColumn('Health factor'), numberColumn('Repaid'), numberColumn('Seized'), numberColumn('Bad debt')],
      rows: liquidationRows,
      emptyText: result.liquidations > 0 ? 'Liquidation events were not recorded for this run (recordEvents: false).' : 'No liquidations.',
    },
  };
}
