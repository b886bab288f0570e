/**
 * Exposure-map benchmark (not a timed test): `exposureMapData` + `exposureMapHtml` on seeded
 * synthetic ecosystems (bench/synthetic-ecosystem.ts) of growing size, the aggregated map (the
 * defaults: a (protocol, main asset) group of more than `bucketAbove` accounts drawn as one bucket,
 * at most `maxAccounts` accounts drawn one by one) side by side with the baseline that draws every
 * account one by one (`bucketAbove` and `maxAccounts` set to Infinity). The map carries the
 * contagion paths of one scenario run (the reference cascade, WETH and wstETH × 0.7).
 *
 * Timed separately, median of 3–5 repeats after warm-up (a step whose first run takes over 5 s,
 * such as the baseline's layout from 10k accounts, is timed once, cold): building the map data without layout
 * (`iterations: 0`: grouping, edges, tags, contagion paths), the ForceAtlas2 layout alone
 * (`layoutMap` with the default iterations on those nodes and edges, the call exposureMapData
 * makes), and writing the HTML page. Prints Markdown tables: node/edge counts, times, HTML size,
 * the baseline's cost relative to the aggregated map, and scaling exponents between sizes (1.0 =
 * linear, 0 = bounded). Also times `collateralConcentration(snapshot)` and, for context, building
 * the exposure graph both maps start from. Progress on stderr.
 *
 *   npm run bench:map                       # 1k, 10k, 100k, 300k accounts (baseline up to 100k):
 *                                           # ~13 min on 2 cores, 8 of them the baseline's 100k layout
 *   npm run bench:map -- 1e3 1e4            # chosen sizes
 */
import { referenceCascade, REFERENCE_CASCADE_DEFAULTS } from '../../src/contagion/index.js';
import { buildExposureGraph, type ExposureGraph } from '../../src/graph/index.js';
import { EXPOSURE_MAP_DEFAULTS, exposureMapData, exposureMapHtml, type ExposureMapData, type ExposureMapOptions, type MapRun } from '../../src/report/map/index.js';
import { layoutMap } from '../../src/report/map/layout-map.js';
import { collateralConcentration } from '../../src/risk/index.js';
import { toyEcosystemSnapshot } from '../../test/report/report-fixture.js';
import { syntheticEcosystem } from '../synthetic-ecosystem.js';

const SHOCK = { WETH: 0.7, wstETH: 0.7 };
const argSizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = argSizes.length > 0 ? argSizes : [1e3, 1e4, 1e5, 3e5];
const BASELINE_LIMIT = 1e5;
const SINGLE_RUN_MS = 5_000;
const AGGREGATED: ExposureMapOptions = {};
const BASELINE: ExposureMapOptions = { bucketAbove: Infinity, maxAccounts: Infinity };
const log = (message: string) => process.stderr.write(`${message}\n`);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median of `repeats` after `warmups`; a first run over SINGLE_RUN_MS is taken as the one sample (the baseline's layout: minutes). */
function time(fn: () => void, repeats: number, warmups = 2): number {
  const start = performance.now();
  fn();
  const first = performance.now() - start;
  if (first > SINGLE_RUN_MS) return first;
  for (let i = 1; i < warmups; i++) fn();
  const times: number[] = warmups === 0 ? [first] : [];
  for (let i = times.length; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

type MapRow = { accounts: number; map: 'aggregated' | 'baseline'; nodes: number; edges: number; buckets: number; drawn: number; buildMs: number; layoutMs: number; htmlMs: number; htmlBytes: number };

function measureMap(accounts: number, map: MapRow['map'], graph: ExposureGraph, info: Parameters<typeof exposureMapData>[1], run: MapRun, options: ExposureMapOptions): MapRow {
  const [repeats, warmups] = accounts >= 1e5 ? [3, 1] : [5, 2];
  let data: ExposureMapData | null = null;
  const buildMs = time(() => { data = exposureMapData(graph, info, run, { ...options, iterations: 0 }); }, repeats, warmups);
  const built: ExposureMapData = data!;
  log(`  ${map}: ${built.nodes.length.toLocaleString('en-US')} nodes, ${built.edges.length.toLocaleString('en-US')} edges; build ${buildMs.toFixed(1)} ms`);
  const layoutMs = time(() => layoutMap(built.nodes, built.edges, EXPOSURE_MAP_DEFAULTS.iterations), repeats, warmups);
  log(`  ${map}: layout (${EXPOSURE_MAP_DEFAULTS.iterations} iterations) ${layoutMs.toFixed(1)} ms`);
  let htmlBytes = 0;
  const htmlMs = time(() => { htmlBytes = Buffer.byteLength(exposureMapHtml(built)); }, repeats, warmups);
  log(`  ${map}: HTML ${(htmlBytes / 1e6).toFixed(2)} MB in ${htmlMs.toFixed(1)} ms`);
  return {
    accounts, map, nodes: built.nodes.length, edges: built.edges.length, buckets: built.nodes.filter((n) => n.type === 'bucket').length,
    drawn: built.accountsDrawn, buildMs, layoutMs, htmlMs, htmlBytes,
  };
}

const mapRows: MapRow[] = [];
const riskRows: { accounts: number; graphMs: number; markets: number; concentrationMs: number }[] = [];
for (const accounts of SIZES) {
  log(`building ${accounts.toLocaleString('en-US')} accounts…`);
  const snapshot = toyEcosystemSnapshot(syntheticEcosystem(accounts));
  const result = referenceCascade(snapshot, SHOCK, REFERENCE_CASCADE_DEFAULTS);
  const run: MapRun = { scenario: { name: 'WETH and wstETH × 0.7' }, result };
  log(`  cascade: ${result.rounds} rounds, ${result.liquidations.toLocaleString('en-US')} liquidations`);
  let graph: ExposureGraph | null = null;
  const graphMs = time(() => { graph = buildExposureGraph(snapshot); }, accounts >= 1e5 ? 1 : 3, accounts >= 1e5 ? 0 : 1);
  log(`  exposure graph ${graphMs.toFixed(1)} ms (${graph!.order.toLocaleString('en-US')} nodes, ${graph!.size.toLocaleString('en-US')} edges)`);
  let markets = 0;
  const concentrationMs = time(() => { markets = collateralConcentration(snapshot).length; }, accounts >= 1e5 ? 3 : 7);
  log(`  collateralConcentration ${concentrationMs.toFixed(1)} ms (${markets} markets)`);
  riskRows.push({ accounts, graphMs, markets, concentrationMs });
  gc();
  mapRows.push(measureMap(accounts, 'aggregated', graph!, snapshot.info, run, AGGREGATED));
  gc();
  if (accounts <= BASELINE_LIMIT) mapRows.push(measureMap(accounts, 'baseline', graph!, snapshot.info, run, BASELINE));
  else log(`  baseline skipped (above ${BASELINE_LIMIT.toLocaleString('en-US')} accounts)`);
  graph = null;
  gc();
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const total = (r: MapRow) => r.buildMs + r.layoutMs + r.htmlMs;
const exponent = (y1: number, y0: number, x1: number, x0: number) => Math.log(y1 / y0) / Math.log(x1 / x0);
const dash = (n: number | null, digits = 2) => (n === null || Number.isNaN(n) ? '—' : n.toFixed(digits));

const { bucketAbove, maxAccounts, iterations } = EXPOSURE_MAP_DEFAULTS;
console.log(`\nExposure map (exposureMapData + exposureMapHtml), one scenario run, median wall time on this machine`);
console.log(`aggregated: the defaults (bucketAbove ${bucketAbove}, maxAccounts ${maxAccounts}); baseline: every account drawn (bucketAbove, maxAccounts = Infinity); layout ${iterations} ForceAtlas2 iterations\n`);
console.log('| accounts | map | nodes | edges | buckets | accounts drawn | build ms | layout ms | HTML ms | total ms | HTML MB | time vs aggregated | HTML vs aggregated | time exponent | HTML size exponent |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const accounts of SIZES) {
  const aggregated = mapRows.find((r) => r.accounts === accounts && r.map === 'aggregated')!;
  for (const map of ['aggregated', 'baseline'] as const) {
    const row = mapRows.find((r) => r.accounts === accounts && r.map === map);
    const prevAccounts = SIZES[SIZES.indexOf(accounts) - 1];
    const prev = mapRows.find((r) => r.accounts === prevAccounts && r.map === map);
    if (row === undefined) {
      console.log(`| ${fmt(accounts)} | ${map} | — | — | — | — | — | — | — | — | — | — | — | — | — |`);
      continue;
    }
    console.log(
      `| ${fmt(accounts)} | ${map} | ${fmt(row.nodes)} | ${fmt(row.edges)} | ${fmt(row.buckets)} | ${fmt(row.drawn)} | ${row.buildMs.toFixed(1)} | ${row.layoutMs.toFixed(1)} | ${row.htmlMs.toFixed(1)} | ${total(row).toFixed(1)} | ${(row.htmlBytes / 1e6).toFixed(2)} | ${(total(row) / total(aggregated)).toFixed(1)}× | ${(row.htmlBytes / aggregated.htmlBytes).toFixed(1)}× | ${prev ? dash(exponent(total(row), total(prev), accounts, prev.accounts)) : '—'} | ${prev ? dash(exponent(row.htmlBytes, prev.htmlBytes, accounts, prev.accounts)) : '—'} |`,
    );
  }
}

console.log('\nFor context: the exposure graph both maps start from, and collateralConcentration(snapshot), median wall time\n');
console.log('| accounts | exposure graph ms | graph scaling exponent | markets | collateralConcentration ms | concentration scaling exponent |');
console.log('|---:|---:|---:|---:|---:|---:|');
riskRows.forEach((row, i) => {
  const prev = riskRows[i - 1];
  console.log(
    `| ${fmt(row.accounts)} | ${row.graphMs.toFixed(1)} | ${prev ? dash(exponent(row.graphMs, prev.graphMs, row.accounts, prev.accounts)) : '—'} | ${row.markets} | ${row.concentrationMs.toFixed(1)} | ${prev ? dash(exponent(row.concentrationMs, prev.concentrationMs, row.accounts, prev.accounts)) : '—'} |`,
  );
});
