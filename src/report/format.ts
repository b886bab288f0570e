/**
 * Number formatting shared by every report format, so a figure reads the same in the HTML page,
 * the Markdown file, the terminal summary and the chart axes.
 *
 * Two USD styles, each with one job:
 *  - `formatUsd`: whole dollars with thousands separators ("$1,234,567"), for tables, where a
 *    reader compares rows digit by digit and sums them by eye;
 *  - `formatUsdCompact`: at most three significant digits with a K/M/B/T suffix ("$12.3M", "$2M")
 *    from $1,000 up, for headline figures and chart labels, where only the magnitude matters
 *    (`compactUsdExpr` in chart-config.ts is the same rule as a Vega expression).
 * Non-finite values print as "n/a" (NaN) or "∞", never as a number: the solver uses `Infinity`
 * for "no debt" health factors and `NaN` for unknown parameters.
 */

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COMPACT_UNITS: readonly [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

const nonFinite = (value: number): string | null =>
  Number.isNaN(value) ? 'n/a' : value === Infinity ? '∞' : value === -Infinity ? '-∞' : null;

/** Whole dollars with thousands separators: "$1,234,567"; "<$1" for a non-zero amount under a dollar. */
export function formatUsd(value: number): string {
  const special = nonFinite(value);
  if (special !== null) return special;
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude > 0 && magnitude < 0.5) return `${sign}<$1`;
  const text = WHOLE.format(magnitude);
  return text === '0' ? '$0' : `${sign}$${text}`;
}

/** At most three significant digits with a suffix from $1,000 up ("$12.3M", "$1.23B", "$2M"); whole dollars below. */
export function formatUsdCompact(value: number): string {
  const special = nonFinite(value);
  if (special !== null) return special;
  const magnitude = Math.abs(value);
  // Round first so that 999,950 becomes "$1.00M" rather than "$1000K".
  const rounded = Number(magnitude.toPrecision(3));
  for (const [unit, suffix] of COMPACT_UNITS) {
    if (rounded >= unit) return `${value < 0 ? '-' : ''}$${Number((rounded / unit).toPrecision(3))}${suffix}`;
  }
  return formatUsd(value);
}

/** A token price: cents from $1 up ("$1,816.85"), four significant digits below ("$0.9999"). */
export function formatPrice(value: number): string {
  const special = nonFinite(value);
  if (special !== null) return special;
  const magnitude = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (magnitude >= 1 || magnitude === 0) return `${sign}$${CENTS.format(magnitude)}`;
  return `${sign}$${Number(magnitude.toPrecision(4))}`;
}

/** A relative change as a signed percentage with one decimal: "-30.0%", "+2.5%", "0.0%". */
export function formatChange(ratio: number): string {
  const special = nonFinite(ratio);
  if (special !== null) return special;
  const percent = (ratio * 100).toFixed(1);
  if (percent === '0.0' || percent === '-0.0') return '0.0%';
  return `${ratio > 0 ? '+' : ''}${percent}%`;
}

/** A count with thousands separators. */
export const formatCount = (value: number): string => nonFinite(value) ?? WHOLE.format(value);

/** A health factor or ratio with up to four decimals ("1.0056"); "∞" for an account without debt. */
export const formatRatio = (value: number): string => nonFinite(value) ?? String(Number(value.toFixed(4)));

/** A price multiplier as the change it causes: 0.7 → "×0.7 (-30.0%)". */
export const formatShock = (multiplier: number): string => `×${formatRatio(multiplier)} (${formatChange(multiplier - 1)})`;

/**
 * "0x1234…cdef" for a 0x-hex identifier longer than 13 characters (addresses, market ids), so
 * chart labels stay short; anything else (a label, an off-chain id) is returned whole.
 */
export const shortId = (id: string): string => (/^0x[0-9a-fA-F]{12,}$/.test(id) ? `${id.slice(0, 6)}…${id.slice(-4)}` : id);
