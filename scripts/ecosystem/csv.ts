/**
 * CSV writing and number formatting for the import format (docs/import-format.md): plain decimal
 * strings, no thousands separators, no exponent notation, `\n` line ends, empty cell = not given.
 * Every number goes through these helpers so output bytes depend only on the values.
 */

export type Cell = string | number | null;

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Trims trailing zeros of a fixed-point string: "1250.500000" -> "1250.5", "3.000" -> "3". */
export function trimZeros(fixed: string): string {
  if (!fixed.includes('.')) return fixed;
  const t = fixed.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}

/** Decimal string with at most `dp` decimals; rejects values toFixed would print in exponent form. */
export function fixed(x: number, dp: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot format ${x}`);
  if (Math.abs(x) >= 1e21) throw new Error(`${x} is too large for a plain decimal string`);
  return trimZeros(x.toFixed(dp));
}

/** An integer scaled by 10^decimals, printed exactly (oracle answers, WAD values). */
export function scaled(raw: bigint, decimals: number): string {
  const neg = raw < 0n;
  const digits = (neg ? -raw : raw).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return (neg ? '-' : '') + trimZeros(decimals > 0 ? `${whole}.${frac}` : whole);
}

function cellText(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return fixed(v, 12);
  return quote(v);
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(quote).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`row has ${row.length} cells, header has ${header.length}`);
    lines.push(row.map(cellText).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Minimal CSV reader for the committed inputs: no quoted fields occur in them, so none are handled. */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',');
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`line ${i + 2}: ${cells.length} cells, expected ${header.length}`);
    const row: Record<string, string> = {};
    header.forEach((h, j) => (row[h] = cells[j]));
    return row;
  });
}

/** Code-unit string order: locale-independent, so sorted output is the same on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
