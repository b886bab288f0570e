import { ImportError } from '../errors.js';

const DECIMAL = /^\d+(\.\d+)?$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * One record of an imported CSV file, with typed accessors that fail with the file, line and field
 * named. Every value a user wrote by hand passes through here.
 */
export class CsvRow {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly record: Readonly<Record<string, string>>,
    /** What the record is, once its key is read (`asset aWETH`); named in every error. */
    readonly label: string | null = null,
  ) {}

  /** The same record, its errors naming it as `label` (`row.about('asset aWETH')`). */
  about(label: string): CsvRow {
    return new CsvRow(this.file, this.line, this.record, label);
  }

  fail(field: string | null, problem: string): never {
    throw new ImportError(this.file, this.line, field, problem, this.label);
  }

  /** The trimmed text of a column, or `null` when the column is absent or the cell empty. */
  optionalText(field: string): string | null {
    const value = this.record[field];
    return value === undefined || value === '' ? null : value;
  }

  text(field: string): string {
    return this.optionalText(field) ?? this.fail(field, 'is empty');
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], fallback?: T): T {
    const value = this.optionalText(field);
    if (value === null && fallback !== undefined) return fallback;
    if (value !== null && (allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(field, `${JSON.stringify(value ?? '')} is not one of ${allowed.join(', ')}`);
  }

  optionalNumber(field: string, range: { min?: number; max?: number; above?: number; below?: number } = {}): number | null {
    const value = this.optionalText(field);
    if (value === null) return null;
    if (!NUMBER.test(value)) this.fail(field, `${JSON.stringify(value)} is not a number`);
    const number = Number(value);
    if (!Number.isFinite(number)) this.fail(field, `${JSON.stringify(value)} is not a finite number`);
    if (range.min !== undefined && number < range.min) this.fail(field, `${value} is below the minimum ${range.min}`);
    if (range.max !== undefined && number > range.max) this.fail(field, `${value} is above the maximum ${range.max}`);
    if (range.above !== undefined && !(number > range.above)) this.fail(field, `${value} must be greater than ${range.above}`);
    if (range.below !== undefined && !(number < range.below)) this.fail(field, `${value} must be less than ${range.below}`);
    return number;
  }

  number(field: string, range: { min?: number; max?: number; above?: number; below?: number } = {}): number {
    return this.optionalNumber(field, range) ?? this.fail(field, 'is empty');
  }

  integer(field: string, min: number, max: number): number {
    const value = this.number(field, { min, max });
    if (!Number.isInteger(value)) this.fail(field, `${value} is not a whole number`);
    return value;
  }

  /**
   * A non-negative amount written as a decimal string, kept exact as text: at most `maxDecimals`
   * fractional digits (the token's decimals, and never more than the store's 18) and 20 integer digits.
   */
  decimalAmount(field: string, maxDecimals: number): string {
    const value = this.text(field);
    if (!DECIMAL.test(value)) this.fail(field, `${JSON.stringify(value)} is not a decimal number (digits with an optional "." part)`);
    const [whole = '', fraction = ''] = value.split('.');
    const places = Math.min(maxDecimals, 18);
    if (fraction.length > places) this.fail(field, `${value} has ${fraction.length} decimal places; the token allows ${places}`);
    if (whole.replace(/^0+(?=\d)/, '').length > 20) this.fail(field, `${value} is too large (more than 20 integer digits)`);
    return value;
  }

  /** Columns of the record that are not in `known`, for the table's `extra` JSON column. */
  extras(known: readonly string[]): Record<string, string> | null {
    const extra: Record<string, string> = {};
    let any = false;
    for (const [key, value] of Object.entries(this.record)) {
      if (!known.includes(key) && value !== '') {
        extra[key] = value;
        any = true;
      }
    }
    return any ? extra : null;
  }
}
