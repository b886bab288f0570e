/**
 * The chain as the fake graph-node sees it: an indexed head, and for each block a hash and a
 * timestamp. Resolving a `block: Block_height` argument follows graph-node's `locate_blocks`
 * (graphql/src/store/resolver.rs): a number above the head, or a `number_gte` the head has not
 * reached, is refused with graph-node's wording; a block asked for by number has no hash in
 * `_meta` (graph-node does not look it up), the head does.
 */
import { createHash } from 'node:crypto';
import { valueParseError } from './graph-node-errors.js';

/** Ethereum mainnet's genesis timestamp with 12-second blocks: plausible times for any block. */
export const defaultBlockTimestamp = (block: number): number => 1_438_269_988 + 12 * block;

/**
 * A stable 32-byte hash for a block number, the same in the server and the generators. Its last
 * 4 bytes are the number, so a hash resolves back to its block without a table.
 */
export const fakeBlockHash = (block: number): string =>
  `0x${createHash('sha256').update(`contagion-fake-block:${block}`).digest('hex').slice(0, 56)}${block.toString(16).padStart(8, '0')}`;

export interface BlockArg {
  readonly hash?: string | null;
  readonly number?: number | null;
  readonly number_gte?: number | null;
}

export interface ResolvedBlock {
  readonly number: number;
  /** `null` when the query named the block by number, as in graph-node's `_meta`. */
  readonly hash: string | null;
  readonly timestamp: number | null;
}

export class ChainView {
  constructor(
    readonly deployment: string,
    private readonly headOf: () => number,
    private readonly timestampOf: (block: number) => number = defaultBlockTimestamp,
  ) {}

  get head(): number {
    return this.headOf();
  }

  /** The block a query (or one root field of it) runs at. */
  resolve(arg: BlockArg | null | undefined): ResolvedBlock {
    const head = this.head;
    const notYet = (what: string, n: number) =>
      valueParseError(what, `subgraph ${this.deployment} has only indexed up to block number ${head} and data for block number ${n} is therefore not yet available`);
    if (arg?.hash !== undefined && arg.hash !== null) {
      const wanted = arg.hash.toLowerCase();
      const n = wanted.length === 66 ? Number.parseInt(wanted.slice(58), 16) : Number.NaN;
      if (!Number.isInteger(n) || fakeBlockHash(n) !== wanted) throw valueParseError('block.hash', 'no block with that hash found');
      if (n > head) throw notYet('block.number', n);
      return { number: n, hash: wanted, timestamp: this.timestampOf(n) };
    }
    if (arg?.number !== undefined && arg.number !== null) {
      if (arg.number > head) throw notYet('block.number', arg.number);
      if (arg.number < 0) throw valueParseError('block.number', `block number ${arg.number} is negative`);
      return { number: arg.number, hash: null, timestamp: null };
    }
    if (arg?.number_gte !== undefined && arg.number_gte !== null && arg.number_gte > head) throw notYet('block.number_gte', arg.number_gte);
    return { number: head, hash: fakeBlockHash(head), timestamp: this.timestampOf(head) };
  }
}
