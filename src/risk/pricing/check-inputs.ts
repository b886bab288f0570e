/**
 * Input checks shared by the pricers. Each throws a `PricingError` naming the record (an option,
 * or a row of a column set) and the field, before any output is written. NaN fails every check.
 */
import { PricingError } from './errors.js';

/** A finite number > 0 (spot, forward, strike). */
export function requirePositive(value: number, record: string, field: string): void {
  if (!(value > 0 && value < Infinity)) {
    throw new PricingError(`${record}: field "${field}" must be a finite number > 0, got ${value}`);
  }
}

/** A finite number ≥ 0 (vol, expiry). */
export function requireNonNegative(value: number, record: string, field: string): void {
  if (!(value >= 0 && value < Infinity)) {
    throw new PricingError(`${record}: field "${field}" must be a finite number ≥ 0, got ${value}`);
  }
}

/** Any finite number (rates and yields may be negative). */
export function requireFinite(value: number, record: string, field: string): void {
  if (!Number.isFinite(value)) {
    throw new PricingError(`${record}: field "${field}" must be a finite number, got ${value}`);
  }
}

/**
 * Checks that every input column has the length `n` of the first and every output column is at
 * least that long; returns `n`.
 */
export function checkColumnLengths(
  record: string,
  inputs: Record<string, ArrayLike<number>>,
  outputs: Record<string, ArrayLike<number>> = {},
): number {
  const entries = Object.entries(inputs);
  const [firstName, first] = entries[0]!;
  const n = first.length;
  for (const [field, column] of entries) {
    if (column.length !== n) {
      throw new PricingError(`${record}: column "${field}" has length ${column.length}, expected ${n} (the length of "${firstName}")`);
    }
  }
  for (const [field, column] of Object.entries(outputs)) {
    if (column.length < n) {
      throw new PricingError(`${record}: output column "${field}" has length ${column.length}, needs at least ${n}`);
    }
  }
  return n;
}

/**
 * Checks one option (`i` = its row in a column set, or `null` for a lone option): underlying and
 * strike > 0, expiry and vol ≥ 0, rate and yield finite.
 */
export function checkOptionRow(
  record: string,
  i: number | null,
  underlyingField: string,
  underlying: number,
  strike: number,
  expiry: number,
  vol: number,
  rate: number,
  dividendYield: number,
): void {
  // Fast path: one comparison chain per row, the descriptive error only when it fails.
  if (underlying > 0 && underlying < Infinity && strike > 0 && strike < Infinity && expiry >= 0 && expiry < Infinity && vol >= 0 && vol < Infinity && Number.isFinite(rate) && Number.isFinite(dividendYield)) return;
  const row = i === null ? record : `${record} row ${i}`;
  requirePositive(underlying, row, underlyingField);
  requirePositive(strike, row, 'strike');
  requireNonNegative(expiry, row, 'expiry');
  requireNonNegative(vol, row, 'vol');
  requireFinite(rate, row, 'rate');
  requireFinite(dividendYield, row, 'dividendYield');
}
