/**
 * The staged items of one source, parsed with its schema version's shapes and read into the 3.x
 * shapes (items.ts), with the tokens to register before the markets' own and the warnings the
 * version calls for:
 *
 *   3.x     markets, positions, liquidates as they are
 *   2.0.1   markets, positions, liquidates via read-legacy-items.ts
 *   1.3.x   markets, liquidates via read-legacy-items.ts; no positions, and a warning saying so
 */
import { liquidateItem, marketItem, positionItem, type LiquidateItem, type MarketItem, type PositionItem } from './items.js';
import { legacyMarketItem, liquidateItem13, liquidateItem201, positionItem201 } from './legacy-items.js';
import { legacyEventTokens, legacyMarketTokens, liquidatesFromLegacy, marketsFromLegacy, positionsFrom201, type PricedToken } from './read-legacy-items.js';
import { lineOf, type SchemaVersion } from './schema-version.js';
import { parseItems } from '../shared/subgraph-fields.js';

export interface MessariItems {
  markets: MarketItem[];
  positions: PositionItem[];
  liquidates: LiquidateItem[];
  /** Tokens to register first, in the order their price is preferred (empty for 3.x). */
  tokens: PricedToken[];
  /** False when the schema has no positions (1.3.x). */
  positionsAvailable: boolean;
  warnings: string[];
}

type Staged = Readonly<Record<string, readonly unknown[]>>;

export function readMessariItems(version: SchemaVersion, items: Staged, source: string): MessariItems {
  const line = lineOf(version);
  if (line === '3.x') {
    return {
      markets: parseItems(marketItem, items, source, 'markets'),
      positions: parseItems(positionItem, items, source, 'positions'),
      liquidates: parseItems(liquidateItem, items, source, 'liquidates'),
      tokens: [],
      positionsAvailable: true,
      warnings: [],
    };
  }
  const markets = parseItems(legacyMarketItem, items, source, 'markets');
  const liquidates = line === '2.0.1' ? parseItems(liquidateItem201, items, source, 'liquidates') : parseItems(liquidateItem13, items, source, 'liquidates');
  const tokens = [...legacyMarketTokens(markets, source), ...legacyEventTokens(liquidates, source)];
  if (line === '2.0.1') {
    const positions = positionsFrom201(parseItems(positionItem201, items, source, 'positions'), markets, source);
    return { markets: marketsFromLegacy(markets), positions, liquidates: liquidatesFromLegacy(liquidates), tokens, positionsAvailable: true, warnings: [] };
  }
  return {
    markets: marketsFromLegacy(markets),
    positions: [],
    liquidates: liquidatesFromLegacy(liquidates),
    tokens,
    positionsAvailable: false,
    warnings: [
      `Messari lending schema ${version} has no Position entity (its Account carries only an id), so positions are not available: the protocol appears with its markets and liquidation history but no accounts`,
    ],
  };
}
