/**
 * Bounds on values read from a DEX or options subgraph before they become rows. Nothing a single
 * pool or position holds may be worth more than `ABSURD_USD` ($100B): far above any real venue
 * (the largest DeFi pools hold low single-digit billions), so a value above it is a decimals
 * mistake or a broken price, and the run stops rather than feed a trillion-dollar pool into a
 * cascade. The merge of all sources applies the same bound to positions; checking it here as well
 * names the pool or option and the field at fault, not only the row it became.
 *
 * Shared by the uniswap-v3, messari-dex and messari-options families, like everything in this
 * `shared/` folder; it belongs in `src/indexers/families/shared/` once that folder exists.
 */
import { IndexerError } from '../../errors.js';
import { ABSURD_USD } from '../../merge-sources.js';
import type { Origin } from '../../units.js';

export { ABSURD_USD };

/** A USD value that must be finite, ≥ 0 and at most `ABSURD_USD`; returns it. */
export function plausibleUsd(usd: number, origin: Origin, field: string): number {
  if (!Number.isFinite(usd) || usd < 0) throw new IndexerError(`${field} of id ${origin.id} is ${usd} USD, not a finite non-negative value`, origin);
  if (usd > ABSURD_USD) {
    throw new IndexerError(`${field} of id ${origin.id} is worth ${usd.toExponential(3)} USD, above the $100B bound: wrong decimals or price`, origin);
  }
  return usd;
}

/** Token decimals from a subgraph `BigInt` (Uniswap's `Token.decimals`), as the store accepts them (0..36). */
export function decimalsFromBigInt(value: string, origin: Origin, field: string): number {
  const decimals = Number(value);
  if (!/^\d+$/.test(value) || decimals > 36) {
    throw new IndexerError(`${field} ${JSON.stringify(value)} of id ${origin.id} is not a whole number of decimals in 0..36`, origin);
  }
  return decimals;
}
