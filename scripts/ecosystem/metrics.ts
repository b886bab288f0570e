/** Health factor and USD values of generated accounts, shared by the event builder and the checks. */
import type { GenAccount, MarketRow, Position, Universe } from './types.js';
import { price } from './types.js';

const cache = new WeakMap<Universe, Map<string, MarketRow>>();

/** The market row a position lives in: its asset's market in a pooled protocol, the account's otherwise. */
export function marketOf(u: Universe, acc: GenAccount, asset: string): MarketRow {
  let index = cache.get(u);
  if (index === undefined) {
    index = new Map(u.markets.map((m) => [`${m.protocol}|${m.market}|${m.asset}`, m]));
    cache.set(u, index);
  }
  const m = index.get(`${acc.protocol}|${acc.market ?? asset}|${asset}`);
  if (m === undefined) throw new Error(`no market for ${acc.protocol} ${acc.market ?? ''} ${asset}`);
  return m;
}

export function usd(u: Universe, p: Position, amount: number = p.amount): number {
  return amount * price(u, p.asset);
}

export function debtUsd(
  u: Universe,
  acc: GenAccount,
  amountOf: (p: Position) => number = (p) => p.amount,
  px: (symbol: string) => number = (s) => price(u, s),
): number {
  return acc.positions.filter((p) => p.side === 'debt').reduce((s, p) => s + amountOf(p) * px(p.asset), 0);
}

/** Σ collateral·price·LT / Σ debt·price (Infinity without debt), optionally at shocked prices. */
export function healthFactor(
  u: Universe,
  acc: GenAccount,
  amountOf: (p: Position) => number = (p) => p.amount,
  px: (symbol: string) => number = (s) => price(u, s),
): number {
  let cap = 0;
  let debt = 0;
  for (const p of acc.positions) {
    const v = amountOf(p) * px(p.asset);
    if (p.side === 'debt') debt += v;
    else cap += v * marketOf(u, acc, p.asset).liquidationThreshold;
  }
  return debt === 0 ? Infinity : cap / debt;
}
