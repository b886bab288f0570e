/**
 * A resolved source for normalising hand-built lending payloads: Ethereum at block 18,000,000
 * (2023-08-26), named after the family; config fields can be overridden per test.
 */
import type { SourceConfig, SourceSchema } from '../../../../src/indexers/config.js';
import { IndexerError } from '../../../../src/indexers/errors.js';
import type { ResolvedSource } from '../../../../src/indexers/source-family.js';

export const BLOCK = 18_000_000;

export function fixtureSource(schema: SourceSchema, name: string, protocol: string, config: Partial<SourceConfig> = {}): ResolvedSource {
  return {
    config: { name, schema, chain: 'ethereum', endpoint: 'http://127.0.0.1:1/subgraphs/fixture', ...config },
    protocol,
    block: BLOCK,
    blockTimestamp: null,
  };
}

/** The IndexerError a call throws (fails the test when it throws nothing or something else). */
export function indexerError(run: () => unknown): IndexerError {
  try {
    run();
  } catch (error) {
    if (error instanceof IndexerError) return error;
    throw error;
  }
  throw new Error('expected an IndexerError, nothing was thrown');
}

/** A deep copy with one change, for "the same payload but…" cases. */
export function changed<T>(value: T, change: (draft: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}
