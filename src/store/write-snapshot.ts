import { DuckDBDecimalValue, DuckDBTimestampTZValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { inTransaction } from './database.js';
import { StoreError } from './errors.js';
import { lpComponentsJson } from './lp-components.js';
import { sqlFile } from './query-files.js';
import type { Extra, SnapshotRows } from './snapshot-rows.js';

/**
 * Writes one validated snapshot in a single transaction and returns its id: either every table
 * receives its rows or, on any failure, none does and the database is exactly as before.
 * Rows go through DuckDB's Appender: 7–14× faster than batched INSERT here (bench/ingest).
 */
export async function writeSnapshot(connection: DuckDBConnection, rows: SnapshotRows): Promise<number> {
  return inTransaction(connection, () => writeSnapshotRows(connection, rows));
}

/** The writes of `writeSnapshot`, inside a transaction the caller holds (the indexer publishes a run with it). */
export async function writeSnapshotRows(connection: DuckDBConnection, rows: SnapshotRows): Promise<number> {
  const next = await connection.runAndReadAll('SELECT coalesce(max(id), 0) + 1 AS id FROM snapshots');
  const id = Number(next.getColumnsJS()[0]![0]);
  const { meta } = rows;
  await connection.run(
    'INSERT INTO snapshots (id, taken_at, source, label, content_hash) VALUES ($1, $2::TIMESTAMPTZ, $3, $4, $5)',
    [id, meta.takenAt, meta.source, meta.label, meta.contentHash],
  );
  for (const [chain, block] of Object.entries(meta.blocks)) {
    await connection.run('INSERT INTO snapshot_blocks VALUES ($1, $2, $3)', [id, chain, BigInt(block)]);
  }
  await append(connection, 'protocols', rows.protocols, (a, p) => {
    a.appendInteger(id);
    a.appendVarchar(p.protocol);
    a.appendVarchar(p.kind);
    optionalText(a, p.chain);
    a.appendVarchar(p.isolation);
    a.appendDouble(p.closeFactor);
    optionalDouble(a, p.fullCloseBelowHf);
    optionalDouble(a, p.insuranceFundUsd);
    extra(a, p.extra);
  });
  await append(connection, 'assets', rows.assets, (a, r) => {
    a.appendInteger(id);
    a.appendVarchar(r.symbol);
    a.appendInteger(r.decimals);
    a.appendVarchar(r.kind);
    optionalText(a, r.underlying);
    optionalText(a, r.address);
    optionalText(a, r.chain);
    extra(a, r.extra);
    optionalDouble(a, r.exchangeRate ?? null);
    optionalText(a, r.issuer ?? null);
    const lp = r.lpComponents ?? null;
    optionalText(a, lp === null ? null : lpComponentsJson(lp));
    optionalText(a, lp === null ? null : lp.model);
  });
  await append(connection, 'prices', rows.assets, (a, r) => {
    a.appendInteger(id);
    a.appendVarchar(r.symbol);
    a.appendDouble(r.priceUsd);
    a.appendVarchar(r.priceSource);
  });
  await append(connection, 'markets', rows.markets, (a, m) => {
    a.appendInteger(id);
    a.appendVarchar(m.protocol);
    a.appendVarchar(m.market);
    a.appendVarchar(m.asset);
    a.appendDouble(m.ltv);
    a.appendDouble(m.liquidationThreshold);
    a.appendDouble(m.liquidationBonus);
    optionalDouble(a, m.closeFactor);
    optionalDouble(a, m.supplyCap);
    optionalDouble(a, m.borrowCap);
    extra(a, m.extra);
  });
  await append(connection, 'positions', rows.positions, (a, p) => {
    a.appendInteger(id);
    a.appendVarchar(p.protocol);
    a.appendVarchar(p.account);
    a.appendVarchar(p.market);
    a.appendVarchar(p.asset);
    a.appendVarchar(p.side);
    a.appendDecimal(toDecimal(p.amount));
    extra(a, p.extra);
  });
  await connection.run(sqlFile('import/derive-accounts'), [id]);
  await append(connection, 'liquidity', rows.liquidity, (a, l) => {
    a.appendInteger(id);
    a.appendVarchar(l.asset);
    a.appendVarchar(l.venue);
    a.appendVarchar(l.model);
    a.appendDouble(l.assetReserve);
    a.appendDouble(l.usdReserve);
    extra(a, l.extra);
  });
  await append(connection, 'liquidators', rows.liquidators, (a, l) => {
    a.appendInteger(id);
    a.appendVarchar(l.liquidator);
    optionalText(a, l.label);
    extra(a, l.extra);
  });
  await append(connection, 'liquidation_events', rows.liquidationEvents, (a, e) => {
    a.appendInteger(id);
    a.appendVarchar(e.protocol);
    a.appendVarchar(e.txHash);
    a.appendInteger(e.logIndex);
    if (e.blockNumber === null) a.appendNull();
    else a.appendBigInt(BigInt(e.blockNumber));
    if (e.timestamp === null) a.appendNull();
    else a.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(Date.parse(e.timestamp)) * 1000n));
    a.appendVarchar(e.liquidator);
    a.appendVarchar(e.account);
    a.appendVarchar(e.collateralAsset);
    a.appendVarchar(e.debtAsset);
    if (e.collateralAmount === null) a.appendNull();
    else a.appendDecimal(toDecimal(e.collateralAmount));
    if (e.debtAmount === null) a.appendNull();
    else a.appendDecimal(toDecimal(e.debtAmount));
    optionalDouble(a, e.debtRepaidUsd);
    extra(a, e.extra);
  });
  await append(connection, 'liquidity_ticks', rows.liquidity.flatMap((l) => (l.ticks ?? []).map((t) => ({ l, t }))), (a, { l, t }) => {
    a.appendInteger(id);
    a.appendVarchar(l.asset);
    a.appendVarchar(l.venue);
    a.appendInteger(t.tickIdx);
    a.appendHugeInt(t.liquidityNet);
  });
  await append(connection, 'options', rows.options ?? [], (a, o) => {
    a.appendInteger(id);
    a.appendVarchar(o.protocol);
    a.appendVarchar(o.optionId);
    a.appendVarchar(o.underlying);
    a.appendVarchar(o.optionType);
    a.appendDouble(o.strikeUsd);
    if (o.expiry === null) a.appendNull();
    else a.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(Date.parse(o.expiry)) * 1000n));
    optionalText(a, o.collateralAsset);
    optionalDouble(a, o.markUsd);
    extra(a, o.extra);
    optionalDouble(a, o.impliedVol ?? null);
  });
  await append(connection, 'option_positions', rows.optionPositions ?? [], (a, p) => {
    a.appendInteger(id);
    a.appendVarchar(p.protocol);
    a.appendVarchar(p.account);
    a.appendVarchar(p.optionId);
    a.appendVarchar(p.side);
    a.appendDecimal(toDecimal(p.size));
    extra(a, p.extra);
  });
  await append(connection, 'price_history', rows.priceHistory ?? [], (a, h) => {
    a.appendInteger(id);
    a.appendVarchar(h.asset);
    a.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(Date.parse(h.timestamp)) * 1000n));
    a.appendDouble(h.priceUsd);
    a.appendVarchar(h.source);
  });
  return id;
}

async function append<T>(connection: DuckDBConnection, table: string, rows: readonly T[], write: (a: DuckDBAppender, row: T) => void): Promise<void> {
  if (rows.length === 0) return;
  const appender = await connection.createAppender(table);
  let index = 0;
  try {
    for (const row of rows) {
      write(appender, row);
      appender.endRow();
      index++;
    }
    appender.flushSync();
  } catch (error) {
    const at = index < rows.length ? `row ${index + 1} of ${rows.length}` : `flushing ${rows.length} rows`;
    throw new StoreError(`writing table ${table} failed at ${at}: ${(error as Error).message}`);
  } finally {
    try {
      appender.closeSync();
    } catch {
      // The appender of a failed flush cannot close cleanly; the transaction is rolled back anyway.
    }
  }
}

/** An exact decimal string (at most 18 places, validated upstream) as DECIMAL(38, 18). */
export function toDecimal(amount: string): DuckDBDecimalValue {
  const [whole = '0', fraction = ''] = amount.split('.');
  return new DuckDBDecimalValue(BigInt(whole + fraction.padEnd(18, '0')), 38, 18);
}

const optionalText = (a: DuckDBAppender, value: string | null): void => (value === null ? a.appendNull() : a.appendVarchar(value));
const optionalDouble = (a: DuckDBAppender, value: number | null): void => (value === null ? a.appendNull() : a.appendDouble(value));
const extra = (a: DuckDBAppender, value: Extra): void => (value === null ? a.appendNull() : a.appendVarchar(JSON.stringify(value)));
