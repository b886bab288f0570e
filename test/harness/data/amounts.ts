/**
 * Amounts as subgraphs store them: raw token units as decimal BigInt strings, and BigDecimal as
 * plain decimal strings without exponent or trailing zeros ("82.5", as graph-node prints them).
 * Human amounts are floats in the generators; conversion keeps 6 significant fractional digits
 * exact and scales the rest with bigint arithmetic, so 18-decimal tokens do not lose integers.
 */

/** A human amount (e.g. 1.5 WETH) in raw units (1500000000000000000) as a BigInt string. */
export function toRaw(amount: number, decimals: number): string {
  if (!Number.isFinite(amount) || amount < 0) throw new Error(`test/harness/data/amounts: cannot convert ${amount} to raw units`);
  if (decimals >= 6) return (BigInt(Math.round(amount * 1e6)) * 10n ** BigInt(decimals - 6)).toString();
  return BigInt(Math.round(amount * 10 ** decimals)).toString();
}

/** A raw BigInt string back to a human float (for totals and USD values). */
export function fromRaw(raw: string | bigint, decimals: number): number {
  return Number(BigInt(raw)) / 10 ** decimals;
}

/** A number as a graph-node BigDecimal string: fixed notation, trailing zeros trimmed. */
export function decimal(value: number, fractionDigits = 6): string {
  if (!Number.isFinite(value)) throw new Error(`test/harness/data/amounts: ${value} is not a BigDecimal`);
  const fixed = value.toFixed(fractionDigits);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Sum of BigInt strings. */
export const sumRaw = (values: readonly string[]): string => values.reduce((s, v) => s + BigInt(v), 0n).toString();
