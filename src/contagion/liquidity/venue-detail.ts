/**
 * What a liquidity row's model needs beyond its constant-product-equivalent reserves, typed, and its
 * parsing from what the indexers store: the row's `extra` (text values) and, for a concentrated
 * pool, its initialised ticks (`liquidity_ticks`).
 *
 *   uniswap-v3 extra (indexers/families/uniswap-v3/pool-rows.ts): sold (token0|token1),
 *     sqrt_price_x96, tick, liquidity, fee_tier (pips), decimals0, decimals1, counter_asset,
 *     counter_price_usd
 *   stableswap extra (indexers/families/messari-dex/pool-rows.ts): A, fee_fraction, counter (a symbol,
 *     or "rest of pool" for a pool of more than two coins); optional balances and rates (whole tokens
 *     and common-unit values in the order of `tokens`), which the indexer does not write yet
 *
 * A row that cannot be read is not an error here: it comes back with a problem, and the builder
 * falls back to its constant-product reserves with a warning.
 */
import type { InitialisedTick } from './uniswap-v3/tick-book.js';

export interface ConcentratedDetail {
  model: 'uniswap-v3';
  sold: 'token0' | 'token1';
  sqrtPriceX96: bigint;
  tick: number;
  liquidity: bigint;
  feePips: number;
  decimals0: number;
  decimals1: number;
  counterAsset: string;
  /** The counter token's USD price when indexed; the builder prefers the snapshot's. */
  counterPriceUsd: number | null;
  /** Initialised ticks, ascending. */
  ticks: readonly InitialisedTick[];
}

export interface StableswapDetail {
  model: 'stableswap';
  /** The pool contract's `A()`. */
  amplification: number;
  feeFraction: number;
  /** Symbol of the pegged counter token; null when the row is a token against the rest of a larger pool. */
  counterAsset: string | null;
  /** Whole tokens, when the row records them; else the builder derives them from the reserves. */
  assetBalance: number | null;
  counterBalance: number | null;
  assetRate: number;
  counterRate: number;
}

export type VenueDetail = ConcentratedDetail | StableswapDetail;

export interface DetailSource {
  asset: string;
  model: string;
  extra: Readonly<Record<string, string>> | null;
  ticks: readonly InitialisedTick[] | null;
}

/** A row's detail, or why a row whose model needs one has none (both null for a model that needs none). */
export type ParsedDetail = { detail: VenueDetail; problem: null } | { detail: null; problem: string | null };
type Parsed = ParsedDetail;

const fail = (problem: string): Parsed => ({ detail: null, problem });

function number(extra: Readonly<Record<string, string>>, key: string): number | null {
  const text = extra[key];
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function integer(extra: Readonly<Record<string, string>>, key: string): bigint | null {
  const text = extra[key];
  return text !== undefined && /^-?\d+$/.test(text.trim()) ? BigInt(text.trim()) : null;
}

/** The detail of one liquidity row, or why there is none. Models other than uniswap-v3 and stableswap need none. */
export function venueDetailOf(source: DetailSource): Parsed {
  const { model, extra } = source;
  if (model !== 'uniswap-v3' && model !== 'stableswap') return { detail: null, problem: null };
  if (extra === null) return fail('no extra columns');
  if (model === 'uniswap-v3') {
    const sold = extra.sold;
    const sqrtPriceX96 = integer(extra, 'sqrt_price_x96');
    const liquidity = integer(extra, 'liquidity');
    const tick = number(extra, 'tick');
    const feePips = number(extra, 'fee_tier');
    const decimals0 = number(extra, 'decimals0');
    const decimals1 = number(extra, 'decimals1');
    const counterAsset = extra.counter_asset;
    if (sold !== 'token0' && sold !== 'token1') return fail(`extra.sold is ${JSON.stringify(sold)}, not token0 or token1`);
    if (sqrtPriceX96 === null || liquidity === null || tick === null || feePips === null || decimals0 === null || decimals1 === null) {
      return fail('extra lacks one of sqrt_price_x96, liquidity, tick, fee_tier, decimals0, decimals1');
    }
    if (counterAsset === undefined || counterAsset === '') return fail('extra lacks counter_asset');
    if (source.ticks === null || source.ticks.length === 0) return fail('no initialised ticks');
    const ticks = [...source.ticks].sort((a, b) => a.tickIdx - b.tickIdx);
    return {
      detail: { model, sold, sqrtPriceX96, tick, liquidity, feePips, decimals0, decimals1, counterAsset, counterPriceUsd: number(extra, 'counter_price_usd'), ticks },
      problem: null,
    };
  }
  const amplification = number(extra, 'A');
  if (amplification === null || !(amplification > 0)) return fail(`extra.A is ${JSON.stringify(extra.A)}, not an amplification > 0`);
  const counter = extra.counter;
  const counterAsset = counter === undefined || counter === '' || counter === 'rest of pool' ? null : counter;
  const tokens = extra.tokens?.split(',') ?? [];
  const listed = (key: string): number[] | null => {
    const values = extra[key]?.split(',').map(Number) ?? null;
    return values !== null && values.length === tokens.length && values.every((v) => Number.isFinite(v) && v > 0) ? values : null;
  };
  const balances = listed('balances');
  const rates = listed('rates');
  const i = tokens.indexOf(source.asset);
  const j = counterAsset === null ? -1 : tokens.indexOf(counterAsset);
  const pick = (values: number[] | null, k: number): number | null => (values === null || k < 0 ? null : values[k]!);
  return {
    detail: {
      model,
      amplification,
      feeFraction: number(extra, 'fee_fraction') ?? 0,
      counterAsset,
      assetBalance: pick(balances, i),
      counterBalance: pick(balances, j),
      assetRate: pick(rates, i) ?? 1,
      counterRate: pick(rates, j) ?? 1,
    },
    problem: null,
  };
}

/** Details of parallel liquidity rows (null where a row has none), with why, for rows whose model needs one. */
export function venueDetails(rows: readonly DetailSource[]): { details: (VenueDetail | null)[]; problems: (string | null)[] } {
  const parsed = rows.map(venueDetailOf);
  return { details: parsed.map((p) => p.detail), problems: parsed.map((p) => p.problem) };
}
