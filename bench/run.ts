/**
 * Benchmarks (not timed tests): the reference cascade on synthetic ecosystems of growing size,
 * the columnar solver side by side with the plain row-by-row baseline (test/helpers/naive-cascade.ts,
 * the same semantics without typed columns or the asset → accounts index). Prints a table of
 * median times, the speed-up ratio, and the scaling exponent between sizes (1.0 = linear).
 *
 *   npm run bench            # sizes 10k, 100k, 1M (node --expose-gc lets it collect between runs)
 *   npm run bench -- 1e4 1e5 # chosen sizes
 */
import { prepareCascade, runReferenceCascade } from '../src/contagion/index.js';
import { naiveCascade } from '../test/helpers/naive-cascade.js';
import { toySnapshot, type ToyEcosystem } from '../test/helpers/toy-ecosystem.js';
import { syntheticEcosystem } from './synthetic-ecosystem.js';

const SHOCK = { WETH: 0.7, wstETH: 0.7 };
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [1e4, 1e5, 1e6];
const NAIVE_LIMIT = 1e6;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, repeats: number): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up: let the JIT reach its optimising tier first
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const rows: { accounts: number; rounds: number; liquidations: number; columnarMs: number; naiveMs: number | null }[] = [];
for (const accounts of SIZES) {
  process.stderr.write(`building ${accounts.toLocaleString('en-US')} accounts…\n`);
  let toy: ToyEcosystem | null = syntheticEcosystem(accounts);
  const prepared = prepareCascade(toySnapshot(toy));
  // The baseline runs first, then its row objects are dropped, so that the columnar run is not
  // charged for garbage-collecting a heap of millions of objects it never made.
  const baseline = toy;
  const naiveMs = accounts <= NAIVE_LIMIT ? time(() => naiveCascade(baseline, SHOCK), accounts >= 1e6 ? 1 : 3) : null;
  if (naiveMs !== null) process.stderr.write(`  row-by-row baseline ${naiveMs.toFixed(1)} ms\n`);
  toy = null;
  (globalThis as { gc?: () => void }).gc?.();
  let rounds = 0;
  let liquidations = 0;
  const columnarMs = time(() => {
    const result = runReferenceCascade(prepared, SHOCK, { recordEvents: false });
    rounds = result.rounds;
    liquidations = result.liquidations;
  }, accounts >= 1e6 ? 5 : 9);
  process.stderr.write(`  columnar ${columnarMs.toFixed(1)} ms, ${rounds} rounds, ${liquidations} liquidations\n`);
  rows.push({ accounts, rounds, liquidations, columnarMs, naiveMs });
}

console.log('\nReference cascade, one scenario (WETH and wstETH × 0.7), median wall time on this machine\n');
console.log('| accounts | rounds | liquidations | columnar ms | row-by-row ms | speed-up | columnar scaling exponent |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
rows.forEach((row, i) => {
  const previous = rows[i - 1];
  const exponent = previous ? Math.log(row.columnarMs / previous.columnarMs) / Math.log(row.accounts / previous.accounts) : NaN;
  console.log(
    `| ${row.accounts.toLocaleString('en-US')} | ${row.rounds} | ${row.liquidations.toLocaleString('en-US')} | ${row.columnarMs.toFixed(1)} | ${row.naiveMs === null ? '—' : row.naiveMs.toFixed(1)} | ${row.naiveMs === null ? '—' : `${(row.naiveMs / row.columnarMs).toFixed(1)}×`} | ${Number.isNaN(exponent) ? '—' : exponent.toFixed(2)} |`,
  );
});
