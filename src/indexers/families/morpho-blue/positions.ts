/**
 * Morpho Blue positions into the position book. Collateral is `balance` in the collateral token;
 * supply and borrow are shares, turned into loan-token assets with the market's totals (as of the
 * market's last accrual, `lastUpdate`: interest since then is not in them): supply rounded down,
 * borrow rounded up, as SharesMathLib does. Supplied loan assets are `supply`: in Morpho a lender's
 * deposit is never collateral.
 */
import type { PositionSide } from '../../../model/ecosystem.js';
import { IndexerError } from '../../errors.js';
import type { PositionBook } from '../shared/position-book.js';
import type { TokenBook } from '../shared/token-book.js';
import type { MorphoMarketItem, MorphoPositionItem } from './items.js';
import type { MorphoMarkets } from './market-catalog.js';
import { toAssetsDown, toAssetsUp } from './morpho-math.js';

/** Raw amount, token and side of one position record; errors name the record and field. */
export function morphoPositionAmount(p: MorphoPositionItem, market: MorphoMarketItem, markets: MorphoMarkets, source: string): { raw: bigint; token: string; side: PositionSide; field: string } {
  const origin = { source, entity: 'positions', id: p.id };
  if (p.side === 'COLLATERAL') {
    const token = markets.collateralOf(market);
    if (token === null) throw new IndexerError(`side of id ${p.id} is COLLATERAL in idle market ${market.id}, which takes no collateral`, origin);
    return { raw: BigInt(p.balance), token, side: 'collateral', field: 'balance' };
  }
  if (p.shares === null) throw new IndexerError(`shares of id ${p.id} is missing for a ${p.side} position`, origin);
  const shares = BigInt(p.shares);
  const raw = p.side === 'SUPPLIER'
    ? toAssetsDown(shares, BigInt(market.totalSupply), BigInt(market.totalSupplyShares))
    : toAssetsUp(shares, BigInt(market.totalBorrow), BigInt(market.totalBorrowShares));
  return { raw, token: markets.loanOf(market), side: p.side === 'SUPPLIER' ? 'supply' : 'debt', field: 'shares' };
}

/** Markets holding at least one non-zero position. */
export function marketsWithPositions(items: readonly MorphoPositionItem[], markets: MorphoMarkets, source: string): Set<string> {
  const held = new Set<string>();
  for (const p of items) {
    const market = markets.require(p.market.id, { source, entity: 'positions', id: p.id }, 'market');
    if (morphoPositionAmount(p, market, markets, source).raw > 0n) held.add(market.id.toLowerCase());
  }
  return held;
}

/** Files the positions of included markets; returns how many records were in markets left out. */
export function fileMorphoPositions(items: readonly MorphoPositionItem[], markets: MorphoMarkets, tokens: TokenBook, book: PositionBook, source: string): number {
  let leftOut = 0;
  for (const p of items) {
    const origin = { source, entity: 'positions', id: p.id };
    const market = markets.require(p.market.id, origin, 'market');
    if (!markets.isIncluded(market.id)) {
      leftOut++;
      continue;
    }
    const { raw, token, side, field } = morphoPositionAmount(p, market, markets, source);
    if (p.asset.id.toLowerCase() !== token) throw new IndexerError(`asset of id ${p.id} is ${p.asset.id}, but a ${p.side} position of market ${market.id} is in ${token}`, origin);
    const entry = tokens.require(token, origin, 'asset');
    book.add({ account: p.account.id.toLowerCase(), market: market.id.toLowerCase(), token, side }, raw, entry, origin, field);
  }
  return leftOut;
}
