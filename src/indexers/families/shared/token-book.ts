/**
 * The tokens one lending source references, by lower-case address: decimals, USD price and the
 * symbol they get in the tables. Shared by the lending families (Messari, Aave, Morpho Blue).
 *
 * Prices: `options.prices` (by address, then by the subgraph's symbol) wins over the subgraph's
 * price; a zero or missing price is "unpriced", and reading the price of an unpriced token is an
 * error naming it, never a guess. Symbols: the tables key assets by symbol, so two tokens of one
 * source with the same symbol (bridged and native USDC, a spoofed ticker) cannot both keep it: the
 * one holding the most USD in positions keeps it, the others become `SYMBOL.<first 6 hex of address>`.
 */
import type { AssetRow } from '../../../store/index.js';
import { classifyAsset, knownUnderlying } from '../../asset-kinds.js';
import { IndexerError } from '../../errors.js';
import { decimalNumber, type Origin } from '../../units.js';

export interface BookToken {
  address: string;
  /** Symbol as the subgraph reports it. */
  subgraphSymbol: string;
  decimals: number;
  /** USD per whole token; null when neither the config nor the subgraph prices it. */
  priceUsd: number | null;
  priceSource: string;
}

const short = (address: string): string => address.slice(2, 8);

export class TokenBook {
  private readonly tokens = new Map<string, BookToken>();
  private readonly valueUsd = new Map<string, number>();
  private symbols: Map<string, string> | null = null;

  constructor(
    private readonly source: string,
    private readonly prices: Readonly<Record<string, number>> = {},
  ) {}

  /**
   * Registers a token seen in `origin`; `price` is the subgraph's USD price for it, as BigDecimal text
   * or an already converted number (null when it has none).
   */
  add(token: { id: string; symbol: string; decimals: number }, price: string | number | null, priceField: string, origin: Origin): BookToken {
    const address = token.id.toLowerCase();
    const override = this.prices[address] ?? this.prices[token.symbol];
    let priceUsd: number | null = override ?? null;
    if (priceUsd === null && price !== null) {
      const value = typeof price === 'number' ? price : decimalNumber(price, origin, priceField);
      if (!Number.isFinite(value)) throw new IndexerError(`${priceField} of id ${origin.id} is not a finite price`, origin);
      if (value < 0) throw new IndexerError(`${priceField} ${price} of id ${origin.id} is negative`, origin);
      priceUsd = value > 0 ? value : null;
    }
    const known = this.tokens.get(address);
    if (known !== undefined) {
      if (known.decimals !== token.decimals) {
        throw new IndexerError(`token ${token.symbol} (${address}) has ${token.decimals} decimals in id ${origin.id} but ${known.decimals} elsewhere`, origin);
      }
      if (known.priceUsd === null && priceUsd !== null) Object.assign(known, { priceUsd, priceSource: `${this.source}:${priceField}` });
      return known;
    }
    const entry: BookToken = {
      address,
      subgraphSymbol: token.symbol.trim(),
      decimals: token.decimals,
      priceUsd,
      priceSource: override !== undefined ? `${this.source}:options.prices` : `${this.source}:${priceField}`,
    };
    this.tokens.set(address, entry);
    return entry;
  }

  get(address: string): BookToken | undefined {
    return this.tokens.get(address.toLowerCase());
  }

  /** The token a record references; one the source never listed is an error naming the record and field. */
  require(address: string, origin: Origin, field: string): BookToken {
    const token = this.get(address);
    if (token === undefined) throw new IndexerError(`${field} of id ${origin.id} names token ${address}, which no market of the source lists`, origin);
    return token;
  }

  /** A token's USD price; an unpriced token is an error saying how to price it. */
  priceOf(token: BookToken, origin: Origin, field: string): number {
    if (token.priceUsd !== null) return token.priceUsd;
    throw new IndexerError(
      `${field} of id ${origin.id} is in token ${token.subgraphSymbol} (${token.address}), which the subgraph does not price; set options.prices[${JSON.stringify(token.address)}] (USD) in the source's config`,
      origin,
    );
  }

  /** Adds USD held in a token's positions, which decides who keeps a contested symbol. */
  addValue(address: string, usd: number): void {
    this.valueUsd.set(address, (this.valueUsd.get(address) ?? 0) + usd);
  }

  /** Fixes the table symbol of every token in `used`; returns a warning per renamed token. */
  assignSymbols(used: Iterable<string>): string[] {
    const warnings: string[] = [];
    const bySymbol = new Map<string, BookToken[]>();
    for (const address of new Set(used)) {
      const token = this.tokens.get(address)!;
      const symbol = token.subgraphSymbol === '' ? `TOKEN.${short(address)}` : token.subgraphSymbol;
      bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), token]);
    }
    this.symbols = new Map();
    for (const [symbol, group] of bySymbol) {
      group.sort((a, b) => (this.valueUsd.get(b.address) ?? 0) - (this.valueUsd.get(a.address) ?? 0) || a.address.localeCompare(b.address));
      group.forEach((token, rank) => {
        const assigned = rank === 0 ? symbol : `${symbol}.${short(token.address)}`;
        this.symbols!.set(token.address, assigned);
        if (rank > 0) warnings.push(`token ${token.address} shares symbol ${symbol} with ${group[0]!.address}; it is listed as ${assigned}`);
      });
    }
    return warnings;
  }

  symbolOf(address: string): string {
    const symbol = this.symbols?.get(address.toLowerCase());
    if (symbol === undefined) throw new Error(`contagion/indexers/families/messari-lending/token-book: no symbol assigned to ${address}`);
    return symbol;
  }

  /** Asset rows of the tokens given symbols, all priced (an unpriced one was an error earlier). */
  assetRows(chain: string): AssetRow[] {
    const assigned = [...(this.symbols ?? new Map<string, string>())];
    const listed = new Set(assigned.map(([, symbol]) => symbol));
    return assigned.map(([address, symbol]) => {
      const token = this.tokens.get(address)!;
      if (token.priceUsd === null) throw new IndexerError(`token ${symbol} (${address}) has no USD price; set options.prices in the source's config`, { source: this.source, entity: 'tokens' });
      const hint = knownUnderlying(token.subgraphSymbol);
      const extra: Record<string, string> = {};
      if (symbol !== token.subgraphSymbol) extra.subgraph_symbol = token.subgraphSymbol;
      // An underlying the tables do not list would dangle; keep it as a hint until a source lists it.
      if (hint !== null && !listed.has(hint)) extra.underlying_hint = hint;
      return {
        symbol, decimals: token.decimals, kind: classifyAsset(token.subgraphSymbol), priceUsd: token.priceUsd, priceSource: token.priceSource,
        underlying: hint !== null && listed.has(hint) ? hint : null, address, chain, extra: Object.keys(extra).length > 0 ? extra : null,
      };
    });
  }
}
