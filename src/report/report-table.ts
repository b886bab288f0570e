/**
 * A table as the report states it, independent of format: cells are plain, already formatted,
 * unescaped text. The HTML, Markdown and terminal writers each render the same `ReportTable`, so a
 * figure cannot differ between formats, and each writer escapes cells for its own syntax.
 */
export interface ReportTable {
  /** Stable identifier (HTML id, test handle): `<scenario-index>-protocols`, `snapshot-assets`. */
  id: string;
  /** Says what the table shows and names the snapshot and scenario it is about. */
  caption: string;
  columns: ReportColumn[];
  rows: string[][];
  /** A closing totals row, set apart by each renderer. */
  totals?: string[];
  /** Shown instead of an empty body. */
  emptyText?: string;
}

export interface ReportColumn {
  label: string;
  /** Right-aligned, monospaced digits. */
  numeric: boolean;
  /** An identifier (account address, market id): monospaced, may wrap anywhere. */
  code?: boolean;
}

export const textColumn = (label: string): ReportColumn => ({ label, numeric: false });
export const numberColumn = (label: string): ReportColumn => ({ label, numeric: true });
export const codeColumn = (label: string): ReportColumn => ({ label, numeric: false, code: true });

/** Sums a column of raw values for a totals row. */
export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
