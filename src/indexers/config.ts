import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { IndexerError } from './errors.js';

/** Schema families an indexer exists for. */
export const SOURCE_SCHEMAS = ['messari-lending', 'aave-v3', 'morpho-blue', 'messari-options', 'uniswap-v3', 'messari-dex'] as const;
export type SourceSchema = (typeof SOURCE_SCHEMAS)[number];

const sourceConfig = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only'),
  schema: z.enum(SOURCE_SCHEMAS),
  chain: z.string().min(1),
  endpoint: z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
  /** Environment variable holding the API key; the key goes into `{apiKey}` in the endpoint, else an `Authorization: Bearer` header. */
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
  /** Name of the protocol in the tables (default: the source name). */
  protocol: z.string().min(1).optional(),
  /** Lending parameters the subgraph does not carry; defaults come from the protocol family. */
  closeFactor: z.number().gt(0).lte(1).optional(),
  fullCloseBelowHf: z.number().gt(0).lte(1).nullable().optional(),
  isolation: z.enum(['pooled', 'market']).optional(),
  pageSize: z.number().int().min(1).max(1000).optional(),
  timeoutMs: z.number().int().positive().optional(),
  maxRetries: z.number().int().min(0).max(20).optional(),
  /** Family-specific settings (e.g. which pools a DEX source reads); checked by the family. */
  options: z.record(z.string(), z.unknown()).optional(),
});

const indexerConfig = z.strictObject({
  sources: z.array(sourceConfig).min(1),
  /** Pages fetched at once across all sources (default 4). */
  concurrency: z.number().int().min(1).max(32).optional(),
  /** First retry delay in ms; doubles per attempt up to `retryMaxDelayMs` (defaults 500 and 30,000). */
  retryBaseDelayMs: z.number().int().min(0).optional(),
  retryMaxDelayMs: z.number().int().min(0).optional(),
});

export type SourceConfig = z.infer<typeof sourceConfig>;
export type IndexerConfig = z.infer<typeof indexerConfig>;

/** Parses a config object, naming the field at fault; source names must be unique. */
export function parseIndexerConfig(json: unknown, origin: string): IndexerConfig {
  const parsed = indexerConfig.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IndexerError(`${origin}: field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const source of parsed.data.sources) {
    if (seen.has(source.name)) throw new IndexerError(`${origin}: source name ${JSON.stringify(source.name)} appears twice`);
    seen.add(source.name);
  }
  return parsed.data;
}

export function loadIndexerConfig(path: string): IndexerConfig {
  if (!existsSync(path)) throw new IndexerError(`config file ${path} does not exist`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new IndexerError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  return parseIndexerConfig(json, path);
}
