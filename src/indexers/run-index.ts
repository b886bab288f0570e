/**
 * `contagion index`: read every configured source at one pinned block into one new snapshot.
 *
 *   config ─▶ select sources ─▶ pin a block per chain (_meta, or --block; a resumed run keeps its own)
 *          ─▶ per (source, entity): pages by id cursor ─▶ validate ─▶ stage page + cursor (one transaction)
 *          ─▶ all entities done ─▶ normalise per source (pure) ─▶ merge + unit checks
 *          ─▶ publish: snapshot rows + run status in one transaction
 *
 * A kill at any point leaves the previous snapshots untouched; `resume` continues from the last
 * committed cursor of the interrupted run, at that run's block.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../store/index.js';
import { cursorKey, latestUnfinishedRun, publishIndexRun, runCursors, stagePage, stagedItems, startIndexRun, type Cursor, type IndexPlan, type IndexRun } from '../store/index.js';
import type { IndexerConfig, SourceConfig, SourceSchema } from './config.js';
import { fetchPage, indexedBlock } from './engine/fetch-page.js';
import { DEFAULTS as RETRY_DEFAULTS, type RetryPolicy } from './engine/retry.js';
import { runBounded, serialized } from './engine/serialize.js';
import type { TransportFailure } from './engine/transport.js';
import { IndexerError } from './errors.js';
import { SOURCE_FAMILIES } from './families/index.js';
import { mergeSources } from './merge-sources.js';
import { Redactor, resolveEndpoint, type Endpoint } from './secrets.js';
import { entitiesOf, type ResolvedSource, type SourceFamily } from './source-family.js';

export const DEFAULTS = {
  pageSize: 1000,
  timeoutMs: 30_000,
  concurrency: 4,
  /** A source paged past this many pages is assumed to be looping. */
  maxPagesPerEntity: 1_000_000,
};

export type IndexProgress =
  | { type: 'plan'; run: number; resumed: boolean; blocks: Record<string, number> }
  | { type: 'page'; source: string; entity: string; pages: number; rows: number; done: boolean }
  | { type: 'retry'; source: string; entity: string; kind: string; retry: number; delayMs: number }
  | { type: 'publish'; sources: number };

export interface IndexOptions {
  config: IndexerConfig;
  /** Only these sources (by name); default all. */
  sourceNames?: readonly string[];
  /** Only sources on this chain. */
  chain?: string;
  /** Read every selected source at this block instead of each chain's indexed head. */
  block?: number;
  /** Continue the interrupted run instead of starting a new one. */
  resume?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  retry?: Partial<RetryPolicy>;
  families?: Partial<Record<SourceSchema, SourceFamily>>;
  onProgress?: (event: IndexProgress) => void;
  now?: () => Date;
}

export interface IndexResult {
  runId: number;
  snapshotId: number;
  /** false when an identical snapshot was already stored (same sources, same block, same data). */
  created: boolean;
  resumed: boolean;
  blocks: Record<string, number>;
  entities: { source: string; entity: string; pages: number; rows: number }[];
  retries: number;
  warnings: string[];
}

export async function runIndex(database: Database, options: IndexOptions): Promise<IndexResult> {
  const redactor = new Redactor();
  try {
    return await index(database, options, redactor);
  } catch (error) {
    throw redactor.redactError(error);
  }
}

async function index(database: Database, options: IndexOptions, redactor: Redactor): Promise<IndexResult> {
  const { connection } = database;
  const families = options.families ?? SOURCE_FAMILIES;
  const progress = options.onProgress ?? (() => {});
  const policy: RetryPolicy = {
    ...RETRY_DEFAULTS,
    ...(options.config.retryBaseDelayMs === undefined ? {} : { baseDelayMs: options.config.retryBaseDelayMs }),
    ...(options.config.retryMaxDelayMs === undefined ? {} : { maxDelayMs: options.config.retryMaxDelayMs }),
    ...options.retry,
  };
  const env = options.env ?? process.env;

  let run: IndexRun;
  let sources: SourceConfig[];
  let resumed = false;
  if (options.resume) {
    const unfinished = await latestUnfinishedRun(connection);
    if (unfinished === null) throw new IndexerError('--resume: no interrupted run to continue (the last run finished or none was started)');
    if (options.block !== undefined && unfinished.plan.sources.some((s) => s.block !== options.block)) {
      throw new IndexerError(`--resume: the interrupted run ${unfinished.runId} reads other blocks than --block ${options.block}; resume without --block`);
    }
    sources = unfinished.plan.sources.map((planned) => {
      const config = options.config.sources.find((s) => s.name === planned.name);
      if (config === undefined) throw new IndexerError(`--resume: source ${planned.name} of run ${unfinished.runId} is no longer in the config`);
      if (planned.settings !== undefined && planned.settings !== sourceSettingsHash(config)) {
        throw new IndexerError(`--resume: the config of source ${planned.name} changed since run ${unfinished.runId} started (schema, protocol, options, …); start a new run`);
      }
      return config;
    });
    run = unfinished;
    resumed = true;
  } else {
    sources = selectSources(options);
    const blocks = await pinBlocks(sources, options, env, redactor, policy);
    const plan: IndexPlan = {
      sources: sources.map((s) => ({ name: s.name, schema: s.schema, chain: s.chain, protocol: s.protocol ?? s.name, settings: sourceSettingsHash(s), ...blocks.get(s.name)! })),
    };
    run = await startIndexRun(connection, plan);
  }
  const blockOf = new Map(run.plan.sources.map((s) => [s.name, s.block]));
  progress({ type: 'plan', run: run.runId, resumed, blocks: Object.fromEntries(blockOf) });

  const familyOf = (source: SourceConfig): SourceFamily => {
    const family = families[source.schema];
    if (family === undefined) throw new IndexerError(`no indexer for schema ${source.schema}`, { source: source.name });
    return family;
  };
  const endpoints = new Map(sources.map((s) => [s.name, resolveEndpoint(s, env, redactor)]));
  const resolvedOf = new Map(
    run.plan.sources.map((planned): [string, ResolvedSource] => [
      planned.name,
      { config: sources.find((s) => s.name === planned.name)!, protocol: planned.protocol, block: planned.block, blockTimestamp: planned.timestamp ?? null },
    ]),
  );
  const cursors = await runCursors(connection, run.runId);
  const stage = serialized();
  let retries = 0;

  const tasks = sources.flatMap((source) =>
    entitiesOf(familyOf(source), source).flatMap((spec) => {
      const variables = spec.variables === undefined ? {} : spec.variables(resolvedOf.get(source.name)!);
      if (variables === null) return [];
      return [async () => {
        const key = cursorKey(source.name, spec.entity);
        let cursor: Cursor = cursors.get(key) ?? { lastId: spec.firstCursor, pages: 0, rows: 0, done: false };
        while (!cursor.done) {
          if (cursor.pages >= DEFAULTS.maxPagesPerEntity) throw new IndexerError(`more than ${DEFAULTS.maxPagesPerEntity} pages: the server seems to page forever`, { source: source.name, entity: spec.entity, cursor: cursor.lastId });
          const page = await fetchPage({
            source: source.name, endpoint: endpoints.get(source.name)!, spec, variables, block: blockOf.get(source.name)!, lastId: cursor.lastId,
            pageSize: source.pageSize ?? DEFAULTS.pageSize, timeoutMs: source.timeoutMs ?? DEFAULTS.timeoutMs,
            retry: { ...policy, ...(source.maxRetries === undefined ? {} : { maxRetries: source.maxRetries }) },
            onRetry: (failure: TransportFailure, retry: number, delayMs: number) => {
              retries++;
              progress({ type: 'retry', source: source.name, entity: spec.entity, kind: failure.kind, retry, delayMs });
            },
          });
          const lastId = page.length > 0 ? page[page.length - 1]!.id : cursor.lastId;
          if (page.length > 0 && lastId === cursor.lastId) {
            throw new IndexerError('the server returned a page that does not advance past the cursor', { source: source.name, entity: spec.entity, cursor: cursor.lastId });
          }
          const next: Cursor = { lastId, pages: cursor.pages + 1, rows: cursor.rows + page.length, done: page.length === 0 };
          const payloads = page.map((p) => ({ id: p.id, payload: JSON.stringify(p.item) }));
          await stage(() => stagePage(connection, run.runId, source.name, spec.entity, payloads, next));
          cursor = next;
          cursors.set(key, cursor);
          progress({ type: 'page', source: source.name, entity: spec.entity, pages: cursor.pages, rows: cursor.rows, done: cursor.done });
        }
      }];
    }),
  );
  await runBounded(tasks, options.config.concurrency ?? DEFAULTS.concurrency);

  progress({ type: 'publish', sources: sources.length });
  const parts = [];
  for (const source of sources) {
    const family = familyOf(source);
    const items: Record<string, unknown[]> = {};
    for (const spec of entitiesOf(family, source)) items[spec.entity] = await stagedItems(connection, run.runId, source.name, spec.entity);
    parts.push({ source: source.name, rows: family.normalize(resolvedOf.get(source.name)!, items) });
  }
  const { rows, warnings } = mergeSources(parts);
  const blocksByChain: Record<string, number> = {};
  for (const planned of run.plan.sources) blocksByChain[planned.chain] = Math.min(blocksByChain[planned.chain] ?? Infinity, planned.block);
  const contentHash = createHash('sha256').update(JSON.stringify({ plan: run.plan.sources, rows }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).digest('hex');
  const published = await publishIndexRun(connection, run.runId, {
    ...rows,
    meta: {
      takenAt: takenAt(run.plan, options.now ?? (() => new Date())),
      source: `index:${sources.map((s) => s.name).join(',')}`,
      label: `indexed ${sources.length} source(s) at ${Object.entries(blocksByChain).map(([c, b]) => `${c} block ${b}`).join(', ')}`,
      blocks: blocksByChain,
      contentHash,
    },
  });
  return {
    runId: run.runId,
    snapshotId: published.snapshotId,
    created: published.created,
    resumed,
    blocks: Object.fromEntries(blockOf),
    entities: [...cursors].map(([key, c]) => {
      const [source, entity] = key.split('\u0000') as [string, string];
      return { source, entity, pages: c.pages, rows: c.rows };
    }),
    retries,
    warnings,
  };
}

function selectSources(options: IndexOptions): SourceConfig[] {
  const all = options.config.sources;
  for (const name of options.sourceNames ?? []) {
    if (!all.some((s) => s.name === name)) throw new IndexerError(`--source ${name}: no such source in the config (sources: ${all.map((s) => s.name).join(', ')})`);
  }
  const selected = all.filter(
    (s) => (options.sourceNames === undefined || options.sourceNames.length === 0 || options.sourceNames.includes(s.name)) && (options.chain === undefined || s.chain === options.chain),
  );
  if (selected.length === 0) throw new IndexerError(`no source matches${options.chain === undefined ? '' : ` chain ${options.chain}`}`);
  return selected;
}

/**
 * What a source reads, hashed: everything in its config but where it is served from and how it
 * authenticates, so a resumed run can tell whether the selection it was reading has changed.
 */
function sourceSettingsHash(source: SourceConfig): string {
  const { endpoint: _endpoint, apiKeyEnv: _key, timeoutMs: _timeout, maxRetries: _retries, ...settings } = source;
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}

/** When the snapshot describes: the newest pinned block's timestamp, else (with --block) the run's time. */
function takenAt(plan: IndexPlan, now: () => Date): string {
  const stamps = plan.sources.map((s) => s.timestamp).filter((t): t is number => typeof t === 'number');
  return stamps.length > 0 ? new Date(Math.max(...stamps) * 1000).toISOString() : now().toISOString();
}

/**
 * One block per chain: the lowest head any of that chain's sources has indexed, so every source can
 * answer at it; `--block` overrides for all.
 */
async function pinBlocks(
  sources: readonly SourceConfig[],
  options: IndexOptions,
  env: Readonly<Record<string, string | undefined>>,
  redactor: Redactor,
  policy: RetryPolicy,
): Promise<Map<string, { block: number; timestamp?: number }>> {
  if (options.block !== undefined) return new Map(sources.map((s) => [s.name, { block: options.block! }]));
  const heads = new Map<string, { number: number; timestamp: number | null }>();
  for (const source of sources) {
    const endpoint: Endpoint = resolveEndpoint(source, env, redactor);
    heads.set(source.name, await indexedBlock(source.name, endpoint, source.timeoutMs ?? DEFAULTS.timeoutMs, policy));
  }
  const perChain = new Map<string, { number: number; timestamp: number | null }>();
  for (const source of sources) {
    const head = heads.get(source.name)!;
    const lowest = perChain.get(source.chain);
    if (lowest === undefined || head.number < lowest.number) perChain.set(source.chain, head);
  }
  return new Map(
    sources.map((s) => {
      const pinned = perChain.get(s.chain)!;
      return [s.name, pinned.timestamp === null ? { block: pinned.number } : { block: pinned.number, timestamp: pinned.timestamp }];
    }),
  );
}
