// Builds dist/contagion.cjs (+ .d.cts) for the TypeScript notebooks.
//
// Why a bundle: tslab compiles notebook cells to CommonJS with Node10 module resolution, so it can
// neither load our ESM sources (`.js`-suffixed imports of `.ts` files) nor ESM-only packages such
// as vega and vega-lite. One CommonJS bundle of src/index.ts, with declarations emitted by tsc,
// gives notebooks the same typed API the CLI uses. DuckDB stays external: it is a native addon.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [join(root, 'src', 'index.ts')],
  outfile: join(dist, 'contagion.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['@duckdb/node-api', 'graphology', 'tslab'],
  // vega-canvas's Node build probes for the optional `canvas` package with a top-level await,
  // which CommonJS cannot hold; without `canvas` both builds return no canvas, and we render SVG.
  alias: { 'vega-canvas': join(root, 'node_modules', 'vega-canvas', 'build', 'vega-canvas.browser.js') },
  // import.meta.url does not exist in CommonJS: give modules that locate files the bundle's own URL.
  define: { 'import.meta.url': '__contagionModuleUrl' },
  banner: { js: "const __contagionModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
// The fake graph-node of the tests, so that notebooks can show indexing without a network.
await build({
  entryPoints: [join(root, 'test', 'harness', 'notebook-entry.ts')],
  outfile: join(dist, 'harness.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['@duckdb/node-api'],
  define: { 'import.meta.url': '__contagionModuleUrl' },
  banner: { js: "const __contagionModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
writeFileSync(join(dist, 'contagion.d.cts'), "export * from './types/index.js';\n");
console.log('built dist/contagion.cjs (+ declarations) and dist/harness.cjs');
