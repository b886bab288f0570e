/**
 * Messari positions into the position book. Sides: BORROWER is debt; COLLATERAL (LENDER in 2.x)
 * is collateral when the account enabled it (`isCollateral`; null means the protocol needs no
 * enabling, per the schema) and the market accepts collateral, else `supply` (counted in supplied
 * totals, never in a health factor: Compound v3's base-asset lenders, Aave deposits with usage off);
 * SUPPLIER (the Morpho Blue subgraph's extension) is supply.
 */
import type { PositionSide } from '../../../model/ecosystem.js';
import { IndexerError } from '../../errors.js';
import type { PositionItem, MarketItem } from './items.js';
import type { MessariMarkets } from './market-catalog.js';
import type { PositionBook } from '../shared/position-book.js';
import type { TokenBook } from '../shared/token-book.js';

export function sideOf(position: PositionItem, market: MarketItem): PositionSide {
  if (position.side === 'BORROWER') return 'debt';
  if (position.side === 'SUPPLIER') return 'supply';
  return position.isCollateral !== false && market.canUseAsCollateral ? 'collateral' : 'supply';
}

export function fileMessariPositions(items: readonly PositionItem[], markets: MessariMarkets, tokens: TokenBook, book: PositionBook, source: string): void {
  for (const p of items) {
    const origin = { source, entity: 'positions', id: p.id };
    const market = markets.require(p.market.id, origin, 'market');
    const token = tokens.require(p.asset.id, origin, 'asset');
    const key = { account: p.account.id.toLowerCase(), market: markets.keyOf(market), token: token.address, side: sideOf(p, market) };
    book.add(key, BigInt(p.balance), token, origin, 'balance');
  }
}

/**
 * A collateral or supply position needs a market row for its own asset, a debt position a row of
 * any asset in its market (docs/import-format.md); say which position lacks one.
 */
export function checkPositionMarkets(items: readonly PositionItem[], markets: MessariMarkets, tokens: TokenBook, source: string): void {
  for (const p of items) {
    const origin = { source, entity: 'positions', id: p.id };
    const market = markets.require(p.market.id, origin, 'market');
    const key = markets.keyOf(market);
    if (p.balance === '0') continue;
    if (sideOf(p, market) === 'debt') {
      if (!markets.hasRows(key)) throw new IndexerError(`market of id ${p.id} is ${p.market.id}, for which no market row could be written (no priced token), so the debt has no market`, origin);
      continue;
    }
    if (!markets.lists(key, p.asset.id)) {
      const token = tokens.require(p.asset.id, origin, 'asset');
      throw new IndexerError(`asset of id ${p.id} is ${token.subgraphSymbol} (${token.address}), which market ${p.market.id} does not list as input token, so the position has no market parameters`, origin);
    }
  }
}
