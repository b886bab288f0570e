/**
 * Messari markets as table markets. A pooled protocol (Aave) names each market after its input
 * token's symbol; two markets of one token symbol get `SYMBOL:<first 4 bytes of the market id>`.
 * An isolated protocol (Compound v3) keeps risk per deployment, and Messari splits a deployment into
 * one market per asset tied together by `relation` (the Comet address), so the table market is the
 * relation (else the market id) and every Messari market of it adds a row for its own asset. The
 * loan asset of an isolated market (`borrowedToken`; for a 2.0.1/1.3.x CDP, its minted token) gets a
 * row of zeros when no Messari market lists it as input, so its debt has a market (as
 * data/ecosystem/markets.csv does).
 */
import type { IsolationMode } from '../../../model/ecosystem.js';
import type { MarketRow } from '../../../store/index.js';
import { IndexerError } from '../../errors.js';
import { percentToFraction, scaleRawAmount, type Origin } from '../../units.js';
import type { MarketItem } from './items.js';
import type { TokenBook } from '../shared/token-book.js';

interface Planned {
  key: string;
  token: string;
  /** The Messari market the row comes from; null for a loan asset's zero row. */
  market: MarketItem | null;
}

export class MessariMarkets {
  private readonly byId = new Map<string, MarketItem>();
  private planned: Planned[] = [];
  private names: Map<string, string> | null = null;

  constructor(
    items: readonly MarketItem[],
    private readonly isolation: IsolationMode,
    private readonly tokens: TokenBook,
    private readonly source: string,
  ) {
    for (const m of items) {
      const origin = this.origin(m.id);
      this.byId.set(m.id.toLowerCase(), m);
      tokens.add(m.inputToken, m.inputTokenPriceUSD, 'inputTokenPriceUSD', origin);
      tokens.add(m.inputToken, m.inputToken.lastPriceUSD, 'inputToken.lastPriceUSD', origin);
      if (m.borrowedToken !== null) tokens.add(m.borrowedToken, m.borrowedToken.lastPriceUSD, 'borrowedToken.lastPriceUSD', origin);
    }
  }

  private origin(id: string): Origin {
    return { source: this.source, entity: 'markets', id };
  }

  /** The market of an id, if the source lists it. */
  find(marketId: string): MarketItem | undefined {
    return this.byId.get(marketId.toLowerCase());
  }

  /** The market a record references; an unknown one is an error naming the record and field. */
  require(marketId: string, origin: Origin, field: string): MarketItem {
    const market = this.byId.get(marketId.toLowerCase());
    if (market === undefined) throw new IndexerError(`${field} of id ${origin.id} names market ${marketId}, which the source does not list`, origin);
    return market;
  }

  /** The key positions of a market are filed under: its deployment when isolated, else itself. */
  keyOf(market: MarketItem): string {
    return (this.isolation === 'market' ? (market.relation ?? market.id) : market.id).toLowerCase();
  }

  /**
   * Chooses the rows to write: every market whose input token is priced or held, or (pooled) that
   * positions reference, and in an isolated protocol a zero row for each priced or held loan token
   * no market of the deployment lists. Returns the tokens those rows name and the markets left out.
   */
  plan(held: ReadonlySet<string>, referenced: ReadonlySet<string>): { tokens: string[]; skipped: string[] } {
    const wanted = (token: string) => held.has(token) || this.tokens.get(token)?.priceUsd != null;
    const skipped: string[] = [];
    this.planned = [];
    this.names = null;
    for (const m of this.byId.values()) {
      const token = m.inputToken.id.toLowerCase();
      if (wanted(token) || (this.isolation === 'pooled' && referenced.has(this.keyOf(m)))) this.planned.push({ key: this.keyOf(m), token, market: m });
      else skipped.push(m.id);
    }
    if (this.isolation === 'market') {
      const listed = new Set(this.planned.map((p) => `${p.key} ${p.token}`));
      for (const m of this.byId.values()) {
        const loan = m.borrowedToken?.id.toLowerCase();
        const key = this.keyOf(m);
        if (loan === undefined || listed.has(`${key} ${loan}`) || !wanted(loan)) continue;
        listed.add(`${key} ${loan}`);
        this.planned.push({ key, token: loan, market: null });
      }
    }
    return { tokens: [...new Set(this.planned.map((p) => p.token))], skipped };
  }

  /** Whether a planned row lists `token` in the market of `key` (a collateral or supply position needs one). */
  lists(key: string, token: string): boolean {
    return this.planned.some((p) => p.key === key && p.token === token.toLowerCase());
  }

  /** Whether the market of `key` gets any row (a debt position needs its market to exist). */
  hasRows(key: string): boolean {
    return this.planned.some((p) => p.key === key);
  }

  /** Table market name of a key; call after the token book assigned symbols. */
  nameOf(key: string): string {
    if (this.isolation === 'market') return key;
    if (this.names === null) {
      const bySymbol = new Map<string, string[]>();
      for (const p of this.planned) {
        const symbol = this.tokens.symbolOf(p.token);
        bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), p.key]);
      }
      this.names = new Map();
      for (const [symbol, keys] of bySymbol) for (const k of keys) this.names.set(k, keys.length === 1 ? symbol : `${symbol}:${k.slice(2, 10)}`);
    }
    const name = this.names.get(key);
    if (name === undefined) throw new Error(`contagion/indexers/families/messari-lending/market-catalog: market ${key} has no row`);
    return name;
  }

  rows(protocol: string): MarketRow[] {
    const seen = new Map<string, string>();
    return this.planned.map(({ key, token, market }) => {
      const row = market === null ? this.zeroRow(protocol, key, token) : this.row(protocol, key, market);
      const at = `${row.market} ${row.asset}`;
      const first = seen.get(at);
      if (first !== undefined) {
        throw new IndexerError(`markets ${first} and ${market?.id ?? key} both list ${row.asset} in table market ${row.market}`, this.origin(market?.id ?? key));
      }
      seen.set(at, market?.id ?? key);
      return row;
    });
  }

  private row(protocol: string, key: string, m: MarketItem): MarketRow {
    const origin = this.origin(m.id);
    const ltv = percentToFraction(m.maximumLTV, origin, 'maximumLTV');
    const liquidationThreshold = percentToFraction(m.liquidationThreshold, origin, 'liquidationThreshold');
    const liquidationBonus = percentToFraction(m.liquidationPenalty, origin, 'liquidationPenalty');
    if (ltv > liquidationThreshold + 1e-12) throw new IndexerError(`maximumLTV ${m.maximumLTV}% of id ${m.id} is above its liquidationThreshold ${m.liquidationThreshold}%`, origin);
    if (liquidationBonus >= 1) throw new IndexerError(`liquidationPenalty ${m.liquidationPenalty}% of id ${m.id} is not below 100%`, origin);
    const token = this.tokens.get(m.inputToken.id)!;
    const cap = (raw: string | null, field: string): number | null =>
      raw === null || raw === '0' ? null : Number(scaleRawAmount(raw, token.decimals, origin, field));
    return {
      protocol, market: this.nameOf(key), asset: this.tokens.symbolOf(token.address), ltv, liquidationThreshold, liquidationBonus, closeFactor: null,
      // Messari caps are native (raw) amounts of the input token, as Compound v3's subgraph writes them; 0 is "no cap".
      supplyCap: cap(m.supplyCap, 'supplyCap'), borrowCap: cap(m.borrowCap, 'borrowCap'),
      extra: {
        messari_market: m.id.toLowerCase(), ...(m.name === null ? {} : { messari_name: m.name }),
        is_active: String(m.isActive), can_borrow_from: String(m.canBorrowFrom), can_use_as_collateral: String(m.canUseAsCollateral),
        ...(m.canIsolate === null ? {} : { can_isolate: String(m.canIsolate) }),
      },
    };
  }

  private zeroRow(protocol: string, key: string, token: string): MarketRow {
    return {
      protocol, market: this.nameOf(key), asset: this.tokens.symbolOf(token), ltv: 0, liquidationThreshold: 0, liquidationBonus: 0, closeFactor: null,
      supplyCap: null, borrowCap: null, extra: { role: 'loan asset of an isolated market (zeros: it is never collateral here)' },
    };
  }
}
