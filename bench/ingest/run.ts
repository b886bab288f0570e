/**
 * Ingest benchmark (not a timed test): position rows into DuckDB through the Appender, as the store
 * writes them, against batched multi-row INSERT with bound parameters, and a CSV file loaded with
 * INSERT … SELECT as a reference. Every run gets a fresh file-backed database with the real schema
 * (`openDatabase` applies `queries/schema/*.sql`), once with the `positions` primary key and once
 * without it, and times BEGIN → rows → COMMIT. Prints a Markdown table of median wall times
 * (5 runs at ≤ 10k rows, 3 at ≤ 100k, 3 at 1M except the INSERT path, which runs once there). The
 * default sizes take about 20 minutes on the 2-core project machine.
 *
 *   node --import tsx bench/ingest/run.ts                 # 10k, 100k, 1M rows; INSERT batch 1,000
 *   node --import tsx bench/ingest/run.ts 1e4 1e5         # chosen sizes
 *   node --import tsx bench/ingest/run.ts --batch 500 1e5 # another INSERT batch size
 *   node --import tsx bench/ingest/run.ts --batch-sweep 1e5
 *       # INSERT at batch sizes 100…5,000 (with the key) at the first size, to pick a fair batch
 */
import { loadavg } from 'node:os';
import { inTransaction } from '../../src/store/index.js';
import { appendPositions } from './append-positions.js';
import { freshDatabase, SNAPSHOT_ID } from './fresh-database.js';
import type { IngestMethod } from './ingest-method.js';
import { insertPositions } from './insert-positions.js';
import { stageCsvPositions } from './stage-csv-positions.js';
import { syntheticPositions } from './synthetic-positions.js';
import type { PositionRow } from '../../src/store/index.js';

const SWEEP = [100, 250, 500, 1_000, 2_000, 5_000];

interface Options {
  sizes: number[];
  batch: number;
  sweep: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: [], batch: 1_000, sweep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--batch') options.batch = Number(argv[++i]);
    else if (arg === '--batch-sweep') options.sweep = true;
    else options.sizes.push(Number(arg));
  }
  if (!(options.batch >= 1)) throw new Error('bench/ingest: --batch needs a positive row count');
  if (options.sizes.some((n) => !(n >= 1))) throw new Error('bench/ingest: sizes are positive row counts, e.g. 1e5');
  if (options.sizes.length === 0) options.sizes = [1e4, 1e5, 1e6];
  return options;
}

interface Measured {
  rows: number;
  method: string;
  primaryKey: boolean;
  runs: number;
  seconds: number;
  phases: Record<string, number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Median wall time (s) of `runs` loads, each into a fresh database; checks the row count after each. */
async function measure(method: IngestMethod, rows: readonly PositionRow[], primaryKey: boolean, runs: number, label: string) {
  const times: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let run = 0; run < runs; run++) {
    gc?.();
    const fresh = await freshDatabase({ primaryKey });
    const { connection } = fresh.database;
    let last = performance.now();
    const progress = (done: number): void => {
      const now = performance.now();
      if (now - last < 2_000) return;
      last = now;
      process.stderr.write(`    ${label}: ${done.toLocaleString('en-US')} / ${rows.length.toLocaleString('en-US')} rows\n`);
    };
    try {
      const started = performance.now();
      const split = await inTransaction(connection, () => method(connection, SNAPSHOT_ID, rows, progress));
      times.push((performance.now() - started) / 1000);
      for (const [name, ms] of Object.entries(split)) (phases[name] ??= []).push(ms / 1000);
      const count = await connection.runAndReadAll('SELECT count(*) FROM positions');
      if (Number(count.getColumnsJS()[0]![0]) !== rows.length) throw new Error(`bench/ingest: ${label} loaded ${count.getColumnsJS()[0]![0]} of ${rows.length} rows`);
    } finally {
      fresh.dispose();
    }
  }
  const seconds = median(times);
  // The 1-minute load average shows whether something else was competing for the two cores.
  process.stderr.write(`  ${label}: ${seconds.toFixed(3)} s (median of ${runs}: ${times.map((t) => t.toFixed(3)).join(', ')}; load ${loadavg()[0]!.toFixed(1)})\n`);
  return { seconds, phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])) };
}

/** Fewer repeats where one run is long: the INSERT path at 1M rows runs once. */
function runsFor(rows: number, method: string): number {
  if (rows <= 1e4) return 5;
  if (rows <= 1e5) return 3;
  return method.startsWith('INSERT') ? 1 : 3;
}

const options = parseArgs(process.argv.slice(2));
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

// Warm-up, untimed: the JIT and DuckDB's code paths, so the first timed size is not charged for them.
{
  const warm = syntheticPositions(2_000, 99);
  for (const method of [appendPositions, insertPositions(options.batch), stageCsvPositions]) {
    const fresh = await freshDatabase({ primaryKey: true });
    await inTransaction(fresh.database.connection, () => method(fresh.database.connection, SNAPSHOT_ID, warm, () => {}));
    fresh.dispose();
  }
}

if (options.sweep) {
  const size = options.sizes[0]!;
  const rows = syntheticPositions(size);
  const appender = await measure(appendPositions, rows, true, runsFor(size, 'Appender'), 'Appender');
  console.log(`\nBatched INSERT at ${fmt(size)} rows by batch size (with primary key), median wall time\n`);
  console.log('| batch rows | bound parameters | seconds | rows/s | time vs Appender |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const batch of SWEEP) {
    const { seconds } = await measure(insertPositions(batch), rows, true, runsFor(size, 'INSERT'), `INSERT batch ${batch}`);
    console.log(`| ${fmt(batch)} | ${fmt(batch * 8)} | ${seconds.toFixed(3)} | ${fmt(size / seconds)} | ${(seconds / appender.seconds).toFixed(1)}× |`);
  }
  process.exit(0);
}

const methods: [string, IngestMethod][] = [
  ['Appender', appendPositions],
  [`INSERT VALUES, ${fmt(options.batch)} rows/stmt`, insertPositions(options.batch)],
  ['CSV file + INSERT … SELECT', stageCsvPositions],
];
const results: Measured[] = [];
for (const size of options.sizes) {
  process.stderr.write(`generating ${fmt(size)} position rows…\n`);
  const rows = syntheticPositions(size);
  for (const primaryKey of [true, false]) {
    for (const [method, fn] of methods) {
      const runs = runsFor(size, method);
      const label = `${fmt(size)} rows, ${method}, ${primaryKey ? 'with' : 'without'} primary key`;
      const { seconds, phases } = await measure(fn, rows, primaryKey, runs, label);
      results.push({ rows: size, method, primaryKey, runs, seconds, phases });
    }
  }
}

const find = (rows: number, method: string, primaryKey: boolean): Measured | undefined =>
  results.find((r) => r.rows === rows && r.method === method && r.primaryKey === primaryKey);

console.log(`\nIngest of position rows into DuckDB (Node ${process.versions.node}), median wall time BEGIN → COMMIT, fresh file database per run\n`);
console.log('| rows | method | primary key | runs | seconds | rows/s | time vs Appender | PK cost (time vs no PK) | scaling exponent |');
console.log('|---:|---|:---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  const appender = find(r.rows, 'Appender', r.primaryKey)!;
  const noKey = r.primaryKey ? find(r.rows, r.method, false) : undefined;
  const index = options.sizes.indexOf(r.rows);
  const previous = index > 0 ? find(options.sizes[index - 1]!, r.method, r.primaryKey) : undefined;
  const exponent = previous ? Math.log(r.seconds / previous.seconds) / Math.log(r.rows / previous.rows) : NaN;
  console.log(
    `| ${fmt(r.rows)} | ${r.method} | ${r.primaryKey ? 'yes' : 'no'} | ${r.runs} | ${r.seconds.toFixed(3)} | ${fmt(r.rows / r.seconds)} | ${(r.seconds / appender.seconds).toFixed(1)}× | ${noKey ? `${(r.seconds / noKey.seconds).toFixed(2)}×` : '—'} | ${Number.isNaN(exponent) ? '—' : exponent.toFixed(2)} |`,
  );
}
const csv = results.filter((r) => Object.keys(r.phases).length > 0);
if (csv.length > 0) {
  console.log('\nCSV reference, split: writing the file from JS rows (stage) and INSERT … SELECT from read_csv (load), seconds\n');
  console.log('| rows | primary key | stage | load |');
  console.log('|---:|:---:|---:|---:|');
  for (const r of csv) console.log(`| ${fmt(r.rows)} | ${r.primaryKey ? 'yes' : 'no'} | ${r.phases.stage!.toFixed(3)} | ${r.phases.load!.toFixed(3)} |`);
}
