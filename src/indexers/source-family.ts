import type { z } from 'zod';
import type {
  AssetRow,
  LiquidationEventRow,
  LiquidatorRow,
  LiquidityRow,
  MarketRow,
  OptionPositionRow,
  OptionRow,
  PositionRow,
  ProtocolRow,
} from '../store/index.js';
import type { SourceConfig, SourceSchema } from './config.js';

/**
 * One paginated entity collection of a subgraph. Its query lives in
 * `queries/subgraphs/<family>/<entity>.graphql` and follows one convention so that one engine
 * pages every collection the same way:
 *
 *   query ($first: Int!, $lastId: <Bytes|ID|String>!, $block: Int!) {
 *     items: <collection>(first: $first, where: { id_gt: $lastId, … }, orderBy: id,
 *                         orderDirection: asc, block: { number: $block }) { id … }
 *   }
 *
 * Pages are read by `id_gt` cursor (never `skip`), every page at the run's pinned block, until a
 * page comes back empty (a short page is not the end).
 */
export interface EntitySpec {
  /** Name used in progress, staging and errors, e.g. "positions". */
  entity: string;
  /** Query file name under queries/, without `.graphql`, e.g. "subgraphs/messari-lending/positions". */
  queryFile: string;
  /** The cursor before the first id: "0x" for `Bytes` ids, "" for `ID`/`String` ids. */
  firstCursor: '' | '0x';
  /** Validation of one returned item; a failure names the source, entity, cursor, item id and field. */
  item: z.ZodType<{ id: string }>;
  /**
   * Variables the query declares beyond `$first`, `$lastId` and `$block`, from the source's options
   * (e.g. which pools of a DEX to read; fixed for the whole run, so the id cursor pages a filtered
   * collection as it pages a whole one); `null` when this source does not read the collection.
   */
  variables?(source: ResolvedSource): Record<string, unknown> | null;
}

/** A source as the family sees it: its config plus the block the run pinned for it. */
export interface ResolvedSource {
  config: SourceConfig;
  /** Protocol name in the tables (config `protocol`, else the source name). */
  protocol: string;
  block: number;
  /** Unix seconds of the pinned block, when the source reported it (to tell expired options, …). */
  blockTimestamp: number | null;
}

/** What one source contributes to the snapshot, in the unified tables' rows. */
export interface NormalizedSource {
  assets: AssetRow[];
  protocols: ProtocolRow[];
  markets: MarketRow[];
  positions: PositionRow[];
  liquidity: LiquidityRow[];
  liquidators: LiquidatorRow[];
  liquidationEvents: LiquidationEventRow[];
  options: OptionRow[];
  optionPositions: OptionPositionRow[];
  /** Non-fatal findings (skipped zero balances, unknown enum values mapped to a default, …). */
  warnings: string[];
}

/**
 * An indexer for one schema family: which collections to page, and a pure function from the
 * validated items of one source to rows. Amounts are scaled by token decimals and priced in USD
 * here; bad data is an `IndexerError` naming the source, entity and id.
 */
export interface SourceFamily {
  schema: SourceSchema;
  /** The collections to page; a function when they depend on the source (e.g. its schema version). */
  entities: readonly EntitySpec[] | ((source: SourceConfig) => readonly EntitySpec[]);
  normalize(source: ResolvedSource, items: Readonly<Record<string, readonly unknown[]>>): NormalizedSource;
}

export const entitiesOf = (family: SourceFamily, source: SourceConfig): readonly EntitySpec[] =>
  typeof family.entities === 'function' ? family.entities(source) : family.entities;

export const emptyNormalizedSource = (): NormalizedSource => ({
  assets: [], protocols: [], markets: [], positions: [], liquidity: [], liquidators: [], liquidationEvents: [], options: [], optionPositions: [], warnings: [],
});
