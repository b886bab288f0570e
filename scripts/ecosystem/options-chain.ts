/**
 * The listed ETH option chain at the snapshot: expiries and strikes (options-assumptions.ts), an
 * implied vol per contract from the assumed surface around the sourced ATM level, and a mark that
 * is the Black-76 price at that vol (a model price, not a traded one). Checks the surface for
 * calendar and butterfly arbitrage before anything is written.
 */
import { optionPrice } from './black76.js';
import { EXPIRY_DATES, EXPIRY_HOUR_UTC, STRIKE_GRID, VALUATION_TIME, VOL_SURFACE } from './options-assumptions.js';
import type { ParamBook } from './params.js';

export interface OptionContract {
  id: string;
  type: 'call' | 'put';
  strike: number;
  expiry: string;
  /** Index into EXPIRY_DATES. */
  expiryIndex: number;
  years: number;
  vol: number;
  mark: number;
}

export interface OptionChain {
  spot: number;
  atm30: number;
  contracts: OptionContract[];
  byId: Map<string, OptionContract>;
}

/** ETH 30-day ATM vol: Block Scholes' Oct 2023 level less BitOoda's BTC premium (both in published-params.json). */
export function atm30(p: ParamBook): number {
  return p.fig('blockscholes-2023-10', 'implied_vol_level') - p.fig('bitooda-2023-10-13', 'btc_premium_vol_points');
}

export function atmVol(sigma30: number, years: number): number {
  return sigma30 * Math.pow(Math.max(years, VOL_SURFACE.minDays / 365) / (30 / 365), -VOL_SURFACE.termPower);
}

/** Moneyness in standard deviations of the expiry, clamped to the smile's range. */
export function stdMoneyness(spot: number, strike: number, atm: number, years: number): number {
  const x = Math.log(strike / spot) / (atm * Math.sqrt(years));
  return Math.max(-VOL_SURFACE.xClamp, Math.min(VOL_SURFACE.xClamp, x));
}

export function smileVol(sigma30: number, spot: number, strike: number, years: number): number {
  const atm = atmVol(sigma30, years);
  const x = stdMoneyness(spot, strike, atm, years);
  return atm * (1 + VOL_SURFACE.skew * x + VOL_SURFACE.curvature * x * x);
}

export function strikesFor(spot: number, atm: number, years: number): number[] {
  const g = STRIKE_GRID;
  const width = Math.min(g.maxWidth, Math.max(g.minWidth, g.sigmas * atm * Math.sqrt(years)));
  const out: number[] = [];
  for (let k = Math.ceil((spot * (1 - width)) / g.step) * g.step; k <= spot * (1 + width); k += g.step) out.push(k);
  return out;
}

export function buildChain(p: ParamBook, spot: number): OptionChain {
  const sigma30 = atm30(p);
  const t0 = Date.parse(VALUATION_TIME);
  const contracts: OptionContract[] = [];
  EXPIRY_DATES.forEach((date, expiryIndex) => {
    const expiry = `${date}T${EXPIRY_HOUR_UTC}Z`;
    const years = (Date.parse(expiry) - t0) / 1000 / (365 * 86400);
    for (const strike of strikesFor(spot, atmVol(sigma30, years), years)) {
      const vol = smileVol(sigma30, spot, strike, years);
      for (const type of ['call', 'put'] as const) {
        const id = `ETH-${date.replace(/-/g, '')}-${strike}-${type === 'call' ? 'C' : 'P'}`;
        contracts.push({ id, type, strike, expiry, expiryIndex, years, vol, mark: optionPrice(type, { forward: spot, strike, vol, years }) });
      }
    }
  });
  checkArbitrage(sigma30, spot, contracts);
  return { spot, atm30: sigma30, contracts, byId: new Map(contracts.map((c) => [c.id, c])) };
}

/** Total variance rises with expiry at every listed strike; call prices are convex in strike. */
function checkArbitrage(sigma30: number, spot: number, contracts: readonly OptionContract[]): void {
  const years = [...new Set(contracts.map((c) => c.years))];
  const strikes = [...new Set(contracts.map((c) => c.strike))];
  for (const k of strikes) {
    for (let i = 1; i < years.length; i++) {
      const w = (t: number) => smileVol(sigma30, spot, k, t) ** 2 * t;
      if (!(w(years[i]) > w(years[i - 1]))) throw new Error(`options-chain: calendar arbitrage at strike ${k}`);
    }
  }
  for (const t of years) {
    const calls = contracts.filter((c) => c.years === t && c.type === 'call').sort((a, b) => a.strike - b.strike);
    for (let i = 1; i + 1 < calls.length; i++) {
      if (calls[i - 1].mark - 2 * calls[i].mark + calls[i + 1].mark < -1e-9) throw new Error(`options-chain: butterfly arbitrage at ${calls[i].id}`);
    }
  }
}
