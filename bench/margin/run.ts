/**
 * Portfolio-margin benchmark (not a timed test): options accounts with 10 positions each on a
 * 7 × 5 grid (spot ±15% in 7 points × 5 vol moves, Derive's term-structured vol shock), the
 * columnar solver (src/risk/margin/portfolio-margin.ts: every option × scenario priced once, then
 * aggregated by positions) against the brute-force baseline (test/risk/margin/helpers/
 * brute-force-margin.ts: one scalar price call per position per scenario). Both price with the
 * pricing engine's BSM. Prints Markdown tables: grid-evaluation throughput, and wall time per size
 * with the speed-up and the columnar solver's scaling exponent (1.0 = linear). Progress on stderr.
 *
 *   node --import tsx bench/margin/run.ts              # 10k and 100k accounts
 *   node --import tsx bench/margin/run.ts 1e4 1e5 1e6  # chosen sizes (brute force up to 1e5)
 */
import { bsmPricer, MarginScratch, portfolioMargin, rectangularGrid, repriceOnGrid, PORTFOLIO_MARGIN_DEFAULTS } from '../../src/risk/margin/index.js';
import { WarningLog } from '../../src/risk/margin/errors.js';
import { bruteForceMargin } from '../../test/risk/margin/helpers/brute-force-margin.js';
import { randomPortfolio } from '../../test/risk/margin/helpers/random-portfolio.js';

const argSizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = argSizes.length > 0 ? argSizes : [1e4, 1e5];
const POSITIONS = 10;
const OPTIONS = 2000; // listed contracts of a large venue across two underlyings
const BRUTE_LIMIT = 1e5;
const grid = rectangularGrid({ spotRange: 0.15, spotPoints: 7, volPoints: 5 });
const S = grid.spotMultiplier.length;
const log = (message: string) => process.stderr.write(`${message}\n`);

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, repeats: number, warmups = 2): number {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

// 1. Grid evaluations per second: option × scenario repricings.
log('grid-evaluation throughput…');
const throughput: { method: string; repricings: number; ms: number }[] = [];
{
  const p = randomPortfolio({ seed: 11, accounts: 1, positionsPerAccount: 1, options: 50_000, underlyings: 2 });
  const referenced = new Uint8Array(p.options.strike.length).fill(1);
  const scratch = new MarginScratch();
  const settings = { ...PORTFOLIO_MARGIN_DEFAULTS, spotMoveScale: null };
  const ms = time(() => repriceOnGrid(p.options, p.spot, grid, referenced, bsmPricer, settings, scratch, new WarningLog()), 5);
  throughput.push({ method: 'columnar (repriceOnGrid → bsmColumns)', repricings: referenced.length * (S + 1), ms });
  log(`  columnar ${ms.toFixed(1)} ms`);
  const n = 200_000;
  let sink = 0;
  const scalarMs = time(() => {
    for (let i = 0; i < n; i++) {
      const o = i % p.options.strike.length;
      sink += bsmPricer.price({ spot: p.spot[p.options.underlying[o]!]! * grid.spotMultiplier[i % S]!, strike: p.options.strike[o]!, years: p.options.years[o]!, vol: p.options.vol[o]!, rate: 0, carry: 0, isCall: p.options.isCall[o] === 1 });
    }
  }, 5);
  throughput.push({ method: 'scalar (one bsmPrice call each)', repricings: n, ms: scalarMs });
  log(`  scalar ${scalarMs.toFixed(1)} ms (checksum ${sink.toFixed(0)})`);
}

// 2. Portfolio margin wall time per size.
const rows: { accounts: number; repricings: number; columnarMs: number; bruteMs: number | null; brutePrices: number | null }[] = [];
for (const accounts of SIZES) {
  log(`building ${accounts.toLocaleString('en-US')} accounts × ${POSITIONS} positions…`);
  const p = randomPortfolio({ seed: 1, accounts, positionsPerAccount: POSITIONS, options: OPTIONS, underlyings: 2 });
  const scratch = new MarginScratch();
  let repricings = 0;
  let checksum = 0;
  const columnarMs = time(() => {
    const r = portfolioMargin(p, grid, { scratch });
    repricings = r.stats.repricings;
    checksum = r.maintenance[accounts - 1]!;
  }, accounts >= 1e6 ? 3 : 7);
  log(`  columnar ${columnarMs.toFixed(1)} ms`);
  let bruteMs: number | null = null;
  let brutePrices: number | null = null;
  if (accounts <= BRUTE_LIMIT) {
    log('  brute force…');
    bruteMs = time(() => {
      const r = bruteForceMargin(p, grid, bsmPricer, PORTFOLIO_MARGIN_DEFAULTS);
      brutePrices = r.priceCalls;
      if (Math.abs(r.maintenance[accounts - 1]! - checksum) > 1e-9 * Math.max(1, checksum)) throw new Error('bench/margin: brute force and columnar disagree');
    }, 1, accounts >= 1e5 ? 0 : 1);
    log(`  brute force ${bruteMs.toFixed(1)} ms`);
  }
  rows.push({ accounts, repricings, columnarMs, bruteMs, brutePrices });
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
console.log(`\nGrid evaluations (option × scenario repricings), ${S}-scenario grid, median wall time on this machine\n`);
console.log('| method | repricings | ms | repricings / s |');
console.log('|---|---:|---:|---:|');
for (const t of throughput) console.log(`| ${t.method} | ${fmt(t.repricings)} | ${t.ms.toFixed(1)} | ${fmt((t.repricings / t.ms) * 1000)} |`);
console.log(`\nPortfolio margin, ${POSITIONS} positions per account over ${fmt(OPTIONS)} options, 7 × 5 grid (${grid.name}), median wall time\n`);
console.log('| accounts | positions | columnar repricings | brute-force price calls | columnar ms | brute force ms | speed-up | columnar scaling exponent |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
rows.forEach((row, i) => {
  const prev = rows[i - 1];
  const exponent = prev ? Math.log(row.columnarMs / prev.columnarMs) / Math.log(row.accounts / prev.accounts) : NaN;
  console.log(
    `| ${fmt(row.accounts)} | ${fmt(row.accounts * POSITIONS)} | ${fmt(row.repricings)} | ${row.brutePrices === null ? '—' : fmt(row.brutePrices)} | ${row.columnarMs.toFixed(1)} | ${row.bruteMs === null ? '—' : row.bruteMs.toFixed(1)} | ${row.bruteMs === null ? '—' : `${(row.bruteMs / row.columnarMs).toFixed(0)}×`} | ${Number.isNaN(exponent) ? '—' : exponent.toFixed(2)} |`,
  );
});
