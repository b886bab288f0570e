/**
 * Messari DEX subgraph items → asset and liquidity rows.
 *
 *   liquidityPools ∪ liquidityPoolsAboveTvl ─ per selected pool: price its tokens (Messari's
 *   lastPriceUSD, or options.prices), scale balances by decimals → one row per token (pool-rows.ts)
 *
 * Venues are `<protocol slug>:<pool id>` (e.g. `curve-finance:0xbebc…1c7`).
 */
import { IndexerError } from '../../errors.js';
import type { NormalizedSource, ResolvedSource } from '../../source-family.js';
import { emptyNormalizedSource } from '../../source-family.js';
import { decimalNumber, percentToFraction, scaleRawAmount } from '../../units.js';
import { TokenBook } from '../shared/token-book.js';
import { messariDexOptions } from './entities.js';
import { pairingProblem } from './balance-pairing.js';
import { liquidityPoolItem, type LiquidityPoolItem } from './items.js';
import { dexPoolRows, type PricedDexPool } from './pool-rows.js';
import { checkListedPoolsFound, isSelected, mergeSelected, parseSelectionOptions } from '../shared/pool-selection.js';
import { plausibleUsd } from '../shared/value-guards.js';

/** Protocols whose pools trade on the StableSwap invariant (by Messari slug or name). */
const STABLESWAP = /curve|saddle|ellipsis|stableswap/i;

function tradingFee(pool: LiquidityPoolItem, origin: { source: string; entity: string; id: string }): number | null {
  const fee = pool.fees.find((f) => f.feeType === 'FIXED_TRADING_FEE' && f.feePercentage !== null);
  return fee === undefined ? null : percentToFraction(fee.feePercentage!, origin, 'fees.FIXED_TRADING_FEE.feePercentage');
}

export function normalizeMessariDex(source: ResolvedSource, items: Readonly<Record<string, readonly unknown[]>>): NormalizedSource {
  const name = source.config.name;
  const options = parseSelectionOptions(source, messariDexOptions);
  const amplification = options.amplification ?? {};
  const pools = mergeSelected(liquidityPoolItem, items, name, ['liquidityPools', 'liquidityPoolsAboveTvl']);
  checkListedPoolsFound(source, 'liquidityPools', options.selection, new Set(pools.filter((p) => p.entity === 'liquidityPools').map((p) => p.item.id.toLowerCase())));

  const out = emptyNormalizedSource();
  const book = new TokenBook(name, options.prices ?? {});
  const priced: { pool: PricedDexPool; addresses: string[] }[] = [];
  const noted = { outside: 0, oneToken: [] as string[], empty: [] as string[], multiToken: 0, stableWithoutA: 0 };
  for (const { entity, item: pool } of pools) {
    const id = pool.id.toLowerCase();
    const origin = { source: name, entity, id };
    const tvlUsd = plausibleUsd(decimalNumber(pool.totalValueLockedUSD, origin, 'totalValueLockedUSD'), origin, 'totalValueLockedUSD');
    if (!isSelected(options.selection, id, tvlUsd)) {
      noted.outside++;
      continue;
    }
    if (pool.inputTokenBalances.length !== pool.inputTokens.length) {
      throw new IndexerError(`inputTokenBalances of id ${id} has ${pool.inputTokenBalances.length} entries for ${pool.inputTokens.length} inputTokens`, origin);
    }
    if (pool.inputTokens.length < 2) {
      noted.oneToken.push(id);
      continue;
    }
    const entries = pool.inputTokens.map((token) => book.add(token, token.lastPriceUSD, 'lastPriceUSD', origin));
    const balances = pool.inputTokens.map((token, i) => Number(scaleRawAmount(pool.inputTokenBalances[i]!, token.decimals, origin, `inputTokenBalances.${i}`)));
    if (balances.some((b) => b === 0)) {
      noted.empty.push(id);
      continue;
    }
    const tokens = entries.map((entry, i) => ({ asset: '', balance: balances[i]!, priceUsd: book.priceOf(entry, origin, `inputTokens.${i}.lastPriceUSD`) }));
    tokens.forEach((t, i) => book.addValue(entries[i]!.address, plausibleUsd(t.balance * t.priceUsd, origin, `inputTokenBalances.${i} at its price`)));
    const problem = pairingProblem(plausibleUsd(tokens.reduce((sum, t) => sum + t.balance * t.priceUsd, 0), origin, 'inputTokenBalances at token prices'), tvlUsd);
    if (problem !== null) throw new IndexerError(`pool ${id}: ${problem}`, origin);
    const a = amplification[id] ?? null;
    if (tokens.length > 2) noted.multiToken++;
    if (a === null && STABLESWAP.test(`${pool.protocol.slug} ${pool.protocol.name}`)) noted.stableWithoutA++;
    priced.push({
      pool: { id, venue: `${pool.protocol.slug}:${id}`, protocol: pool.protocol.name, name: pool.name, tokens, weights: pool.inputTokenWeights, amplification: a, feeFraction: tradingFee(pool, origin), tvlUsd },
      addresses: entries.map((e) => e.address),
    });
  }

  out.warnings.push(...book.assignSymbols(priced.flatMap((p) => p.addresses)));
  for (const { pool, addresses } of priced) {
    pool.tokens.forEach((token, i) => (token.asset = book.symbolOf(addresses[i]!)));
    out.liquidity.push(...dexPoolRows(pool));
  }
  out.assets.push(...book.assetRows(source.config.chain).sort((a, b) => (a.symbol < b.symbol ? -1 : 1)));
  const read = new Set(priced.map((p) => p.pool.id));
  const unusedA = Object.keys(amplification).filter((id) => !read.has(id));
  if (noted.outside > 0) out.warnings.push(`${noted.outside} pool(s) outside options.pools/minTvlUsd were returned and ignored`);
  if (noted.oneToken.length > 0) out.warnings.push(`single-token pools have no pair to trade against, skipped: ${noted.oneToken.join(', ')}`);
  if (noted.empty.length > 0) out.warnings.push(`pools with an empty token balance, skipped: ${noted.empty.join(', ')}`);
  if (noted.multiToken > 0) {
    out.warnings.push(`${noted.multiToken} pool(s) hold more than two tokens: each token is modelled as a constant-product pool against the USD value of the rest of the pool (an approximation)`);
  }
  if (noted.stableWithoutA > 0) {
    out.warnings.push(`${noted.stableWithoutA} StableSwap pool(s) have no options.amplification: modelled as constant product, which understates their depth near the peg`);
  }
  if (unusedA.length > 0) out.warnings.push(`options.amplification names pools that were not read: ${unusedA.join(', ')}`);
  return out;
}
