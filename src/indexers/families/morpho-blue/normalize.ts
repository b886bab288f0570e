/**
 * Morpho Blue subgraph items of one source → rows.
 *
 *   markets ─▶ token book (collateral and loan tokens, USD prices) + market catalog
 *   positions ─▶ markets holding something ─▶ keep those with priced tokens (else error, or skip)
 *            ─▶ shares → assets ─▶ position book ─▶ assign symbols ─▶ rows
 *   liquidates ─▶ rows of kept markets
 *
 * The protocol is isolated (one risk account per account and market) with close factor 1.
 */
import { z } from 'zod';
import { IndexerError } from '../../errors.js';
import { emptyNormalizedSource, type NormalizedSource, type ResolvedSource } from '../../source-family.js';
import { liquidatorRows } from '../shared/liquidator-rows.js';
import { PositionBook } from '../shared/position-book.js';
import { lendingProtocolRow } from '../shared/protocol-row.js';
import { parseItems, parseOptions, pricesOption } from '../shared/subgraph-fields.js';
import { TokenBook } from '../shared/token-book.js';
import { morphoLiquidateItem, morphoMarketItem, morphoPositionItem } from './items.js';
import { morphoLiquidationRows } from './liquidations.js';
import { MorphoMarkets } from './market-catalog.js';
import { fileMorphoPositions, marketsWithPositions } from './positions.js';

const morphoOptions = z.strictObject({
  prices: pricesOption,
  /** "error" (default): a market with positions in an unpriced token stops the run; "skip": it is left out. */
  unpricedMarkets: z.enum(['error', 'skip']).optional(),
});

export function normalizeMorphoBlue(source: ResolvedSource, items: Readonly<Record<string, readonly unknown[]>>): NormalizedSource {
  const name = source.config.name;
  const options = parseOptions(morphoOptions, source.config.options, name);
  const marketItems = parseItems(morphoMarketItem, items, name, 'markets');
  const positions = parseItems(morphoPositionItem, items, name, 'positions');
  const liquidates = parseItems(morphoLiquidateItem, items, name, 'liquidates');
  const out = emptyNormalizedSource();
  if (marketItems.length === 0) {
    if (positions.length > 0) throw new IndexerError(`${positions.length} positions but no markets at block ${source.block}`, { source: name, entity: 'markets' });
    out.warnings.push(`the subgraph lists no markets at block ${source.block}; the source adds nothing`);
    return out;
  }

  const tokens = new TokenBook(name, options.prices ?? {});
  const markets = new MorphoMarkets(marketItems, tokens, name);
  const included = markets.include(marketsWithPositions(positions, markets, name), options.unpricedMarkets === 'skip');
  const book = new PositionBook(tokens);
  const leftOut = fileMorphoPositions(positions, markets, tokens, book, name);
  out.warnings.push(...tokens.assignSymbols([...book.tokensUsed(), ...markets.rowTokens()]));

  out.protocols = [lendingProtocolRow(source, 'morpho-blue')];
  out.assets = tokens.assetRows(source.config.chain);
  out.markets = markets.rows(source.protocol);
  out.positions = book.rows(source.protocol, (id) => markets.nameOf(id));
  const liquidations = morphoLiquidationRows(liquidates, markets, tokens, source.protocol, name);
  out.liquidationEvents = liquidations.rows;
  out.liquidators = liquidatorRows(out.liquidationEvents);
  if (included.empty > 0) out.warnings.push(`${included.empty} market(s) without open positions are left out`);
  if (included.unpriced.length > 0) {
    out.warnings.push(`${included.unpriced.length} market(s) with positions in an unpriced token are left out (options.unpricedMarkets: "skip"), e.g. ${included.unpriced[0]}; ${leftOut} position record(s) of markets not written are skipped`);
  }
  if (liquidations.skipped > 0) out.warnings.push(`${liquidations.skipped} liquidation event(s) of markets left out are skipped`);
  if (book.zeroRecords > 0) out.warnings.push(`${book.zeroRecords} open position record(s) worth zero assets are left out`);
  return out;
}
