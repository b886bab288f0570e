/**
 * An options venue's accounts at given prices and volatilities: every option marked (BSM with the
 * venue's zero rate and carry, as Derive's Black-76 with discount 1), maintenance margin by the
 * venue's rule (portfolio margin on its grid, or strategy-based), and each account's equity and
 * margin ratio. Pure: the book is read, never changed.
 */
import type { OptionTable } from '../../model/ecosystem.js';
import { portfolioMargin, scenarioGridFor, strategyMargin, MarginScratch, type MarginPortfolio } from '../margin/index.js';
import { accountEquity, type AccountEquity } from '../options-accounts/index.js';
import { allocateGreekColumns, bsmColumns } from '../pricing/index.js';
import type { VenueBook } from './venue-book.js';

export interface VenueState {
  /** Per option (snapshot index): the vol used (base × shock) and the mark (USD per unit). */
  vol: Float64Array;
  mark: Float64Array;
  maintenance: Float64Array;
  initial: Float64Array;
  equity: AccountEquity;
  warnings: string[];
}

const scratch = new MarginScratch();

/**
 * `priceUsd` is per asset (the underlying's price is its spot); `volShock` multiplies the venue's
 * implied vols per underlying asset (1 = unchanged).
 */
export function evaluateVenue(book: VenueBook, options: OptionTable, priceUsd: Float64Array, volShock: Float64Array): VenueState {
  const n = options.optionId.length;
  const vol = new Float64Array(n);
  const spot = new Float64Array(n);
  const years = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    const base = book.baseVol[o]!;
    // Another venue's option (no base vol here) is never referenced by this book: price it at zero vol.
    vol[o] = Number.isNaN(base) ? 0 : base * volShock[options.underlying[o]!]!;
    spot[o] = priceUsd[options.underlying[o]!]!;
    years[o] = Math.max(options.expiryYears[o]!, 0);
  }
  const greeks = bsmColumns(
    { spot, strike: options.strikeUsd, expiry: years, vol, rate: new Float64Array(n), dividendYield: new Float64Array(n), isCall: options.isCall },
    allocateGreekColumns(n),
  );
  const mark = greeks.price;
  const accountCount = book.riskAccount.length;
  const portfolio: MarginPortfolio = {
    accountCount,
    spot: priceUsd,
    options: { underlying: options.underlying, isCall: options.isCall, strike: options.strikeUsd, years, vol },
    positions: book.positions,
  };
  const warnings: string[] = [];
  let maintenance: Float64Array;
  let initial: Float64Array;
  if (book.marginModel === 'portfolio') {
    const margin = portfolioMargin(portfolio, scenarioGridFor(book.grid), { imFactor: book.imFactor, scratch });
    maintenance = margin.maintenance;
    initial = margin.initial;
    warnings.push(...margin.warnings);
  } else {
    const margin = strategyMargin(portfolio, mark);
    maintenance = margin.requirement;
    initial = Float64Array.from(maintenance, (m) => m * book.imFactor);
    warnings.push(...margin.warnings);
  }
  const equity = accountEquity({
    accountCount, assetPrice: priceUsd, haircut: book.haircut, collateral: book.collateral, positions: book.positions, mark, maintenance,
  });
  return { vol, mark, maintenance, initial, equity, warnings };
}
