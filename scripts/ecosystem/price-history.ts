/**
 * price_history.csv from the verbatim Yahoo Finance exports in data/params/ (ETH-USD.csv,
 * BTC-USD.csv; sources and SHA-256 in published-params.json). One row per asset and UTC day of
 * HISTORY: the day's Close, copied digit for digit, stamped at the end of that UTC day
 * (Yahoo's crypto bars run 00:00–24:00 UTC). ETH and WETH share the ETH-USD series; WBTC takes
 * BTC-USD. The run fails if a file's hash differs or a day is missing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSimpleCsv } from './csv.js';
import { HISTORY, HISTORY_SERIES } from './options-assumptions.js';
import type { ParamsFile } from './params.js';

export interface PriceHistoryRow {
  asset: string;
  timestamp: string;
  /** The source's Close text, unchanged. */
  priceText: string;
  source: string;
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function readYahooCloses(params: ParamsFile, dir: string, sourceId: string): Map<string, string> {
  const src = params.sources[sourceId];
  if (src?.params_file === undefined) throw new Error(`price-history: source ${sourceId} names no params_file`);
  const bytes = readFileSync(join(dir, src.params_file));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== src.sha256) throw new Error(`price-history: data/params/${src.params_file} sha256 ${sha} differs from published-params.json`);
  return new Map(parseSimpleCsv(bytes.toString('utf8')).map((r) => [r.Date, r.Close]));
}

export function buildPriceHistory(params: ParamsFile, dir: string): PriceHistoryRow[] {
  const series = new Map<string, Map<string, string>>();
  const rows: PriceHistoryRow[] = [];
  const window = days(HISTORY.from, HISTORY.to);
  for (const s of HISTORY_SERIES) {
    const closes = series.get(s.source) ?? series.set(s.source, readYahooCloses(params, dir, s.source)).get(s.source) ?? new Map<string, string>();
    for (const day of window) {
      const close = closes.get(day);
      if (close === undefined || !(Number(close) > 0)) throw new Error(`price-history: ${s.source} has no positive close for ${day}`);
      rows.push({ asset: s.asset, timestamp: `${day}${HISTORY.closeTime}`, priceText: close, source: s.label });
    }
  }
  return rows;
}

/** Annualised (√365) standard deviation of daily log returns of one asset's rows. */
export function realisedVol(rows: readonly PriceHistoryRow[], asset: string): number {
  const px = rows.filter((r) => r.asset === asset).map((r) => Number(r.priceText));
  const ret = px.slice(1).map((p, i) => Math.log(p / px[i]));
  const mean = ret.reduce((s, r) => s + r, 0) / ret.length;
  return Math.sqrt((ret.reduce((s, r) => s + (r - mean) ** 2, 0) / ret.length) * 365);
}
