/**
 * Open positions of one lending source, summed per (account, market, token, side) in raw token
 * units and scaled once, so the decimal text is exact. Subgraphs can hold several open records for
 * one table row (Messari's variable and stable borrow of the same asset; two Messari markets folded
 * into one Compound v3 deployment), and the table keeps one row per key. Each record is checked at
 * the edge: a position worth more than `ABSURD_USD` at the source's price is a units error naming
 * the record.
 */
import type { PositionSide } from '../../../model/ecosystem.js';
import type { PositionRow } from '../../../store/index.js';
import { IndexerError } from '../../errors.js';
import { ABSURD_USD } from '../../merge-sources.js';
import { scaleRawAmount, type Origin } from '../../units.js';
import type { BookToken, TokenBook } from './token-book.js';

export interface PositionKey {
  account: string;
  /** The family's market key (a market id, or a reserve id and e-mode category); named in `rows`. */
  market: string;
  /** Token address (lower-case). */
  token: string;
  side: PositionSide;
}

interface Entry extends PositionKey {
  raw: bigint;
  /** First record that contributed, for error messages. */
  origin: Origin;
  field: string;
}

export class PositionBook {
  private readonly entries = new Map<string, Entry>();
  /** Records read with a zero balance (closed in all but name). */
  zeroRecords = 0;

  constructor(private readonly tokens: TokenBook) {}

  /** Adds one record's raw amount; zero amounts are counted and dropped. */
  add(key: PositionKey, raw: bigint, token: BookToken, origin: Origin, field: string): void {
    if (raw < 0n) throw new IndexerError(`${field} of id ${origin.id} is negative (${raw})`, origin);
    if (raw === 0n) {
      this.zeroRecords++;
      return;
    }
    const usd = (Number(raw) / 10 ** token.decimals) * this.tokens.priceOf(token, origin, field);
    if (!(usd <= ABSURD_USD)) {
      throw new IndexerError(
        `${field} of id ${origin.id} is worth $${usd.toExponential(3)} (${raw} raw, ${token.decimals} decimals, ${token.subgraphSymbol} at $${token.priceUsd}): above $${ABSURD_USD.toExponential(0)}, a units error`,
        origin,
      );
    }
    this.tokens.addValue(token.address, usd);
    const id = `${key.account}\u0000${key.market}\u0000${key.token}\u0000${key.side}`;
    const known = this.entries.get(id);
    if (known === undefined) this.entries.set(id, { ...key, raw, origin, field });
    else known.raw += raw;
  }

  /** Token addresses the positions hold. */
  tokensUsed(): string[] {
    return [...new Set([...this.entries.values()].map((e) => e.token))];
  }

  keys(): readonly PositionKey[] {
    return [...this.entries.values()];
  }

  /**
   * One row per (account, market name, asset, side), amounts in whole tokens; call after the token
   * book assigned symbols. Keys that name the same table row are summed again here.
   */
  rows(protocol: string, marketName: (marketKey: string) => string): PositionRow[] {
    const named = new Map<string, { row: Omit<PositionRow, 'amount'>; raw: bigint; entry: Entry }>();
    for (const e of this.entries.values()) {
      const row = { protocol, account: e.account, market: marketName(e.market), asset: this.tokens.symbolOf(e.token), side: e.side, extra: null };
      const id = `${row.account}\u0000${row.market}\u0000${row.asset}\u0000${row.side}`;
      const known = named.get(id);
      if (known === undefined) named.set(id, { row, raw: e.raw, entry: e });
      else known.raw += e.raw;
    }
    return [...named.values()].map(({ row, raw, entry }) => ({
      ...row,
      amount: scaleRawAmount(raw.toString(), this.tokens.get(entry.token)!.decimals, entry.origin, entry.field),
    }));
  }
}
