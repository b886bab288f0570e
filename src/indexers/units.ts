import { IndexerError } from './errors.js';

/** Where a value came from, for error messages. */
export interface Origin {
  source: string;
  entity: string;
  id: string;
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A raw on-chain integer amount (subgraph `BigInt`, as a string) scaled by the token's decimals into
 * exact whole-token decimal text, e.g. ("1500000", 6) → "1.5". More than 18 fractional digits are
 * truncated toward zero (the store keeps 18). Negative amounts are an error.
 */
export function scaleRawAmount(raw: string, decimals: number, origin: Origin, field: string): string {
  if (!INTEGER.test(raw)) throw new IndexerError(`${field} ${JSON.stringify(raw)} of id ${origin.id} is not an integer amount`, origin);
  if (raw.startsWith('-')) throw new IndexerError(`${field} ${raw} of id ${origin.id} is negative`, origin);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 77) {
    throw new IndexerError(`token decimals ${decimals} for ${field} of id ${origin.id} are not a whole number in 0..77`, origin);
  }
  const digits = BigInt(raw).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).slice(0, 18).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** A subgraph `BigDecimal` (string) as a finite number; anything else is an error naming the field. */
export function decimalNumber(value: string, origin: Origin, field: string): number {
  if (!DECIMAL.test(value) && !/^-?\d+(\.\d+)?[eE][-+]?\d+$/.test(value)) {
    throw new IndexerError(`${field} ${JSON.stringify(value)} of id ${origin.id} is not a number`, origin);
  }
  const number = Number(value);
  if (!Number.isFinite(number)) throw new IndexerError(`${field} ${value} of id ${origin.id} is not finite`, origin);
  return number;
}

/** Messari stores ratios as percentages ("82.5" = 82.5%); the store keeps fractions. */
export function percentToFraction(value: string, origin: Origin, field: string): number {
  const percent = decimalNumber(value, origin, field);
  if (percent < 0 || percent > 100) throw new IndexerError(`${field} ${value}% of id ${origin.id} is outside 0–100%`, origin);
  return percent / 100;
}

/** Aave and Morpho store ratios in basis points (8250 = 82.5%) or WAD (0.825e18); these convert exactly enough for risk use. */
export const bpsToFraction = (bps: number): number => bps / 10_000;
export function wadToFraction(wad: string, origin: Origin, field: string): number {
  if (!INTEGER.test(wad)) throw new IndexerError(`${field} ${JSON.stringify(wad)} of id ${origin.id} is not a WAD integer`, origin);
  return Number(BigInt(wad)) / 1e18;
}
