import { graphqlFile } from '../../store/index.js';
import { IndexerError } from '../errors.js';
import type { Endpoint } from '../secrets.js';
import type { EntitySpec } from '../source-family.js';
import { withRetry, type RetryPolicy } from './retry.js';
import { postQuery, type TransportFailure } from './transport.js';

export interface PageRequest {
  source: string;
  endpoint: Endpoint;
  spec: EntitySpec;
  /** The query's own variables (`EntitySpec.variables`), sent with every page. */
  variables?: Record<string, unknown>;
  block: number;
  lastId: string;
  pageSize: number;
  timeoutMs: number;
  retry: RetryPolicy;
  onRetry?: (failure: TransportFailure, retry: number, delayMs: number) => void;
}

/**
 * One page of an entity collection at the pinned block, after the cursor: fetched with retries,
 * then every item validated. Returns the items with their ids, in the order the server sent them.
 */
export async function fetchPage(request: PageRequest): Promise<{ id: string; item: unknown }[]> {
  const { source, spec, lastId } = request;
  const where = { source, entity: spec.entity, cursor: lastId };
  const variables = { ...request.variables, first: request.pageSize, lastId, block: request.block };
  let data: unknown;
  try {
    data = await withRetry(() => postQuery(request.endpoint, graphqlFile(spec.queryFile), variables, request.timeoutMs), request.retry, request.onRetry);
  } catch (error) {
    const failure = error as TransportFailure;
    const retries = failure.retryable ? ` (gave up after ${request.retry.maxRetries} retries)` : '';
    throw new IndexerError(`${failure.kind ?? 'request failed'}: ${failure.message}${retries}`, where);
  }
  const items = (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new IndexerError('malformed response: no "items" list in data', where);
  return items.map((raw, index) => {
    const parsed = spec.item.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `#${index}`;
      throw new IndexerError(`malformed item ${JSON.stringify(id)}: field "${issue.path.join('.') || '(item)'}": ${issue.message}`, where);
    }
    return { id: parsed.data.id, item: raw };
  });
}

/** The block a source has indexed up to (`_meta`), and its timestamp when the server gives one. */
export async function indexedBlock(
  source: string,
  endpoint: Endpoint,
  timeoutMs: number,
  retry: RetryPolicy,
): Promise<{ number: number; timestamp: number | null }> {
  let data: unknown;
  try {
    data = await withRetry(() => postQuery(endpoint, graphqlFile('subgraphs/meta'), {}, timeoutMs), retry);
  } catch (error) {
    const failure = error as TransportFailure;
    throw new IndexerError(`reading _meta failed: ${failure.kind ?? ''} ${failure.message}`, { source });
  }
  const block = (data as { _meta?: { block?: { number?: unknown; timestamp?: unknown } } } | null)?._meta?.block;
  if (typeof block?.number !== 'number' || !Number.isInteger(block.number) || block.number < 0) {
    throw new IndexerError('malformed _meta response: no block number', { source });
  }
  return { number: block.number, timestamp: typeof block.timestamp === 'number' ? block.timestamp : null };
}
