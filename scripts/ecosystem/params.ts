/**
 * data/params/published-params.json: its schema, loading, typed access, and the optional check
 * of every file-sourced value against ../shared/data/protocol-params/ when that folder exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseSimpleCsv } from './csv.js';

/** Locations resolved from this file, so the scripts work from any working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PARAMS_PATH = join(REPO_ROOT, 'data/params/published-params.json');
/** Committed verbatim copy of the Etherscan liquidation log (the generator never reads the shared one). */
export const LIQ_LOG_PATH = join(REPO_ROOT, 'data/params/aave_liqs_ethscan.csv');
/** Folder of the committed verbatim copies (`params_file` of a source). */
export const PARAMS_DIR = join(REPO_ROOT, 'data/params');
/** The shared reference folder the parameters were copied from; optional at generation time. */
export const SHARED_PARAMS_DIR = resolve(REPO_ROOT, '../shared/data/protocol-params');

const Scalar = z.union([z.number(), z.string(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

const CitedValue = z.object({ value: Scalar, src: z.string(), key: z.string(), date: z.string() });
const Source = z.object({
  repo: z.string(),
  path: z.string(),
  commit: z.string(),
  date: z.string(),
  local_file: z.string().optional(),
  /** File name of a verbatim copy committed in data/params/ (price histories). */
  params_file: z.string().optional(),
  sha256: z.string().optional(),
  note: z.string().optional(),
});
const Figure = z.object({
  url: z.string(),
  date: z.string(),
  quote: z.string(),
  note: z.string().optional(),
  values: z.record(z.string(), z.number()),
});
const ParamsFile = z.object({
  about: z.string(),
  sources: z.record(z.string(), Source),
  values: z.record(z.string(), CitedValue),
  figures: z.record(z.string(), Figure),
});
export type ParamsFile = z.infer<typeof ParamsFile>;

export function loadParams(path: string): ParamsFile {
  return ParamsFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Typed, failing-loud access: a missing id is a bug in the generator, never a silent default. */
export class ParamBook {
  constructor(readonly file: ParamsFile) {}

  raw(id: string): Scalar {
    const v = this.file.values[id];
    if (v === undefined) throw new Error(`published-params.json has no value "${id}"`);
    return v.value;
  }

  num(id: string): number {
    const v = this.raw(id);
    if (typeof v !== 'number') throw new Error(`value "${id}" is ${typeof v}, expected number`);
    return v;
  }

  str(id: string): string {
    const v = this.raw(id);
    if (typeof v !== 'string') throw new Error(`value "${id}" is ${typeof v}, expected string`);
    return v;
  }

  fig(group: string, key: string): number {
    const g = this.file.figures[group];
    if (g === undefined) throw new Error(`published-params.json has no figure group "${group}"`);
    const v = g.values[key];
    if (v === undefined) throw new Error(`figure group "${group}" has no value "${key}"`);
    return v;
  }

  hasFig(group: string, key: string): boolean {
    return this.file.figures[group]?.values[key] !== undefined;
  }
}

/** Reads one value from a verbatim source file by the key syntax of param-spec.ts. */
export function readSourceValue(dir: string, file: string, key: string): Scalar {
  const text = readFileSync(join(dir, file), 'utf8');
  const row = /^row\[(\w+)=([^\]]+)\]\.(\w+)$/.exec(key);
  if (row) {
    const [, col, want, field] = row;
    const hit = parseSimpleCsv(text).find((r) => r[col] === want);
    if (!hit || hit[field] === undefined) throw new Error(`${file}: no ${key}`);
    return hit[field];
  }
  let node: unknown = JSON.parse(text);
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) throw new Error(`${file}: no ${key}`);
    node = (node as Record<string, unknown>)[part];
  }
  const parsed = Scalar.safeParse(node);
  if (!parsed.success) throw new Error(`${file}: ${key} is not a scalar`);
  return parsed.data;
}

export interface VerifyResult {
  checked: number;
  mismatches: string[];
}

/** Compares every value whose source has a local copy; used only when the shared folder exists. */
export function verifyAgainstShared(params: ParamsFile, dir: string): VerifyResult {
  const mismatches: string[] = [];
  let checked = 0;
  for (const [id, v] of Object.entries(params.values)) {
    const file = params.sources[v.src]?.local_file;
    if (file === undefined || !existsSync(join(dir, file))) continue;
    checked++;
    try {
      const actual = readSourceValue(dir, file, v.key);
      if (actual !== v.value) mismatches.push(`${id}: JSON ${String(v.value)}, ${file} ${String(actual)}`);
    } catch (e) {
      mismatches.push(`${id}: ${(e as Error).message}`);
    }
  }
  return { checked, mismatches };
}
