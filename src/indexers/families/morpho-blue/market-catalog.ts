/**
 * Morpho Blue markets as table markets. Morpho is isolated: each market is its own risk domain, so
 * the table market is the market itself, named `<collateral>/<loan>-<LLTV %>-<first 4 bytes of the id>`
 * (wstETH/WETH-94.5%-c54d7acf). The collateral's row has ltv = liquidation threshold = LLTV (Morpho
 * has one ratio) and bonus = LIF − 1; the loan token's row is zeros (it is never collateral here),
 * so borrows have a market. An idle market (no collateral token, LLTV 0) has only the loan row.
 *
 * Markets are permissionless and many hold nothing or hold tokens no price feed covers, so only
 * markets with open positions are written, and a market whose tokens have no USD price (subgraph
 * `lastPriceUSD`, else `options.prices`) is an error naming the token, unless
 * `options.unpricedMarkets` is "skip", which leaves such markets out with a warning.
 */
import type { MarketRow } from '../../../store/index.js';
import { IndexerError } from '../../errors.js';
import { scaleRawAmount, wadToFraction, type Origin } from '../../units.js';
import type { TokenBook } from '../shared/token-book.js';
import type { MorphoMarketItem } from './items.js';
import { liquidationIncentiveFactor, WAD_ONE } from './morpho-math.js';

const NO_TOKEN = '0x0000000000000000000000000000000000000000';

export class MorphoMarkets {
  private readonly byId = new Map<string, MorphoMarketItem>();
  private included: MorphoMarketItem[] = [];

  constructor(
    items: readonly MorphoMarketItem[],
    private readonly tokens: TokenBook,
    private readonly source: string,
  ) {
    for (const m of items) {
      const origin = this.origin(m.id);
      if (BigInt(m.lltv) > WAD_ONE) throw new IndexerError(`lltv ${m.lltv} of id ${m.id} is above 1e18 (a liquidation threshold above 100%)`, origin);
      this.byId.set(m.id.toLowerCase(), m);
      if (this.collateralOf(m) !== null) {
        tokens.add(m.inputToken, m.inputTokenPriceUSD, 'inputTokenPriceUSD', origin);
        tokens.add(m.inputToken, m.inputToken.lastPriceUSD, 'inputToken.lastPriceUSD', origin);
      }
      tokens.add(m.borrowedToken, m.borrowedToken.lastPriceUSD, 'borrowedToken.lastPriceUSD', origin);
    }
  }

  private origin(id: string): Origin {
    return { source: this.source, entity: 'markets', id };
  }

  require(id: string, origin: Origin, field: string): MorphoMarketItem {
    const market = this.byId.get(id.toLowerCase());
    if (market === undefined) throw new IndexerError(`${field} of id ${origin.id} names market ${id}, which the source does not list`, origin);
    return market;
  }

  /** The collateral token's address, or null for an idle market. */
  collateralOf(m: MorphoMarketItem): string | null {
    const address = m.inputToken.id.toLowerCase();
    return address === NO_TOKEN ? null : address;
  }

  loanOf(m: MorphoMarketItem): string {
    return m.borrowedToken.id.toLowerCase();
  }

  /**
   * Keeps the markets that hold positions and whose tokens are priced; returns the ids left out for
   * having unpriced tokens (only with `skipUnpriced`) and how many held nothing.
   */
  include(withPositions: ReadonlySet<string>, skipUnpriced: boolean): { unpriced: string[]; empty: number } {
    const unpriced: string[] = [];
    this.included = [];
    for (const m of this.byId.values()) {
      if (!withPositions.has(m.id.toLowerCase())) continue;
      const missing = [this.collateralOf(m), this.loanOf(m)].filter((t): t is string => t !== null).map((t) => this.tokens.get(t)!).find((t) => t.priceUsd === null);
      if (missing === undefined) this.included.push(m);
      else if (skipUnpriced) unpriced.push(m.id);
      else {
        throw new IndexerError(
          `market ${m.id} (${m.name}) has open positions but token ${missing.subgraphSymbol} (${missing.address}) has no USD price in the subgraph; set options.prices[${JSON.stringify(missing.address)}] (USD) or options.unpricedMarkets: "skip" in the source's config`,
          this.origin(m.id),
        );
      }
    }
    return { unpriced, empty: this.byId.size - this.included.length - unpriced.length };
  }

  isIncluded(id: string): boolean {
    return this.included.some((m) => m.id.toLowerCase() === id.toLowerCase());
  }

  /** Tokens the market rows name. */
  rowTokens(): string[] {
    return [...new Set(this.included.flatMap((m) => [this.collateralOf(m), this.loanOf(m)].filter((t): t is string => t !== null)))];
  }

  /** `<collateral>/<loan>-<lltv %>-<id first 8 hex>`; call after the token book assigned symbols. */
  nameOf(id: string): string {
    const m = this.byId.get(id)!;
    const collateral = this.collateralOf(m);
    const lltvPercent = scaleRawAmount(m.lltv, 16, this.origin(m.id), 'lltv');
    return `${collateral === null ? 'idle' : this.tokens.symbolOf(collateral)}/${this.tokens.symbolOf(this.loanOf(m))}-${lltvPercent}%-${m.id.slice(2, 10).toLowerCase()}`;
  }

  rows(protocol: string): MarketRow[] {
    return this.included.flatMap((m): MarketRow[] => {
      const market = this.nameOf(m.id.toLowerCase());
      const collateral = this.collateralOf(m);
      const lif = liquidationIncentiveFactor(BigInt(m.lltv));
      const extra = { morpho_market: m.id.toLowerCase(), lltv_wad: m.lltv, oracle: m.oracle.oracleAddress.toLowerCase(), irm: m.irm.toLowerCase(), is_active: String(m.isActive) };
      const loanRow: MarketRow = {
        protocol, market, asset: this.tokens.symbolOf(this.loanOf(m)), ltv: 0, liquidationThreshold: 0, liquidationBonus: 0, closeFactor: null,
        supplyCap: null, borrowCap: null, extra: { ...extra, role: 'loan token (zeros: it is never collateral here)' },
      };
      if (collateral === null) return [loanRow];
      const lltv = wadToFraction(m.lltv, this.origin(m.id), 'lltv');
      const collateralRow: MarketRow = {
        protocol, market, asset: this.tokens.symbolOf(collateral), ltv: lltv, liquidationThreshold: lltv, liquidationBonus: Number(lif - WAD_ONE) / 1e18, closeFactor: null,
        supplyCap: null, borrowCap: null, extra: { ...extra, role: 'collateral token', liquidation_incentive_factor_wad: lif.toString() },
      };
      // A market lending a token against itself has one asset; its collateral row carries the parameters.
      return collateral === this.loanOf(m) ? [collateralRow] : [collateralRow, loanRow];
    });
  }
}
