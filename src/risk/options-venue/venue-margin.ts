/**
 * A whole options venue's margin, as `contagion margin --venue` prints it: totals of maintenance,
 * initial and strategy-based margin, equity, how many accounts are below maintenance, the
 * distribution of margin ratios and the thinnest accounts — optionally with dynamic margin, the
 * venue's grid scaled per underlying by an EWMA or GARCH(1,1) forecast fitted to the snapshot's
 * price history (src/risk/volatility), the forecast's parameters reported with the figures.
 */
import type { EcosystemSnapshot } from '../../model/ecosystem.js';
import { scenarioGridFor, strategyMargin, type MarginPortfolio } from '../margin/index.js';
import { accountEquity } from '../options-accounts/index.js';
import { dynamicMargin, type DynamicMarginResult, type PriceHistory } from '../volatility/index.js';
import { buildVolSurface, type VolQuote } from '../vol-surface/index.js';
import { evaluateVenue } from './evaluate-venue.js';
import type { VenueBook } from './venue-book.js';

export interface VenueMarginReport {
  venue: string;
  grid: string;
  accounts: number;
  accountsBelowMaintenance: number;
  maintenanceUsd: number;
  initialUsd: number;
  strategyMarginUsd: number;
  equityUsd: number;
  /** Margin ratio (equity / maintenance) percentiles over accounts with maintenance > 0. */
  marginRatio: { min: number; p5: number; median: number; p95: number };
  thinnest: { account: string; equityUsd: number; maintenanceUsd: number; marginRatio: number }[];
  /** Per underlying, the venue's quoted vols as a surface (SVI per expiry) and what its checks found. */
  volSurfaces: { symbol: string; quotes: number; expiries: number; atmVolNearest: number; warnings: string[] }[];
  dynamic: null | {
    model: 'ewma' | 'garch';
    underlyings: { symbol: string; forecastAnnualisedVol: number; scanRange: number; scale: number; clamped: string; parameters: DynamicMarginResult['underlyings'][number]['forecast']['parameters'] }[];
  };
  warnings: string[];
}

export function venueMargin(
  snapshot: EcosystemSnapshot,
  book: VenueBook,
  priceUsd: Float64Array,
  volShock: Float64Array,
  dynamic: 'ewma' | 'garch' | null = null,
): VenueMarginReport {
  const venue = evaluateVenue(book, snapshot.options, priceUsd, volShock);
  const { options, assets } = snapshot;
  const portfolio: MarginPortfolio = {
    accountCount: book.riskAccount.length, spot: priceUsd,
    options: { underlying: options.underlying, isCall: options.isCall, strike: options.strikeUsd, years: options.expiryYears.map((y) => Math.max(y, 0)), vol: venue.vol },
    positions: book.positions,
  };
  let maintenance = venue.maintenance;
  let initial = venue.initial;
  let equity = venue.equity;
  let dynamicReport: VenueMarginReport['dynamic'] = null;
  const warnings = [...venue.warnings];
  if (dynamic !== null) {
    const result = dynamicMargin(portfolio, scenarioGridFor(book.grid), histories(snapshot, book), { forecast: { model: dynamic }, margin: { imFactor: book.imFactor } });
    maintenance = result.margin.maintenance;
    initial = result.margin.initial;
    equity = accountEquity({ accountCount: portfolio.accountCount, assetPrice: priceUsd, haircut: book.haircut, collateral: book.collateral, positions: book.positions, mark: venue.mark, maintenance });
    warnings.push(...result.warnings);
    dynamicReport = {
      model: dynamic,
      underlyings: result.underlyings.map((u) => ({
        symbol: assets.symbol[u.underlying]!, forecastAnnualisedVol: u.forecast.annualisedVol, scanRange: u.scanRange.scanRange,
        scale: u.scanRange.scale, clamped: u.scanRange.clamped, parameters: u.forecast.parameters,
      })),
    };
  }
  const strategy = strategyMargin(portfolio, venue.mark).requirement;
  const ratios = Array.from(equity.marginRatio).filter((r, a) => maintenance[a]! > 0 && Number.isFinite(r)).sort((x, y) => x - y);
  const at = (q: number): number => (ratios.length === 0 ? NaN : ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]!);
  const order = Array.from(maintenance.keys()).filter((a) => maintenance[a]! > 0).sort((x, y) => equity.marginRatio[x]! - equity.marginRatio[y]!);
  const total = (xs: Float64Array): number => xs.reduce((s, x) => s + x, 0);
  return {
    venue: book.name,
    grid: scenarioGridFor(book.grid).name,
    accounts: book.riskAccount.length,
    accountsBelowMaintenance: equity.liquidatable.reduce((s, x) => s + x, 0),
    maintenanceUsd: total(maintenance),
    initialUsd: total(initial),
    strategyMarginUsd: total(strategy),
    equityUsd: total(equity.equity),
    marginRatio: { min: at(0), p5: at(0.05), median: at(0.5), p95: at(0.95) },
    thinnest: order.slice(0, 10).map((a) => ({
      account: snapshot.accounts.account[book.riskAccount[a]!]!, equityUsd: equity.equity[a]!, maintenanceUsd: maintenance[a]!, marginRatio: equity.marginRatio[a]!,
    })),
    volSurfaces: surfaces(snapshot, book, priceUsd, venue.vol),
    dynamic: dynamicReport,
    warnings,
  };
}

/** The venue's vols (as used, shock included) per underlying as a surface, with its arbitrage and fit checks. */
function surfaces(snapshot: EcosystemSnapshot, book: VenueBook, priceUsd: Float64Array, vol: Float64Array): VenueMarginReport['volSurfaces'] {
  const { options, assets } = snapshot;
  const byUnderlying = new Map<number, VolQuote[]>();
  for (let o = 0; o < options.optionId.length; o++) {
    if (options.protocol[o] !== book.protocol || !(options.expiryYears[o]! > 0) || !(vol[o]! > 0)) continue;
    // One quote per strike, as surfaces are built: the out-of-the-money side (calls above spot, puts below).
    const aboveSpot = options.strikeUsd[o]! >= priceUsd[options.underlying[o]!]!;
    if ((options.isCall[o] === 1) !== aboveSpot) continue;
    const list = byUnderlying.get(options.underlying[o]!) ?? [];
    list.push({ expiryYears: options.expiryYears[o]!, strike: options.strikeUsd[o]!, impliedVol: vol[o]! });
    byUnderlying.set(options.underlying[o]!, list);
  }
  return [...byUnderlying].map(([u, quotes]) => {
    const spot = priceUsd[u]!;
    const surface = buildVolSurface({ underlying: assets.symbol[u]!, forwards: { kind: 'cost-of-carry', spot, rate: 0, yieldRate: 0 }, quotes });
    return {
      symbol: assets.symbol[u]!, quotes: quotes.length, expiries: surface.expiries.length,
      atmVolNearest: surface.vol(spot, surface.expiries[0]!), warnings: surface.warnings.map((w) => w.message),
    };
  });
}

/** Each underlying's price history in the snapshot (daily closes, time order). */
function histories(snapshot: EcosystemSnapshot, book: VenueBook): PriceHistory[] {
  const used = new Set<number>();
  for (let p = 0; p < book.positions.option.length; p++) used.add(snapshot.options.underlying[book.positions.option[p]!]!);
  const { priceHistory } = snapshot;
  return [...used].flatMap((underlying) => {
    const prices = priceHistory.priceUsd.filter((_, i) => priceHistory.asset[i] === underlying);
    return prices.length > 2 ? [{ underlying, prices }] : [];
  });
}
