import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { StoreError } from './errors.js';
import { sqlFile } from './query-files.js';

/** How to read one result column: into a typed array, or as strings. */
export type ColumnKind = 'f64' | 'i32' | 'u8' | 'str' | 'str?';
type ColumnOf<K extends ColumnKind> = K extends 'f64'
  ? Float64Array
  : K extends 'i32'
    ? Int32Array
    : K extends 'u8'
      ? Uint8Array
      : K extends 'str'
        ? string[]
        : (string | null)[];
export type Columns<S extends Record<string, ColumnKind>> = { [K in keyof S]: ColumnOf<S[K]> };

/**
 * Runs `queries/<name>.sql` and reads the named columns straight from DuckDB's result chunks into
 * typed arrays: the hot path from the store to the solvers, which never builds row objects.
 * Numeric NULLs read as NaN.
 */
export async function readColumns<S extends Record<string, ColumnKind>>(
  connection: DuckDBConnection,
  name: string,
  params: DuckDBValue[],
  spec: S,
): Promise<Columns<S> & { rowCount: number }> {
  const result = await connection.run(sqlFile(name), params);
  const chunks = await result.fetchAllChunks();
  const names = result.columnNames();
  const rowCount = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
  const out: Record<string, Float64Array | Int32Array | Uint8Array | (string | null)[]> = {};
  for (const [column, kind] of Object.entries(spec)) {
    const index = names.indexOf(column);
    if (index < 0) throw new StoreError(`query ${name}.sql has no column "${column}" (it has ${names.join(', ')})`);
    const target =
      kind === 'f64' ? new Float64Array(rowCount) : kind === 'i32' ? new Int32Array(rowCount) : kind === 'u8' ? new Uint8Array(rowCount) : new Array<string | null>(rowCount);
    let row = 0;
    for (const chunk of chunks) {
      const vector = chunk.getColumnVector(index);
      for (let i = 0; i < chunk.rowCount; i++, row++) {
        const value = vector.getItem(i);
        if (Array.isArray(target)) {
          if (value === null && kind === 'str') throw new StoreError(`query ${name}.sql: NULL in column "${column}", row ${row}`);
          target[row] = value === null ? null : String(value);
        } else {
          target[row] = value === null ? NaN : Number(value);
        }
      }
    }
    out[column] = target;
  }
  return Object.assign(out as Columns<S>, { rowCount });
}
