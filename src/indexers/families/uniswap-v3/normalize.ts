/**
 * Uniswap v3 subgraph items → asset and liquidity rows.
 *
 *   bundles ─ ethPriceUSD ─┐
 *   pools ∪ poolsAboveTvl ─┼─ per selected pool: price both tokens, check the tick book,
 *   ticks ∪ ticksAboveTvl ─┘   virtual reserves → two liquidity rows (ticks attached to both)
 *
 * Prices are Uniswap's own: token USD = derivedETH × ethPriceUSD. Caveats: derivedETH is the
 * token's price in the whitelisted pool with the most ETH locked (above a minimum), ethPriceUSD a
 * liquidity-weighted price from a few stablecoin/WETH pools; both are spot prices of the last swap
 * in those pools, so they lag an oracle, can be pushed by a trade in a thin pool, and are 0 for a
 * token with no whitelisted pool (such a token must be priced by `options.prices` or the run stops).
 * On chains whose native token is not ETH, "ETH" is that token.
 */
import { IndexerError } from '../../errors.js';
import type { NormalizedSource, ResolvedSource } from '../../source-family.js';
import { emptyNormalizedSource } from '../../source-family.js';
import { decimalNumber, type Origin } from '../../units.js';
import { checkListedPoolsFound, isSelected, mergeSelected, parseSelectionOptions } from '../shared/pool-selection.js';
import { decimalsFromBigInt, plausibleUsd } from '../shared/value-guards.js';
import { TokenBook } from '../shared/token-book.js';
import { parseItems } from '../shared/subgraph-fields.js';
import { uniswapV3Options } from './entities.js';
import { bundleItem, poolItem, tickItem, type BundleItem, type PoolItem } from './items.js';
import { poolBook, ticksByPool } from './pool-book.js';
import { poolLiquidityRows, type PricedPool } from './pool-rows.js';

const PRICE_FIELD = 'derivedETH×ethPriceUSD';

function ethPriceUsd(source: string, bundles: readonly BundleItem[]): number {
  const bundle = bundles.find((b) => b.id === '1') ?? (bundles.length === 1 ? bundles[0] : undefined);
  if (bundle === undefined) throw new IndexerError(`no Bundle "1" among ${bundles.length} bundles: no ETH price to price tokens with`, { source, entity: 'bundles' });
  const origin = { source, entity: 'bundles', id: bundle.id };
  const price = decimalNumber(bundle.ethPriceUSD, origin, 'ethPriceUSD');
  if (!(price > 0)) throw new IndexerError(`ethPriceUSD ${bundle.ethPriceUSD} of id ${bundle.id} is not a positive price`, origin);
  return price;
}

/** A token of `pool` registered in the book, with its decimals checked and its price read. */
function side(book: TokenBook, pool: PoolItem, key: 'token0' | 'token1', ethUsd: number, origin: Origin) {
  const token = pool[key];
  const decimals = decimalsFromBigInt(token.decimals, origin, `${key}.decimals`);
  const derived = decimalNumber(token.derivedETH, origin, `${key}.derivedETH`);
  const entry = book.add({ id: token.id, symbol: token.symbol, decimals }, String(derived * ethUsd), PRICE_FIELD, origin);
  return { address: entry.address, decimals, priceUsd: book.priceOf(entry, origin, `${key}.derivedETH`) };
}

export function normalizeUniswapV3(source: ResolvedSource, items: Readonly<Record<string, readonly unknown[]>>): NormalizedSource {
  const name = source.config.name;
  const options = parseSelectionOptions(source, uniswapV3Options);
  const ethUsd = ethPriceUsd(name, parseItems(bundleItem, items, name, 'bundles'));
  const pools = mergeSelected(poolItem, items, name, ['pools', 'poolsAboveTvl']);
  checkListedPoolsFound(source, 'pools', options.selection, new Set(pools.filter((p) => p.entity === 'pools').map((p) => p.item.id.toLowerCase())));
  const ticks = ticksByPool(mergeSelected(tickItem, items, name, ['ticks', 'ticksAboveTvl']).map((t) => t.item));

  const out = emptyNormalizedSource();
  const book = new TokenBook(name, options.prices ?? {});
  const priced: { pool: PricedPool; address0: string; address1: string }[] = [];
  const skipped = { outside: 0, uninitialised: [] as string[], empty: [] as string[] };
  for (const { entity, item: pool } of pools) {
    const id = pool.id.toLowerCase();
    const origin = { source: name, entity, id };
    const tvlUsd = plausibleUsd(decimalNumber(pool.totalValueLockedUSD, origin, 'totalValueLockedUSD'), origin, 'totalValueLockedUSD');
    if (!isSelected(options.selection, id, tvlUsd)) {
      skipped.outside++;
      continue;
    }
    if (pool.tick === null) {
      skipped.uninitialised.push(id);
      continue;
    }
    const tickBook = poolBook(name, pool, ticks.get(id) ?? [], source.block);
    if (tickBook.liquidity === 0n) {
      skipped.empty.push(id);
      continue;
    }
    const s0 = side(book, pool, 'token0', ethUsd, origin);
    const s1 = side(book, pool, 'token1', ethUsd, origin);
    const held0 = decimalNumber(pool.totalValueLockedToken0, origin, 'totalValueLockedToken0') * s0.priceUsd;
    const held1 = decimalNumber(pool.totalValueLockedToken1, origin, 'totalValueLockedToken1') * s1.priceUsd;
    plausibleUsd(held0, origin, 'totalValueLockedToken0 at its price');
    plausibleUsd(held1, origin, 'totalValueLockedToken1 at its price');
    book.addValue(s0.address, held0);
    book.addValue(s1.address, held1);
    const feeTier = Number(pool.feeTier);
    if (!Number.isInteger(feeTier) || feeTier < 0 || feeTier >= 1_000_000) throw new IndexerError(`feeTier ${pool.feeTier} of id ${id} is not a fee in pips`, origin);
    priced.push({
      pool: { id, feeTier, book: tickBook, tvlUsd, token0: { asset: '', ...s0 }, token1: { asset: '', ...s1 } },
      address0: s0.address,
      address1: s1.address,
    });
  }

  out.warnings.push(...book.assignSymbols(priced.flatMap((p) => [p.address0, p.address1])));
  for (const { pool, address0, address1 } of priced) {
    pool.token0.asset = book.symbolOf(address0);
    pool.token1.asset = book.symbolOf(address1);
    out.liquidity.push(...poolLiquidityRows(pool));
  }
  out.assets.push(...book.assetRows(source.config.chain).sort((a, b) => (a.symbol < b.symbol ? -1 : 1)));
  if (skipped.outside > 0) out.warnings.push(`${skipped.outside} pool(s) outside options.pools/minTvlUsd were returned and ignored`);
  if (skipped.uninitialised.length > 0) out.warnings.push(`pools not initialised (no price), skipped: ${skipped.uninitialised.join(', ')}`);
  if (skipped.empty.length > 0) out.warnings.push(`pools with no liquidity at the current price, skipped: ${skipped.empty.join(', ')}`);
  return out;
}
