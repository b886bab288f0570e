import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PositionRow } from '../../src/store/index.js';
import type { IngestMethod } from './ingest-method.js';

const CHUNK = 10_000;
const COLUMNS = "{'protocol': 'VARCHAR', 'account': 'VARCHAR', 'market': 'VARCHAR', 'asset': 'VARCHAR', 'side': 'VARCHAR', 'amount': 'DECIMAL(38, 18)', 'extra': 'VARCHAR'}";

/**
 * Reference path: write the rows to a CSV file, then one `INSERT … SELECT … FROM read_csv(…)` with
 * explicit column types (amounts parsed by DuckDB from the exact decimal text). Timed as a whole;
 * the two phases are reported as `stage` and `load`.
 */
export const stageCsvPositions: IngestMethod = async (connection, snapshotId, rows, progress) => {
  const dir = mkdtempSync(join(tmpdir(), 'contagion-ingest-csv-'));
  const path = join(dir, 'positions.csv');
  try {
    const started = performance.now();
    const fd = openSync(path, 'w');
    try {
      for (let start = 0; start < rows.length; start += CHUNK) {
        writeSync(fd, rows.slice(start, start + CHUNK).map(csvLine).join(''));
      }
    } finally {
      closeSync(fd);
    }
    const staged = performance.now();
    progress(rows.length);
    await connection.run(
      `INSERT INTO positions SELECT $1, protocol, account, market, asset, side, amount, extra
       FROM read_csv($2, header = false, quote = '"', escape = '"', columns = ${COLUMNS})`,
      [snapshotId, path],
    );
    return { stage: staged - started, load: performance.now() - staged };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

function csvLine(p: PositionRow): string {
  const extra = p.extra === null ? '' : `"${JSON.stringify(p.extra).replaceAll('"', '""')}"`;
  return `${p.protocol},${p.account},${p.market},${p.asset},${p.side},${p.amount},${extra}\n`;
}
