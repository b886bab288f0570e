/**
 * Market makers of the options venue: the other side of every customer position, so that each
 * option's longs equal its shorts exactly (in lots of 0.01 ETH).
 *   1. per option, the customers' net position is split across the market makers quoting that
 *      expiry, by random appetite, with largest-remainder rounding (no lot is lost);
 *   2. each one holds WETH equal to its book's negative delta (its delta hedge; a positive delta
 *      would need a short, which collateral cannot be, and stays open on the venue);
 *   3. USDC fills the venue's collateral up to the published TVL: the amount left after every other
 *      account is shared so that each market maker's margin ratio is a common level times a
 *      lognormal scatter; the run fails if one would end below MARKET_MAKERS.minRatio.
 */
import { optionDelta } from './black76.js';
import { EXPIRY_DATES, LOT, MARKET_MAKERS } from './options-assumptions.js';
import { legsOf, type FlowContext, type OptionAccount, type OptionHolding } from './options-flows.js';
import { pmrmMargin } from './pmrm.js';
import type { Rng } from './prng.js';

/** Splits `total` whole lots by weight; remainders go to the largest fractional parts (ties: lower index). */
function splitLots(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((_, i) => i).sort((i, j) => exact[j] - Math.floor(exact[j]) - (exact[i] - Math.floor(exact[i])) || i - j);
  for (const i of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}

function books(rng: Rng, ctx: FlowContext, customers: readonly OptionAccount[]): OptionHolding[][] {
  const n = MARKET_MAKERS.accounts;
  const appetite = Array.from({ length: n }, () => rng.lognormal(1, MARKET_MAKERS.appetiteSigma));
  // Which market makers quote which expiry; every expiry has at least one.
  const quotes = EXPIRY_DATES.map(() => {
    const q = appetite.map(() => rng.chance(MARKET_MAKERS.participation));
    if (!q.some(Boolean)) q[rng.int(n)] = true;
    return q;
  });
  const net = new Map<string, number>();
  for (const a of customers) for (const h of a.holdings) net.set(h.optionId, (net.get(h.optionId) ?? 0) + h.lots);
  const out: OptionHolding[][] = Array.from({ length: n }, () => []);
  for (const c of ctx.chain.contracts) {
    const lots = net.get(c.id) ?? 0;
    if (lots === 0) continue;
    const weights = appetite.map((w, m) => (quotes[c.expiryIndex][m] ? w : 0));
    splitLots(Math.abs(lots), weights).forEach((k, m) => {
      if (k > 0) out[m].push({ optionId: c.id, lots: -Math.sign(lots) * k });
    });
  }
  return out;
}

export function marketMakers(ctx: FlowContext, customers: readonly OptionAccount[], residualCollateralUsd: number, wethPrice: number): OptionAccount[] {
  const rng = ctx.rng('options:market-makers');
  const { chain } = ctx;
  const accounts = books(rng, ctx, customers).map((holdings) => {
    const delta = legsOf(chain, holdings).reduce((s, l) => s + l.size * optionDelta(l.type, { forward: chain.spot, strike: l.strike, vol: l.vol, years: l.years }), 0);
    const weth = delta < 0 ? Math.round(-delta * 1e6) / 1e6 : 0;
    const m = pmrmMargin(ctx.pmrm, { cash: 0, base: weth, legs: legsOf(chain, holdings) }, { spot: chain.spot, stablePrice: ctx.stablePrice });
    return { holdings, weth, requirement: m.requirement, equity0: m.equity, scatter: Math.exp(MARKET_MAKERS.ratioSigma * rng.normal()) };
  });
  const usdc = (residualCollateralUsd - accounts.reduce((s, a) => s + a.weth * wethPrice, 0)) / ctx.stablePrice;
  // Common level rho with cash_i = rho·scatter_i·req_i − equity0_i ≥ 0 and Σ cash_i = usdc; a market maker whose
  // hedge alone exceeds its share holds no USDC and drops out of the sharing.
  let active = accounts.map(() => true);
  let rho = 0;
  for (let pass = 0; pass < accounts.length; pass++) {
    const fixedEquity = accounts.reduce((s, a, i) => s + (active[i] ? a.equity0 : 0), 0);
    const weight = accounts.reduce((s, a, i) => s + (active[i] ? a.scatter * a.requirement : 0), 0);
    rho = (usdc + fixedEquity) / weight;
    const next = accounts.map((a, i) => active[i] && rho * a.scatter * a.requirement - a.equity0 > 0);
    if (next.every((v, i) => v === active[i])) break;
    active = next;
  }
  return accounts.map((a, i) => {
    const cash = active[i] ? Math.floor((rho * a.scatter * a.requirement - a.equity0) * 100) / 100 : 0;
    const ratio = a.requirement > 0 ? (cash + a.equity0) / a.requirement : Infinity;
    if (!(ratio >= MARKET_MAKERS.minRatio)) {
      throw new Error(`options-market-makers: market maker ${i + 1} would start at margin ratio ${ratio.toFixed(3)} (< ${MARKET_MAKERS.minRatio}); ` +
        'the published TVL leaves too little collateral for the market makers at this open interest: adjust FLOW_SHARE or the account plans');
    }
    const collateral = [
      ...(cash > 0 ? [{ asset: 'USDC', side: 'collateral' as const, amount: cash }] : []),
      ...(a.weth > 0 ? [{ asset: 'WETH', side: 'collateral' as const, amount: a.weth }] : []),
    ];
    return { archetype: 'market-maker' as const, holdings: a.holdings, collateral, address: '' };
  });
}

/** Total lots per option by side: the check that every long has a short. */
export function openInterestLots(accounts: readonly OptionAccount[]): Map<string, { long: number; short: number }> {
  const out = new Map<string, { long: number; short: number }>();
  for (const a of accounts) {
    for (const h of a.holdings) {
      const e = out.get(h.optionId) ?? out.set(h.optionId, { long: 0, short: 0 }).get(h.optionId) ?? { long: 0, short: 0 };
      if (h.lots > 0) e.long += h.lots;
      else e.short -= h.lots;
    }
  }
  return out;
}

export const lotsToEth = (lots: number) => lots * LOT;
