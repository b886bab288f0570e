/**
 * Options venues inside the cascade. Each round, at the round's start prices (spot = the
 * underlying's pool price) and the scenario's vol shock, every options account is marked and
 * margined by its venue's rule; an account whose equity is below maintenance is closed out whole by
 * the venue's liquidation mode (src/risk/options-accounts/close-out.ts: fixed bonus, or Derive's
 * Dutch auction), and a shortfall goes through the waterfall (insurance fund, then socialised over
 * accounts with positive equity, then bad debt; integer cents).
 *
 * How a close-out reaches the pools — the coupling with lending (an assumption, stated in
 * docs/methodology of issue 5 and the README): a liquidated account's non-stablecoin collateral is
 * sold into its asset's pool at the round's end, together with the lending liquidations' seized
 * collateral. In a fixed-bonus close-out only what pays for the buy-backs is sold (stablecoins
 * first); in an auction the winning bidder, who takes the whole account, sells all of it. Option
 * positions pass to the liquidator and leave the venue's books.
 */
import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { closeOutAccounts, shortfallWaterfall, centsToUsd } from '../risk/options-accounts/index.js';
import { evaluateVenue, venueBooks, type VenueBook } from '../risk/options-venue/index.js';
import type { CascadeParticipant, ParticipantRound } from './cascade-types.js';

/** What one venue went through over the whole cascade. */
export interface OptionsVenueOutcome {
  protocol: string;
  liquidations: number;
  /** Option value closed out (|mark-to-market| of the liquidated books), USD at each round's prices. */
  closedOptionsUsd: number;
  collateralSoldUsd: number;
  shortfallUsd: number;
  insuranceAbsorbedUsd: number;
  socialisedUsd: number;
  badDebtUsd: number;
  insuranceFundUsd: number;
  liquidatedAccounts: string[];
  warnings: string[];
}

export interface OptionsParticipant extends CascadeParticipant {
  outcomes(): OptionsVenueOutcome[];
}

/** The options venues of a snapshot as a cascade participant; null when it has no options accounts. */
export function optionsParticipant(snapshot: EcosystemSnapshot, volShocks: Readonly<Record<string, number>> = {}): OptionsParticipant | null {
  const books = venueBooks(snapshot).filter((b) => b.positions.account.length > 0 || b.collateral.account.length > 0);
  if (books.length === 0) return null;
  const { assets, protocols, options } = snapshot;
  const volShock = new Float64Array(assets.symbol.length).fill(1);
  for (const [symbol, multiplier] of Object.entries(volShocks)) {
    const a = assets.symbol.indexOf(symbol);
    if (a < 0) throw new Error(`contagion/contagion/options-participant: vol shock names asset ${JSON.stringify(symbol)}, which is not in the snapshot`);
    if (!(multiplier > 0 && Number.isFinite(multiplier))) throw new Error(`contagion/contagion/options-participant: vol shock for ${symbol} must be > 0, got ${multiplier}`);
    volShock[a] = multiplier;
  }
  const stable = Uint8Array.from(assets.kind, (kind) => (kind === 'stable' ? 1 : 0));
  const state = books.map((book) => ({
    book,
    closed: new Uint8Array(book.riskAccount.length),
    fundLeftCents: Math.round(book.insuranceFundUsd * 100),
    outcome: {
      protocol: book.name, liquidations: 0, closedOptionsUsd: 0, collateralSoldUsd: 0, shortfallUsd: 0, insuranceAbsorbedUsd: 0,
      socialisedUsd: 0, badDebtUsd: 0, insuranceFundUsd: book.insuranceFundUsd, liquidatedAccounts: [] as string[], warnings: [...book.warnings],
    } satisfies OptionsVenueOutcome,
  }));

  const liquidatable = (book: VenueBook, closed: Uint8Array, price: Float64Array) => {
    const venue = evaluateVenue(book, options, price, volShock);
    const due = new Uint8Array(closed.length);
    for (let a = 0; a < closed.length; a++) due[a] = closed[a] === 0 && venue.equity.liquidatable[a] === 1 ? 1 : 0;
    return { venue, due };
  };

  return {
    wouldLiquidate: (price) => state.some(({ book, closed }) => liquidatable(book, closed, price).due.includes(1)),
    outcomes: () => state.map((s) => s.outcome),
    waterfalls: () => state.map(({ outcome }) => ({
      protocol: outcome.protocol, insuranceAbsorbedUsd: outcome.insuranceAbsorbedUsd, socialisedUsd: outcome.socialisedUsd, insuranceFundUsd: outcome.insuranceFundUsd,
    })),
    round(_round, price): ParticipantRound {
      const out: ParticipantRound = {
        liquidations: 0,
        repaidUsd: new Float64Array(protocols.name.length),
        seizedUsd: new Float64Array(protocols.name.length),
        badDebtUsd: new Float64Array(protocols.name.length),
        soldUnits: new Float64Array(assets.symbol.length),
      };
      for (const s of state) {
        const { book, closed, outcome } = s;
        const { venue, due } = liquidatable(book, closed, price);
        if (!due.includes(1)) continue;
        const dueMaintenance = Float64Array.from(venue.maintenance, (m, a) => (due[a] === 1 ? m : -Infinity));
        const closeOut = closeOutAccounts(venue.equity, dueMaintenance, book.liquidation);
        const shortfall = Float64Array.from(closeOut.shortfall, (v, a) => (due[a] === 1 ? v : 0));
        const base = Float64Array.from(venue.equity.equity, (e, a) => (due[a] === 1 || closed[a] === 1 ? 0 : Math.max(e, 0)));
        const waterfall = shortfallWaterfall({ shortfallUsd: shortfall, insuranceFundUsd: centsToUsd(s.fundLeftCents), socialisationBaseUsd: base }, { basis: 'positive-equity' });
        s.fundLeftCents = waterfall.insuranceFundRemainingCents;
        outcome.shortfallUsd += centsToUsd(waterfall.shortfallCents);
        outcome.insuranceAbsorbedUsd += centsToUsd(waterfall.insuranceAbsorbedCents);
        outcome.socialisedUsd += centsToUsd(waterfall.socialisedCents);
        outcome.badDebtUsd += centsToUsd(waterfall.badDebtCents);
        out.badDebtUsd[book.protocol] = out.badDebtUsd[book.protocol]! + centsToUsd(waterfall.shortfallCents);
        outcome.warnings.push(...closeOut.warnings, ...waterfall.warnings);

        for (let a = 0; a < due.length; a++) {
          if (due[a] === 0) continue;
          closed[a] = 1;
          out.liquidations++;
          outcome.liquidations++;
          outcome.liquidatedAccounts.push(snapshot.accounts.account[book.riskAccount[a]!]!);
          const optionsValue = venue.equity.longValue[a]! - venue.equity.shortValue[a]!;
          outcome.closedOptionsUsd += Math.abs(optionsValue);
          out.repaidUsd[book.protocol] = out.repaidUsd[book.protocol]! + Math.abs(optionsValue);
          // Fixed bonus: collateral pays the net cost of the buy-backs; auction: the bidder sells it all.
          const toRaise = book.liquidation.kind === 'fixed-bonus' ? Math.max(0, venue.equity.collateralMarketValue[a]! - Math.max(closeOut.equityAfter[a]!, 0)) : Infinity;
          const sold = sellCollateral(book, a, price, stable, toRaise, out.soldUnits);
          outcome.collateralSoldUsd += sold;
          out.seizedUsd[book.protocol] = out.seizedUsd[book.protocol]! + sold;
          for (let p = 0; p < book.positions.account.length; p++) if (book.positions.account[p] === a) book.positions.size[p] = 0;
        }
      }
      return out;
    },
  };
}

/**
 * Takes up to `usd` of account `a`'s collateral, stablecoins first (they need no sale), then the
 * rest largest first; the non-stable units taken are added to `soldUnits`. Returns the USD taken.
 */
function sellCollateral(book: VenueBook, a: number, price: Float64Array, stable: Uint8Array, usd: number, soldUnits: Float64Array): number {
  const rows: number[] = [];
  for (let r = 0; r < book.collateral.account.length; r++) if (book.collateral.account[r] === a && book.collateral.amount[r]! > 0) rows.push(r);
  const value = (r: number): number => book.collateral.amount[r]! * price[book.collateral.asset[r]!]!;
  rows.sort((x, y) => stable[book.collateral.asset[y]!]! - stable[book.collateral.asset[x]!]! || value(y) - value(x) || x - y);
  let left = usd;
  let taken = 0;
  for (const r of rows) {
    if (!(left > 0)) break;
    const asset = book.collateral.asset[r]!;
    const takeUsd = Math.min(value(r), left);
    const units = takeUsd >= value(r) ? book.collateral.amount[r]! : takeUsd / price[asset]!;
    book.collateral.amount[r] = book.collateral.amount[r]! - units;
    if (stable[asset] === 0) soldUnits[asset] = soldUnits[asset]! + units;
    left -= takeUsd;
    taken += takeUsd;
  }
  return taken;
}
