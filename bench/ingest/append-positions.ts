import { toDecimal } from '../../src/store/write-snapshot.js';
import type { IngestMethod } from './ingest-method.js';

/**
 * The store's path (`src/store/write-snapshot.ts`): one Appender on `positions`, one typed append
 * per column, `endRow()` per row, `flushSync()` once at the end, amounts through the store's own
 * `toDecimal`.
 */
export const appendPositions: IngestMethod = async (connection, snapshotId, rows, progress) => {
  const appender = await connection.createAppender('positions');
  try {
    let done = 0;
    for (const p of rows) {
      appender.appendInteger(snapshotId);
      appender.appendVarchar(p.protocol);
      appender.appendVarchar(p.account);
      appender.appendVarchar(p.market);
      appender.appendVarchar(p.asset);
      appender.appendVarchar(p.side);
      appender.appendDecimal(toDecimal(p.amount));
      if (p.extra === null) appender.appendNull();
      else appender.appendVarchar(JSON.stringify(p.extra));
      appender.endRow();
      if (++done % 100_000 === 0) progress(done);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return {};
};
