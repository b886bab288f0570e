/**
 * Aave v3 subgraph items of one source → rows.
 *
 *   reserves (of one pool) ─▶ token book (USD price from the oracle) + reserve catalog
 *   eModeCategories + eModeCategoryConfigs ─▶ e-mode membership
 *   userReserves ─▶ scaled balances × reserve indexes ─▶ position book (e-mode markets for collateral)
 *   liquidationCalls ─▶ rows with the debt repaid in USD at the time
 *
 * A subgraph that indexes several pools (markets) needs `options.pool` (the pool id, its
 * PoolAddressesProvider address) to say which one the source is.
 */
import { z } from 'zod';
import { IndexerError } from '../../errors.js';
import { emptyNormalizedSource, type NormalizedSource, type ResolvedSource } from '../../source-family.js';
import { liquidatorRows } from '../shared/liquidator-rows.js';
import { PositionBook } from '../shared/position-book.js';
import { lendingProtocolRow } from '../shared/protocol-row.js';
import { parseItems, parseOptions, pricesOption } from '../shared/subgraph-fields.js';
import { TokenBook } from '../shared/token-book.js';
import { EModes } from './emode.js';
import { eModeCategoryConfigItem, eModeCategoryItem, liquidationCallItem, reserveItem, userReserveItem, type ReserveItem } from './items.js';
import { aaveLiquidationRows, draftAaveLiquidations } from './liquidation-calls.js';
import { fileAavePositions } from './positions.js';
import { AaveReserves } from './reserve-catalog.js';

const aaveOptions = z.strictObject({ pool: z.string().min(1).optional(), prices: pricesOption });

function choosePool(reserves: readonly ReserveItem[], wanted: string | undefined, source: string): string | null {
  const pools = [...new Set(reserves.map((r) => r.pool.id.toLowerCase()))].sort();
  if (wanted !== undefined) {
    if (!pools.includes(wanted.toLowerCase())) throw new IndexerError(`config field "options.pool": ${wanted} is not a pool of the subgraph (pools: ${pools.join(', ') || 'none'})`, { source });
    return wanted.toLowerCase();
  }
  if (pools.length > 1) throw new IndexerError(`the subgraph serves ${pools.length} pools (${pools.join(', ')}); set options.pool to the one this source is`, { source, entity: 'reserves' });
  return pools[0] ?? null;
}

export function normalizeAaveV3(source: ResolvedSource, items: Readonly<Record<string, readonly unknown[]>>): NormalizedSource {
  const name = source.config.name;
  const options = parseOptions(aaveOptions, source.config.options, name);
  const allReserves = parseItems(reserveItem, items, name, 'reserves');
  const userReserves = parseItems(userReserveItem, items, name, 'userReserves');
  const categories = parseItems(eModeCategoryItem, items, name, 'eModeCategories');
  const configs = parseItems(eModeCategoryConfigItem, items, name, 'eModeCategoryConfigs');
  const calls = parseItems(liquidationCallItem, items, name, 'liquidationCalls');
  const out = emptyNormalizedSource();
  const pool = choosePool(allReserves, options.pool, name);
  if (pool === null) {
    if (userReserves.length > 0) throw new IndexerError(`${userReserves.length} user reserves but no reserves at block ${source.block}`, { source: name, entity: 'reserves' });
    out.warnings.push(`the subgraph lists no reserves at block ${source.block}; the source adds nothing`);
    return out;
  }

  const poolReserves = allReserves.filter((r) => r.pool.id.toLowerCase() === pool);
  const allReserveIds = new Set(allReserves.map((r) => r.id));
  const tokens = new TokenBook(name, options.prices ?? {});
  const reserves = new AaveReserves(poolReserves, tokens, name);
  const emodes = new EModes(categories, configs, poolReserves, name);
  const book = new PositionBook(tokens);
  const otherPools = fileAavePositions(userReserves, reserves, emodes, tokens, book, name, allReserveIds);

  const held = new Set(book.tokensUsed());
  const plan = reserves.plan(held);
  const liquidations = draftAaveLiquidations(calls, reserves, tokens, name, allReserveIds);
  out.warnings.push(...tokens.assignSymbols([...held, ...plan.tokens, ...liquidations.drafts.flatMap((d) => [d.collateral, d.debt])]));

  out.protocols = [lendingProtocolRow(source, 'aave-v3', { pool })];
  out.assets = tokens.assetRows(source.config.chain);
  out.markets = reserves.rows(source.protocol, emodes);
  out.positions = book.rows(source.protocol, (key) => reserves.nameOf(key));
  out.liquidationEvents = aaveLiquidationRows(liquidations.drafts, tokens, source.protocol, name);
  out.liquidators = liquidatorRows(out.liquidationEvents);
  out.warnings.push(...reserves.warnings, ...emodes.warnings, ...liquidations.warnings);
  if (plan.skipped.length > 0) out.warnings.push(`${plan.skipped.length} reserve(s) with no oracle price and no positions are left out, e.g. ${plan.skipped[0]}`);
  if (otherPools > 0) out.warnings.push(`${otherPools} user reserve(s) of the subgraph's other pools are not part of this source`);
  if (book.zeroRecords > 0) out.warnings.push(`${book.zeroRecords} user reserve amount(s) rounded to zero are left out`);
  return out;
}
