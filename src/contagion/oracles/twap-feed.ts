/**
 * Uniswap-style TWAP feed: the time-weighted average of the pool price over the last
 * `windowSeconds`, read at each observation.
 *
 * Uniswap v2 Core (Adams, Zinsmeister & Robinson 2020, §2.2 "Price oracle"): the pair adds the
 * price in force at the start of each block (before that block's trades), weighted by the seconds
 * it was in force, to a cumulative sum; TWAP(t1, t2) = (a(t2) − a(t1)) / (t2 − t1), an arithmetic
 * mean. Uniswap v3 Core (Adams et al. 2021, §5.2) accumulates the tick, log₁.₀₀₀₁ of the price,
 * so its TWAP is a geometric mean: exp(mean of ln price). Both are modelled (continuous log prices:
 * the rounding of the price to a whole tick is ignored).
 *
 * Here the pool's price path is what the feed observes: an observation (price p at time t) holds
 * from t until the next one. The TWAP read at `now` averages the path over [now − W, now): the
 * price observed at `now` itself has had no time yet and does not count, as in Uniswap, which is
 * what makes a TWAP costly to manipulate. Before the first observation the path is the seed (the
 * price before the cascade). A one-block spike of s lasting b seconds moves the arithmetic TWAP by
 * s · b / W. The state keeps only the observations the next window can reach.
 */
import { OracleError } from './errors.js';
import type { TwapModel } from './feed-models.js';
import type { FeedStep } from './push-feed.js';

export interface TwapFeedState {
  kind: 'twap';
  reported: number;
  updatedAt: number;
  /** Observation times (ascending) and the value each starts: the price, or ln price for a geometric mean. */
  times: readonly number[];
  values: readonly number[];
  /** The value in force before `times[0]`. */
  seedValue: number;
}

/** A TWAP feed over a path that has been at `price` for ever, read last at `updatedAt`. */
export function seedTwapFeed(model: TwapModel, price: number, updatedAt: number): TwapFeedState {
  return { kind: 'twap', reported: price, updatedAt, times: [], values: [], seedValue: toValue(model, price) };
}

/** One observation: read the TWAP over [now − W, now), then record `marketPrice` from `now` on. */
export function observeTwapFeed(model: TwapModel, state: TwapFeedState, marketPrice: number, now: number): FeedStep<TwapFeedState> {
  const last = state.times.length - 1;
  if (last >= 0 && now < state.times[last]!) {
    throw new OracleError('twap-feed', `observation at t = ${now} s is earlier than the previous one (t = ${state.times[last]} s)`);
  }
  const reported = fromValue(model, integrate(state, now - model.windowSeconds, now) / model.windowSeconds);

  const times = [...state.times];
  const values = [...state.values];
  const value = toValue(model, marketPrice);
  if (last >= 0 && times[last] === now) values[last] = value; // several trades in one block: the last price stands
  else {
    times.push(now);
    values.push(value);
  }
  // Drop observations whose whole segment ends before the next window can start.
  let seedValue = state.seedValue;
  let drop = 0;
  while (drop + 1 < times.length && times[drop + 1]! <= now - model.windowSeconds) seedValue = values[drop++]!;
  return {
    state: { kind: 'twap', reported, updatedAt: now, times: times.slice(drop), values: values.slice(drop), seedValue },
    reported,
    updated: reported !== state.reported,
  };
}

/** ∫ value dt over [from, to) along the piecewise-constant path. */
function integrate(state: TwapFeedState, from: number, to: number): number {
  const { times, values, seedValue } = state;
  let sum = 0;
  let segmentStart = -Infinity;
  let value = seedValue;
  for (let i = 0; i <= times.length; i++) {
    const segmentEnd = i < times.length ? times[i]! : Infinity;
    const overlap = Math.min(segmentEnd, to) - Math.max(segmentStart, from);
    if (overlap > 0) sum += value * overlap;
    if (i < times.length) {
      segmentStart = segmentEnd;
      value = values[i]!;
    }
  }
  return sum;
}

const toValue = (model: TwapModel, price: number): number => (model.mean === 'geometric' ? Math.log(price) : price);
const fromValue = (model: TwapModel, mean: number): number => (model.mean === 'geometric' ? Math.exp(mean) : mean);
