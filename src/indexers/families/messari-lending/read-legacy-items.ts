/**
 * Items of schema 2.0.1 and 1.3.x (legacy-items.ts) in the 3.x shapes the family works on (items.ts):
 *
 *   market      canIsolate, relation, caps: null; borrowedToken: a CDP's one minted token, else null
 *   position    (2.0.1) asset: the market's input token, or for a BORROWER of a CDP its minted token
 *               (Liquity's LUSD, MakerDAO's DAI, Abracadabra's MIM: the market's input is the collateral)
 *   liquidate   positions: [] (2.0.1's one `position` is not read: v2/liquidates.graphql says why);
 *               1.3.x `from` and `liquidatee` strings become references
 *
 * Tokens priced by other fields than a market's input (minted tokens, event assets) are returned in
 * the order their price is preferred, for the token book.
 */
import { IndexerError } from '../../errors.js';
import type { Origin } from '../../units.js';
import type { LiquidateItem, MarketItem, PositionItem } from './items.js';
import type { LegacyMarketItem, LegacyToken, LiquidateItem13, LiquidateItem201, PositionItem201 } from './legacy-items.js';

export interface PricedToken {
  token: LegacyToken;
  price: string | null;
  field: string;
  origin: Origin;
}

/** A CDP's debt token: its one minted token; null for a pooled protocol or an unclear CDP. */
const mintedDebtToken = (m: LegacyMarketItem): LegacyToken | null =>
  m.protocol.lendingType === 'CDP' && m.protocol.mintedTokens?.length === 1 ? m.protocol.mintedTokens[0]! : null;

export function marketsFromLegacy(items: readonly LegacyMarketItem[]): MarketItem[] {
  return items.map((m) => ({
    ...m,
    canIsolate: null,
    relation: null,
    borrowedToken: mintedDebtToken(m),
    supplyCap: null,
    borrowCap: null,
    protocol: { id: m.protocol.id, slug: m.protocol.slug, name: m.protocol.name, schemaVersion: m.protocol.schemaVersion },
  }));
}

/** Input tokens first (as the 3.x path prices them), then minted tokens. */
export function legacyMarketTokens(items: readonly LegacyMarketItem[], source: string): PricedToken[] {
  const origin = (id: string): Origin => ({ source, entity: 'markets', id });
  return [
    ...items.map((m) => ({ token: m.inputToken, price: m.inputTokenPriceUSD, field: 'inputTokenPriceUSD', origin: origin(m.id) })),
    ...items.flatMap((m) => (m.protocol.mintedTokens ?? []).map((t) => ({ token: t, price: t.lastPriceUSD, field: 'protocol.mintedTokens.lastPriceUSD', origin: origin(m.id) }))),
  ];
}

export function positionsFrom201(items: readonly PositionItem201[], markets: readonly LegacyMarketItem[], source: string): PositionItem[] {
  const byId = new Map(markets.map((m) => [m.id.toLowerCase(), m]));
  return items.map((p) => {
    const origin = { source, entity: 'positions', id: p.id };
    const market = byId.get(p.market.id.toLowerCase());
    if (market === undefined) throw new IndexerError(`market of id ${p.id} names market ${p.market.id}, which the source does not list`, origin);
    let token = market.inputToken;
    if (p.side === 'BORROWER' && market.protocol.lendingType === 'CDP') {
      const minted = mintedDebtToken(market);
      if (minted === null) {
        throw new IndexerError(
          `BORROWER position ${p.id} is in CDP protocol ${market.protocol.slug}, whose mintedTokens lists ${market.protocol.mintedTokens?.length ?? 0} tokens, so the token of the debt is unknown (2.0.1 positions carry no asset)`,
          origin,
        );
      }
      token = minted;
    }
    return { id: p.id, account: p.account, market: p.market, asset: { id: token.id }, side: p.side, isCollateral: p.isCollateral, balance: p.balance };
  });
}

export function liquidatesFromLegacy(items: readonly (LiquidateItem201 | LiquidateItem13)[]): LiquidateItem[] {
  return items.map((l) => ({
    id: l.id, hash: l.hash, logIndex: l.logIndex, blockNumber: l.blockNumber, timestamp: l.timestamp,
    liquidator: 'from' in l ? { id: l.from } : l.liquidator,
    liquidatee: typeof l.liquidatee === 'string' ? { id: l.liquidatee } : l.liquidatee,
    market: l.market, asset: { id: l.asset.id }, amount: l.amount, amountUSD: l.amountUSD, profitUSD: l.profitUSD, positions: [],
  }));
}

/** The token each event names as `asset`, so a debt no market lists is known. */
export const legacyEventTokens = (items: readonly (LiquidateItem201 | LiquidateItem13)[], source: string): PricedToken[] =>
  items.map((l) => ({ token: l.asset, price: l.asset.lastPriceUSD, field: 'asset.lastPriceUSD', origin: { source, entity: 'liquidates', id: l.id } }));
