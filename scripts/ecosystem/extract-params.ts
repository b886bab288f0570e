/**
 * Writes data/params/published-params.json (and the committed copy of the Aave liquidation log)
 * from ../shared/data/protocol-params/, the specs in param-spec.ts and options-param-spec.ts and the
 * figures in figures.ts and options-figures.ts. The price histories (ETH-USD.csv, BTC-USD.csv) are
 * committed in data/params/ already; extraction records their SHA-256.
 *
 *   npx tsx scripts/ecosystem/extract-params.ts [--shared DIR]
 *
 * Run it only to change which published values the dataset uses; the generator itself reads the
 * JSON, so the dataset never depends on the shared folder being present.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { FIGURES } from './figures.js';
import { OPTIONS_FIGURES } from './options-figures.js';
import { DERIVE_CONSTANTS, DERIVE_SOURCES, PRICE_SOURCES } from './options-param-spec.js';
import { CODE_CONSTANTS, SOURCES, valueSpecs } from './param-spec.js';
import { LIQ_LOG_PATH, PARAMS_DIR, PARAMS_PATH, readSourceValue, SHARED_PARAMS_DIR, type ParamsFile } from './params.js';

/** One value per line keeps the file reviewable in a diff. */
function render(p: ParamsFile): string {
  const values = Object.entries(p.values).map(([id, v]) => `    ${JSON.stringify(id)}: ${JSON.stringify(v)}`);
  const indent = (json: string) => json.replace(/\n/g, '\n  ');
  return [
    '{',
    `  "about": ${JSON.stringify(p.about)},`,
    `  "sources": ${indent(JSON.stringify(p.sources, null, 2))},`,
    `  "values": {\n${values.join(',\n')}\n  },`,
    `  "figures": ${indent(JSON.stringify(p.figures, null, 2))}`,
    '}',
    '',
  ].join('\n');
}

export function extract(sharedDir: string): ParamsFile {
  const sources: ParamsFile['sources'] = {};
  for (const [id, s] of Object.entries({ ...SOURCES, ...DERIVE_SOURCES })) sources[id] = { ...s };
  // Price histories: verbatim copies committed in data/params/, pinned by their SHA-256.
  for (const [id, s] of Object.entries(PRICE_SOURCES)) {
    sources[id] = { ...s, sha256: createHash('sha256').update(readFileSync(join(PARAMS_DIR, s.params_file))).digest('hex') };
  }
  const values: ParamsFile['values'] = {};
  for (const spec of valueSpecs()) {
    const src = SOURCES[spec.src];
    if (src?.local_file === undefined) throw new Error(`source ${spec.src} has no local file`);
    values[spec.id] = { value: readSourceValue(sharedDir, src.local_file, spec.key), src: spec.src, key: spec.key, date: src.date };
  }
  const allSources: Record<string, { date: string }> = { ...SOURCES, ...DERIVE_SOURCES };
  for (const c of [...CODE_CONSTANTS, ...DERIVE_CONSTANTS]) values[c.id] = { value: c.value, src: c.src, key: c.key, date: allSources[c.src].date };
  const log = readFileSync(join(sharedDir, 'aave_liqs_ethscan.csv'));
  sources['aave-liquidation-log'].sha256 = createHash('sha256').update(log).digest('hex');
  return {
    about:
      'Published parameter values and public figures used by scripts/generate-ecosystem.ts. Each value: ' +
      'value as written in the source, src (key of "sources": repository, path, commit), key (path inside the file), date it describes. ' +
      'Written by scripts/ecosystem/extract-params.ts; see data/README.md.',
    sources,
    values,
    figures: { ...FIGURES, ...OPTIONS_FIGURES },
  };
}

function main(argv: string[]): void {
  const i = argv.indexOf('--shared');
  const dir = i >= 0 ? resolve(argv[i + 1]) : SHARED_PARAMS_DIR;
  if (!existsSync(dir)) throw new Error(`${dir} not found: extraction needs the shared parameter files`);
  const params = extract(dir);
  writeFileSync(PARAMS_PATH, render(params));
  // Byte copy through a buffer: copyFileSync would also copy the read-only mode of the shared file.
  writeFileSync(LIQ_LOG_PATH, readFileSync(join(dir, 'aave_liqs_ethscan.csv')));
  console.log(`wrote ${Object.keys(params.values).length} values and ${Object.keys(params.figures).length} figure groups to ${PARAMS_PATH}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
