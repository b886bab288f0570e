import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ImportError } from '../errors.js';
import { CsvRow } from './csv-row.js';

export interface CsvFile {
  name: string;
  columns: string[];
  rows: CsvRow[];
  /** The raw bytes, hashed into the snapshot's content hash. */
  bytes: Buffer;
}

/**
 * Reads one CSV file of an import directory: header row required, every column in `required`
 * present, every record as long as the header. Returns `null` for a missing optional file.
 */
export function readCsvFile(dir: string, name: string, required: readonly string[], optional = false): CsvFile | null {
  const path = join(dir, name);
  if (!existsSync(path)) {
    if (optional) return null;
    throw new ImportError(name, null, null, `required file is missing from ${dir}`);
  }
  const bytes = readFileSync(path);
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    // A record may stop early (trailing optional cells left off); a longer one is an error.
    records = parse(bytes, { columns: true, info: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count_less: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    throw new ImportError(basename(path), line, null, `not valid CSV: ${(error as Error).message}`);
  }
  const header = parse(bytes, { to_line: 1, bom: true, trim: true }) as string[][];
  const columns = header[0] ?? [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '') throw new ImportError(name, 1, null, 'the header has an empty column name');
    if (seen.has(column)) throw new ImportError(name, 1, column, 'column appears twice in the header');
    seen.add(column);
  }
  for (const column of required) {
    if (!seen.has(column)) throw new ImportError(name, 1, column, `required column is missing (header: ${columns.join(',')})`);
  }
  return { name, columns, bytes, rows: records.map(({ record, info }) => new CsvRow(name, info.lines, record)) };
}
