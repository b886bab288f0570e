/**
 * Messari lending items of one source → rows.
 *
 *   items ─▶ read with the source's schema version (read-items.ts: 2.0.1 / 1.3.x into 3.x shapes)
 *   markets ─▶ token book (decimals, USD price) + market catalog (table market per market/deployment)
 *   positions ─▶ position book (raw sums, $100B check) ─▶ plan market rows ─▶ assign symbols
 *   liquidates ─▶ drafts (debt asset found or event left out; liquidate-quirks.ts) ─▶ rows
 *
 * The protocol's slug (LendingProtocol.slug) picks its liquidation terms and isolation default.
 * A 1.3.x source has no positions: it contributes markets and liquidation history, with a warning.
 */
import { IndexerError } from '../../errors.js';
import { emptyNormalizedSource, type NormalizedSource, type ResolvedSource } from '../../source-family.js';
import type { MarketItem } from './items.js';
import { liquidateQuirkOf } from './liquidate-quirks.js';
import { draftMessariLiquidations, messariLiquidationRows } from './liquidation-events.js';
import { liquidatorRows } from '../shared/liquidator-rows.js';
import { MessariMarkets } from './market-catalog.js';
import { PositionBook } from '../shared/position-book.js';
import { checkPositionMarkets, fileMessariPositions } from './positions.js';
import { lendingProtocolRow } from '../shared/protocol-row.js';
import { readMessariItems } from './read-items.js';
import { messariLendingOptionsOf, versionMismatch } from './schema-version.js';
import { TokenBook } from '../shared/token-book.js';

function protocolOf(markets: readonly MarketItem[], source: string): MarketItem['protocol'] {
  const first = markets[0]!.protocol;
  const other = markets.find((m) => m.protocol.id.toLowerCase() !== first.id.toLowerCase());
  if (other !== undefined) {
    throw new IndexerError(`markets belong to two protocols (${first.slug} ${first.id} and ${other.protocol.slug} ${other.protocol.id}); one source must be one protocol`, { source, entity: 'markets' });
  }
  return first;
}

export function normalizeMessariLending(source: ResolvedSource, items: Readonly<Record<string, readonly unknown[]>>): NormalizedSource {
  const name = source.config.name;
  const options = messariLendingOptionsOf(source.config);
  const read = readMessariItems(options.schemaVersion, items, name);
  const { markets, positions, liquidates } = read;
  const out = emptyNormalizedSource();
  out.warnings.push(...read.warnings);
  if (markets.length === 0 && positions.length === 0) {
    out.warnings.push(`the subgraph lists no markets at block ${source.block}; the source adds nothing`);
    return out;
  }
  if (markets.length === 0) throw new IndexerError(`${positions.length} positions but no markets at block ${source.block}`, { source: name, entity: 'markets' });

  const protocol = protocolOf(markets, name);
  const mismatch = versionMismatch(options.schemaVersion, protocol.schemaVersion);
  if (mismatch !== null) out.warnings.push(mismatch);
  const protocolRow = lendingProtocolRow(source, protocol.slug, {
    protocol_name: protocol.name, schema_version: protocol.schemaVersion, ...(read.positionsAvailable ? {} : { positions: 'not available (schema 1.3.x)' }),
  });
  const tokens = new TokenBook(name, options.prices ?? {});
  for (const t of read.tokens) tokens.add(t.token, t.price, t.field, t.origin);
  const catalog = new MessariMarkets(markets, protocolRow.isolation, tokens, name);
  const book = new PositionBook(tokens);
  fileMessariPositions(positions, catalog, tokens, book, name);

  const held = new Set(book.tokensUsed());
  const plan = catalog.plan(held, new Set(book.keys().map((k) => k.market)));
  checkPositionMarkets(positions, catalog, tokens, name);
  const quirk = liquidateQuirkOf(protocol.slug);
  const liquidations = draftMessariLiquidations(liquidates, catalog, tokens, name, quirk);
  const used = [...held, ...plan.tokens, ...liquidations.drafts.flatMap((d) => [d.collateral, d.debt])];
  out.warnings.push(...tokens.assignSymbols(used));

  out.protocols = [protocolRow];
  out.assets = tokens.assetRows(source.config.chain);
  out.markets = catalog.rows(source.protocol);
  out.positions = book.rows(source.protocol, (key) => catalog.nameOf(key));
  out.liquidationEvents = messariLiquidationRows(liquidations.drafts, tokens, source.protocol, name, quirk);
  out.liquidators = liquidatorRows(out.liquidationEvents);
  if (plan.skipped.length > 0) out.warnings.push(`${plan.skipped.length} market(s) with an unpriced input token and no positions are left out, e.g. ${plan.skipped[0]}`);
  if (book.zeroRecords > 0) out.warnings.push(`${book.zeroRecords} open position record(s) with a zero balance are left out`);
  out.warnings.push(...liquidations.warnings);
  return out;
}
