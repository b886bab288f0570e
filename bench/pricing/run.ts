/**
 * Benchmark (not a timed test): price + all five Greeks of European options per second, the
 * vectorised `bsmColumns` over Float64Array columns into preallocated outputs, side by side with
 * a naive baseline that keeps one object per option and calls the scalar `bsm` for each, getting
 * a new result object back. Prints a Markdown table: median wall time, options per second, the
 * speed-up, and the scaling exponent between sizes (1.00 = linear).
 *
 *   node --import tsx bench/pricing/run.ts              # 1e5, 1e6, 1e7 options
 *   node --import tsx bench/pricing/run.ts 1e5 3e6      # chosen sizes
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/pricing/run.ts
 *       (lets it collect between runs, and gives the 1e7-object baseline room)
 *
 * The options are a seeded spread of spots, strikes (|ln(K/F)| ≤ 3σ√T), expiries of 1 day to
 * 2 years, vols of 10–150%, rates and yields, half calls and half puts.
 */
import { allocateGreekColumns, bsm, bsmColumns, type BsmColumns, type BsmOption, type OptionGreeks } from '../../src/risk/pricing/index.js';
import { logUniform, seededRandom, uniform } from '../../test/risk/pricing/seeded-random.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [1e5, 1e6, 1e7];

function columnsOf(n: number): BsmColumns {
  const random = seededRandom(2024);
  const c: BsmColumns = {
    spot: new Float64Array(n),
    strike: new Float64Array(n),
    expiry: new Float64Array(n),
    vol: new Float64Array(n),
    rate: new Float64Array(n),
    dividendYield: new Float64Array(n),
    isCall: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const spot = logUniform(random, 1, 1e4);
    const expiry = logUniform(random, 1 / 365, 2);
    const vol = logUniform(random, 0.1, 1.5);
    const rate = uniform(random, 0, 0.08);
    const dividendYield = uniform(random, 0, 0.05);
    c.spot[i] = spot;
    c.expiry[i] = expiry;
    c.vol[i] = vol;
    c.rate[i] = rate;
    c.dividendYield[i] = dividendYield;
    c.strike[i] = spot * Math.exp((rate - dividendYield) * expiry + uniform(random, -3, 3) * vol * Math.sqrt(expiry));
    c.isCall[i] = i & 1;
  }
  return c;
}

function objectsOf(c: BsmColumns): BsmOption[] {
  return Array.from({ length: c.spot.length }, (_, i) => ({
    spot: c.spot[i]!,
    strike: c.strike[i]!,
    expiry: c.expiry[i]!,
    vol: c.vol[i]!,
    rate: c.rate[i]!,
    dividendYield: c.dividendYield[i]!,
    isCall: c.isCall[i] === 1,
  }));
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, repeats: number, warmUps: number): number {
  for (let i = 0; i < warmUps; i++) fn(); // let the JIT reach its optimising tier first
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const gc = (globalThis as { gc?: () => void }).gc;
const rows: { n: number; columnarMs: number; naiveMs: number | null }[] = [];
let checksum = 0;
for (const n of SIZES) {
  process.stderr.write(`${n.toLocaleString('en-US')} options: building…\n`);
  const columns = columnsOf(n);
  let naiveMs: number | null = null;
  try {
    let options: BsmOption[] | null = objectsOf(columns);
    const baseline = options;
    naiveMs = time(() => {
      const results: OptionGreeks[] = baseline.map((option) => bsm(option));
      checksum += results[results.length - 1]!.delta;
    }, n >= 1e7 ? 1 : 5, n >= 1e7 ? 1 : 2);
    options = null;
    process.stderr.write(`  object per option: ${naiveMs.toFixed(1)} ms\n`);
  } catch (error) {
    process.stderr.write(`  object per option: skipped (${(error as Error).message})\n`);
  }
  gc?.();
  const out = allocateGreekColumns(n);
  const columnarMs = time(() => {
    bsmColumns(columns, out);
    checksum += out.delta[n - 1]!;
  }, n >= 1e7 ? 3 : 7, Math.max(2, Math.ceil(2e6 / n)));
  process.stderr.write(`  columns: ${columnarMs.toFixed(1)} ms\n`);
  rows.push({ n, columnarMs, naiveMs });
  gc?.();
}

const perSecond = (n: number, ms: number) => `${((n / ms) * 1e-3).toFixed(2)} M/s`;
console.log(`\nBSM price + delta, gamma, vega, theta, rho, one thread, median wall time (Node ${process.version})\n`);
console.log('| options | columns ms | columns rate | object-per-option ms | object rate | speed-up | columns scaling exponent |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
rows.forEach((row, i) => {
  const previous = rows[i - 1];
  const exponent = previous ? Math.log(row.columnarMs / previous.columnarMs) / Math.log(row.n / previous.n) : NaN;
  const naive = row.naiveMs;
  console.log(
    `| ${row.n.toLocaleString('en-US')} | ${row.columnarMs.toFixed(1)} | ${perSecond(row.n, row.columnarMs)} | ` +
      `${naive === null ? '—' : naive.toFixed(1)} | ${naive === null ? '—' : perSecond(row.n, naive)} | ` +
      `${naive === null ? '—' : `${(naive / row.columnarMs).toFixed(2)}×`} | ${Number.isNaN(exponent) ? '—' : exponent.toFixed(2)} |`,
  );
});
process.stderr.write(`(checksum ${checksum.toFixed(3)})\n`);
