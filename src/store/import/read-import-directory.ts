import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { ImportError } from '../errors.js';
import type { SnapshotMeta, SnapshotRows } from '../snapshot-rows.js';
import { readCsvFile, type CsvFile } from './csv-file.js';
import { parseLiquidationEvents, parseLiquidators, parseLiquidity, EVENT_COLUMNS, LIQUIDATOR_COLUMNS, LIQUIDITY_COLUMNS } from './parse-optional-files.js';
import { parseOptionPositions, parseOptions, parsePriceHistory, OPTION_COLUMNS, OPTION_POSITION_COLUMNS, PRICE_HISTORY_COLUMNS } from './parse-options-files.js';
import { checkIssuers } from './parse-asset-derivation.js';
import { parsePositions, POSITION_COLUMNS } from './parse-position-files.js';
import { parseAssets, parseMarkets, parseProtocols, ASSET_COLUMNS, MARKET_COLUMNS, PROTOCOL_COLUMNS } from './parse-reference-files.js';

const snapshotJson = z
  .object({
    taken_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 time').optional(),
    source: z.string().min(1).optional(),
    label: z.string().optional(),
    blocks: z.record(z.string(), z.number().int().nonnegative()).optional(),
  })
  .strict();

/**
 * Reads and validates a whole import directory (docs/import-format.md) without touching any
 * database: every row of every file is checked, and cross-file references resolved, first.
 */
export function readImportDirectory(dirPath: string, now: () => Date = () => new Date()): SnapshotRows {
  const dir = resolve(dirPath);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ImportError(dirPath, null, null, 'is not a directory');
  const files: CsvFile[] = [];
  const read = (name: string, columns: readonly string[], optional = false): CsvFile | null => {
    const file = readCsvFile(dir, name, columns, optional);
    if (file !== null) files.push(file);
    return file;
  };
  const assetsFile = read('assets.csv', ASSET_COLUMNS)!;
  const assets = parseAssets(assetsFile);
  const protocols = parseProtocols(read('protocols.csv', PROTOCOL_COLUMNS)!);
  const assetBySymbol = new Map(assets.map((a) => [a.symbol, a]));
  const protocolByName = new Map(protocols.map((p) => [p.protocol, p]));
  checkIssuers(assetsFile, assets, protocolByName);
  const markets = parseMarkets(read('markets.csv', MARKET_COLUMNS)!, protocolByName, assetBySymbol);
  const positions = parsePositions(read('positions.csv', POSITION_COLUMNS)!, protocolByName, assetBySymbol, markets);
  const liquidity = parseLiquidity(read('liquidity.csv', LIQUIDITY_COLUMNS, true), assetBySymbol);
  const liquidators = parseLiquidators(read('liquidators.csv', LIQUIDATOR_COLUMNS, true));
  const liquidationEvents = parseLiquidationEvents(read('liquidation_events.csv', EVENT_COLUMNS, true), protocolByName, assetBySymbol);
  const options = parseOptions(read('options.csv', OPTION_COLUMNS, true), protocolByName, assetBySymbol);
  const optionPositions = parseOptionPositions(read('option_positions.csv', OPTION_POSITION_COLUMNS, true), options);
  const priceHistory = parsePriceHistory(read('price_history.csv', PRICE_HISTORY_COLUMNS, true), assetBySymbol);
  const known = new Set(liquidators.map((l) => l.liquidator));
  for (const event of liquidationEvents) {
    if (!known.has(event.liquidator)) {
      known.add(event.liquidator);
      liquidators.push({ liquidator: event.liquidator, label: null, extra: null });
    }
  }
  const meta = readSnapshotMeta(dir, files, now);
  return { meta, assets, protocols, markets, positions, liquidity, liquidators, liquidationEvents, options, optionPositions, priceHistory };
}

/** Every file the import format reads; the content hash covers those present. */
const IMPORT_FILES = [
  'assets.csv', 'liquidation_events.csv', 'liquidators.csv', 'liquidity.csv', 'markets.csv', 'option_positions.csv', 'options.csv',
  'positions.csv', 'price_history.csv', 'protocols.csv', 'snapshot.json',
];

/**
 * sha256 over the import files present in `dir` (name and bytes, in name order): cheap enough to
 * run before validating anything, so that an already imported directory is recognised at once.
 */
export function importDirectoryHash(dirPath: string): string {
  const dir = resolve(dirPath);
  const hash = createHash('sha256');
  for (const name of IMPORT_FILES) {
    const path = join(dir, name);
    if (existsSync(path)) hash.update(name).update('\0').update(readFileSync(path));
  }
  return hash.digest('hex');
}

function readSnapshotMeta(dir: string, _files: CsvFile[], now: () => Date): SnapshotMeta {
  const metaPath = join(dir, 'snapshot.json');
  let given: z.infer<typeof snapshotJson> = {};
  if (existsSync(metaPath)) {
    const bytes = readFileSync(metaPath);
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new ImportError('snapshot.json', null, null, `not valid JSON: ${(error as Error).message}`);
    }
    const result = snapshotJson.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new ImportError('snapshot.json', null, issue.path.join('.') || null, issue.message);
    }
    given = result.data;
  }
  return {
    takenAt: new Date(given.taken_at ?? now().toISOString()).toISOString(),
    source: given.source ?? basename(dir),
    label: given.label ?? null,
    blocks: given.blocks ?? {},
    contentHash: importDirectoryHash(dir),
  };
}
