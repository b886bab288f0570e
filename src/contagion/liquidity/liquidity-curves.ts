/**
 * Snapshot liquidity rows → one depth curve per asset.
 *
 *   row model    detail (venue-detail.ts)          venue
 *   cpmm         –                                 constant product of the row's reserves
 *   uniswap-v3   pool state + initialised ticks    concentrated liquidity, counter token at its
 *                                                  snapshot price (else the indexed one)
 *   stableswap   A (+ balances, rates, fee)        two-coin StableSwap against the counter token;
 *                                                  a token of a larger pool against "the rest of the
 *                                                  pool", one coin worth the asset's snapshot price
 *   anything else, or a detail that is missing or unusable → constant product of the row's
 *   constant-product-equivalent reserves, with a warning
 *
 * Each row is its own venue. The two rows of one Uniswap v3 pool (one per token sold) become two
 * independent venues of two assets: selling one token does not move the other row's copy of the pool.
 *
 * `mergeConstantProduct` sums the reserves of every venue read as constant product into one pool
 * per asset, in row order, as `prepareCascade` does: with every row read that way the curves hold
 * exactly the reference cascade's pools.
 */
import type { LiquidityTable } from '../../model/ecosystem.js';
import { concentratedExactVenue } from './concentrated-exact-venue.js';
import type { ConcentratedPoolInput } from './concentrated-frame.js';
import { concentratedVenue } from './concentrated-venue.js';
import { constantProductVenue } from './constant-product-venue.js';
import { depthCurve, type DepthCurve } from './depth-curve.js';
import { LiquidityError } from './errors.js';
import { stableswapVenue } from './stableswap-venue.js';
import type { VenueDetail } from './venue-detail.js';
import type { Venue, VenueModel } from './venue.js';

const MODULE = 'contagion/liquidity/liquidity-curves';

export interface LiquidityCurvesInput {
  assets: { symbol: readonly string[]; priceUsd: ArrayLike<number> };
  liquidity: Pick<LiquidityTable, 'asset' | 'venue' | 'model' | 'assetReserve' | 'usdReserve'>;
  /** Per liquidity row (same order): what its model needs beyond the reserves, or null. */
  details?: readonly (VenueDetail | null)[];
  /** Per row, why it has no detail (`venueDetails` reports it), quoted in the fallback warnings. */
  problems?: readonly (string | null)[];
}

export interface LiquidityCurvesOptions {
  /** Concentrated venues in floats (fast) or in the contract's integer maths (exact, slower). */
  concentrated: 'float' | 'exact';
  /** One pool per asset from the summed reserves of its constant-product venues (see above). */
  mergeConstantProduct: boolean;
}

export const DEFAULTS: LiquidityCurvesOptions = {
  concentrated: 'float',
  mergeConstantProduct: false,
};

export interface LiquidityCurves {
  /** Per asset (snapshot order), its depth curve; null when it has no usable venue. */
  curves: (DepthCurve | null)[];
  /** Per liquidity row, the model it is read with; null when the row was skipped. */
  rowModels: (VenueModel | null)[];
  warnings: string[];
}

export function liquidityCurves(input: LiquidityCurvesInput, options: Partial<LiquidityCurvesOptions> = {}): LiquidityCurves {
  const settings: LiquidityCurvesOptions = { ...DEFAULTS, ...options };
  const { assets, liquidity } = input;
  const assetCount = assets.symbol.length;
  const rows = liquidity.asset.length;
  if (input.details !== undefined && input.details.length !== rows) {
    throw new LiquidityError('liquidity-curves', `details has ${input.details.length} entries for ${rows} liquidity rows`);
  }
  const venues: Venue[][] = Array.from({ length: assetCount }, () => []);
  const merged = { asset: new Float64Array(assetCount), usd: new Float64Array(assetCount), count: new Int32Array(assetCount) };
  const rowModels: (VenueModel | null)[] = [];
  const fallbacks = new Map<string, string[]>();
  const priceOf = (symbol: string): number | null => {
    const index = assets.symbol.indexOf(symbol);
    return index >= 0 && assets.priceUsd[index]! > 0 ? assets.priceUsd[index]! : null;
  };

  for (let r = 0; r < rows; r++) {
    const a = liquidity.asset[r]!;
    if (!Number.isInteger(a) || a < 0 || a >= assetCount) throw new LiquidityError('liquidity-curves', `liquidity row ${r} (${liquidity.venue[r]}): asset index ${a} is outside the ${assetCount} assets`);
    const name = liquidity.venue[r]!;
    const model = liquidity.model[r]!;
    const label = `${assets.symbol[a]}@${name}`;
    const detail = input.details?.[r] ?? null;
    let venue: Venue | null = null;
    let reason: string | null = null;
    try {
      if (model === 'uniswap-v3' && detail?.model === 'uniswap-v3') {
        const counterPriceUsd = priceOf(detail.counterAsset) ?? detail.counterPriceUsd;
        if (counterPriceUsd === null) reason = `counter token ${detail.counterAsset} has no price`;
        else {
          const pool: ConcentratedPoolInput = {
            name,
            book: { sqrtPriceX96: detail.sqrtPriceX96, tick: detail.tick, liquidity: detail.liquidity, ticks: detail.ticks },
            sold: detail.sold,
            decimals0: detail.decimals0,
            decimals1: detail.decimals1,
            feePips: detail.feePips,
            counterAsset: detail.counterAsset,
            counterPriceUsd,
          };
          venue = settings.concentrated === 'exact' ? concentratedExactVenue(pool) : concentratedVenue(pool);
        }
      } else if (model === 'stableswap' && detail?.model === 'stableswap') {
        const assetPrice = priceOf(assets.symbol[a]!);
        const counterPriceUsd = detail.counterAsset === null ? assetPrice : priceOf(detail.counterAsset);
        if (counterPriceUsd === null) reason = `counter ${detail.counterAsset ?? 'basket'} has no price`;
        else {
          if (detail.counterAsset === null) fallbacks.set('approximation', [...(fallbacks.get('approximation') ?? []), label]);
          venue = stableswapVenue({
            name,
            amplification: detail.amplification,
            assetBalance: detail.assetBalance ?? liquidity.assetReserve[r]!,
            counterBalance: detail.counterBalance ?? liquidity.usdReserve[r]! / counterPriceUsd,
            assetRate: detail.assetRate,
            counterRate: detail.counterRate,
            feeFraction: detail.feeFraction,
            counterAsset: detail.counterAsset,
            counterPriceUsd,
          });
        }
      } else if (model !== 'cpmm') {
        reason = input.problems?.[r] ?? (detail === null ? 'no pool detail' : `detail is for model ${detail.model}`);
      }
    } catch (error) {
      if (!(error instanceof LiquidityError)) throw error;
      reason = error.message;
    }
    if (venue !== null) {
      venues[a]!.push(venue);
      rowModels.push(venue.model);
      continue;
    }
    if (reason !== null) {
      const key = `${model}: ${reason}`;
      fallbacks.set(key, [...(fallbacks.get(key) ?? []), label]);
    }
    const x = liquidity.assetReserve[r]!;
    const y = liquidity.usdReserve[r]!;
    if (settings.mergeConstantProduct && x >= 0 && y >= 0) {
      merged.asset[a] = merged.asset[a]! + x;
      merged.usd[a] = merged.usd[a]! + y;
      merged.count[a] = merged.count[a]! + 1;
      rowModels.push('constant-product');
    } else if (!settings.mergeConstantProduct && x > 0 && y > 0 && Number.isFinite(x * y)) {
      venues[a]!.push(constantProductVenue({ name, assetReserve: x, usdReserve: y }));
      rowModels.push('constant-product');
    } else {
      fallbacks.set('skipped', [...(fallbacks.get('skipped') ?? []), label]);
      rowModels.push(null);
    }
  }

  for (let a = 0; a < assetCount; a++) {
    if (merged.asset[a]! > 0 && merged.usd[a]! > 0) {
      const name = merged.count[a] === 1 ? 'constant-product' : `constant-product (${merged.count[a]} venues merged)`;
      venues[a]!.unshift(constantProductVenue({ name, assetReserve: merged.asset[a]!, usdReserve: merged.usd[a]! }));
    }
  }
  return { curves: venues.map((list, a) => (list.length === 0 ? null : depthCurve(assets.symbol[a]!, list))), rowModels, warnings: fallbackWarnings(fallbacks) };
}

/** One warning per reason, naming up to five rows. */
function fallbackWarnings(fallbacks: ReadonlyMap<string, readonly string[]>): string[] {
  const list = (labels: readonly string[]): string =>
    labels.length <= 5 ? labels.join(', ') : `${labels.slice(0, 5).join(', ')} and ${labels.length - 5} more`;
  return [...fallbacks].map(([key, labels]) => {
    if (key === 'skipped') return `${MODULE}: ${labels.length} row(s) without positive reserves skipped: ${list(labels)}`;
    if (key === 'approximation') {
      return `${MODULE}: ${labels.length} stableswap row(s) of pools of more than two coins read as two coins, the asset against the rest of the pool: ${list(labels)}`;
    }
    return `${MODULE}: ${labels.length} row(s) read as constant product from their equivalent reserves (${key}): ${list(labels)}`;
  });
}
