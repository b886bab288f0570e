/**
 * One options account laid open, as `contagion margin --account` prints it: each position with its
 * mark and Greeks, the portfolio's P&L in every scenario of the venue's grid, the maintenance and
 * initial margin, equity and margin ratio, and the strategy-based margin of the same positions for
 * comparison. The grid P&L is recomputed here with scalar BSM prices — an independent check of the
 * vectorised portfolio-margin solver, whose worst weighted loss it must equal.
 */
import type { EcosystemSnapshot } from '../../model/ecosystem.js';
import { PORTFOLIO_MARGIN_DEFAULTS, scenarioGridFor, shockedVolUnfloored, strategyMargin, type MarginPortfolio } from '../margin/index.js';
import { bsm } from '../pricing/index.js';
import { evaluateVenue } from './evaluate-venue.js';
import type { VenueBook } from './venue-book.js';

export interface AccountMarginReport {
  venue: string;
  account: string;
  grid: { name: string; source: string; scenarios: number };
  positions: {
    optionId: string; type: 'call' | 'put'; strikeUsd: number; expiryYears: number; size: number; vol: number; markUsd: number;
    valueUsd: number; delta: number; gamma: number; vega: number; theta: number;
  }[];
  totals: { valueUsd: number; delta: number; gamma: number; vega: number; theta: number };
  scenarios: { label: string; spotMultiplier: number; volMove: number; lossWeight: number; pnlUsd: number; weightedLossUsd: number }[];
  worstScenario: string;
  scenarioMarginUsd: number;
  maintenanceUsd: number;
  initialUsd: number;
  collateralUsd: number;
  equityUsd: number;
  marginRatio: number;
  strategyMarginUsd: number;
  /** Portfolio over strategy-based maintenance: the capital saving of portfolio margin. */
  portfolioToStrategy: number;
}

export function accountMargin(snapshot: EcosystemSnapshot, book: VenueBook, localAccount: number, priceUsd: Float64Array, volShock: Float64Array): AccountMarginReport {
  const { options } = snapshot;
  const venue = evaluateVenue(book, options, priceUsd, volShock);
  const grid = scenarioGridFor(book.grid);
  const rows = [] as AccountMarginReport['positions'];
  const pnl = new Float64Array(grid.spotMultiplier.length);
  for (let p = 0; p < book.positions.account.length; p++) {
    if (book.positions.account[p] !== localAccount || book.positions.size[p] === 0) continue;
    const o = book.positions.option[p]!;
    const size = book.positions.size[p]!;
    const spot = priceUsd[options.underlying[o]!]!;
    const years = Math.max(options.expiryYears[o]!, 0);
    const isCall = options.isCall[o] === 1;
    const vol = venue.vol[o]!;
    const now = bsm({ spot, strike: options.strikeUsd[o]!, expiry: years, vol, rate: 0, dividendYield: 0, isCall });
    rows.push({
      optionId: options.optionId[o]!, type: isCall ? 'call' : 'put', strikeUsd: options.strikeUsd[o]!, expiryYears: years, size, vol,
      markUsd: now.price, valueUsd: size * now.price, delta: size * now.delta, gamma: size * now.gamma, vega: size * now.vega, theta: size * now.theta,
    });
    for (let s = 0; s < grid.spotMultiplier.length; s++) {
      const scenarioYears = Math.max(years - grid.horizonYears, 0);
      const shocked = Math.max(shockedVolUnfloored(grid.volShock, vol, years, grid.volMove[s]!), PORTFOLIO_MARGIN_DEFAULTS.minVol);
      const value = bsm({ spot: spot * grid.spotMultiplier[s]!, strike: options.strikeUsd[o]!, expiry: scenarioYears, vol: shocked, rate: 0, dividendYield: 0, isCall }).price;
      pnl[s] = pnl[s]! + size * (value - now.price);
    }
  }
  const scenarios = grid.labels.map((label, s) => ({
    label, spotMultiplier: grid.spotMultiplier[s]!, volMove: grid.volMove[s]!, lossWeight: grid.lossWeight[s]!, pnlUsd: pnl[s]!,
    weightedLossUsd: Math.max(0, -pnl[s]!) * grid.lossWeight[s]!,
  }));
  const worst = scenarios.reduce((w, s, i) => (s.weightedLossUsd > scenarios[w]!.weightedLossUsd ? i : w), 0);
  const portfolio: MarginPortfolio = {
    accountCount: book.riskAccount.length, spot: priceUsd,
    options: { underlying: options.underlying, isCall: options.isCall, strike: options.strikeUsd, years: options.expiryYears.map((y) => Math.max(y, 0)), vol: venue.vol },
    positions: book.positions,
  };
  const strategy = strategyMargin(portfolio, venue.mark).requirement[localAccount]!;
  const sum = (key: 'valueUsd' | 'delta' | 'gamma' | 'vega' | 'theta'): number => rows.reduce((t, r) => t + r[key], 0);
  const maintenance = venue.maintenance[localAccount]!;
  return {
    venue: book.name,
    account: snapshot.accounts.account[book.riskAccount[localAccount]!]!,
    grid: { name: grid.name, source: grid.source, scenarios: grid.labels.length },
    positions: rows,
    totals: { valueUsd: sum('valueUsd'), delta: sum('delta'), gamma: sum('gamma'), vega: sum('vega'), theta: sum('theta') },
    scenarios,
    worstScenario: scenarios[worst]?.label ?? 'none',
    scenarioMarginUsd: scenarios[worst]?.weightedLossUsd ?? 0,
    maintenanceUsd: maintenance,
    initialUsd: venue.initial[localAccount]!,
    collateralUsd: venue.equity.collateralValue[localAccount]!,
    equityUsd: venue.equity.equity[localAccount]!,
    marginRatio: venue.equity.marginRatio[localAccount]!,
    strategyMarginUsd: strategy,
    portfolioToStrategy: strategy > 0 ? maintenance / strategy : NaN,
  };
}
