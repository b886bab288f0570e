/**
 * What the fake graph-node records of the requests it serves: counts, faults injected, every use
 * of `skip`, and each root collection read (entity, `id_gt` cursor, `first`, block), so tests can
 * assert that an indexer read every page at one block with `id_gt` cursors and never skipped.
 */
import { FAULT_KINDS, type Fault, type FaultKind } from './faults.js';
import type { GraphRequestBody } from './graph-execution.js';
import type { CollectionRead } from './graph-resolvers.js';

export interface FakeGraphNodeStats {
  requests: number;
  faults: Record<FaultKind, number>;
  /** Collection reads (root or nested) that passed `skip` explicitly. */
  skipUsed: number;
  /** Every root collection read, in order. */
  reads: CollectionRead[];
  /** Replies carrying GraphQL errors the server produced itself (not injected ones). */
  graphqlErrors: number;
}

export interface LoggedRequest {
  readonly n: number;
  readonly method: string;
  readonly path: string;
  /** The decoded body, or null when it was not a valid GraphQL request. */
  readonly body: GraphRequestBody | null;
  readonly fault: Fault | null;
  readonly status: number;
}

export const emptyStats = (): FakeGraphNodeStats => ({
  requests: 0,
  faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  skipUsed: 0,
  reads: [],
  graphqlErrors: 0,
});
