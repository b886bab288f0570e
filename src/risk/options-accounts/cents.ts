/**
 * Money in integer cents, so that a loss split between an insurance fund, socialisation and bad
 * debt adds up exactly. Cents are held in `number`s that are safe integers (|x| ≤ 2^53 − 1, about
 * $90 trillion): sums and differences of such integers are exact in doubles as long as every
 * partial sum stays safe, which `addCents` checks. Pro-rata products, which can exceed 2^53, go
 * through `bigint` (shortfall-waterfall.ts).
 */
import { OptionsAccountError } from './errors.js';

/** USD → cents, rounded half away from zero. */
export function toCents(usd: number, record: string): number {
  if (!Number.isFinite(usd)) throw new OptionsAccountError(`${record}: must be a finite USD amount, got ${usd}`);
  const cents = Math.sign(usd) * Math.round(Math.abs(usd) * 100);
  if (!Number.isSafeInteger(cents)) throw new OptionsAccountError(`${record}: ${usd} USD is too large to count in cents exactly`);
  return cents === 0 ? 0 : cents; // no −0
}

export function centsToUsd(cents: number): number {
  return cents / 100;
}

/** a + b, checked to stay a safe integer. */
export function addCents(a: number, b: number, record: string): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new OptionsAccountError(`${record}: running total ${sum} cents is no longer exact`);
  return sum;
}
