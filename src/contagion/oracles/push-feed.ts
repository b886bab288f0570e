/**
 * Chainlink-style push feed (feed-models.ts cites the definitions): the on-chain answer changes
 * only when the market has moved at least `deviationThreshold` (relative) from it, or when the
 * answer is `heartbeatSeconds` old.
 *
 * Modelling choices on the round clock: the deviation check runs at each observation (a round's
 * start), against the price in force then; the market between observations is not seen (in the
 * cascade prices only move at round ends, so nothing is missed). An update lands at the
 * observation that triggers it, with no transmission latency (Chainlink's docs note heartbeat
 * rounds can take some 40 s to land on chain, and OCR's heartbeat test is strictly "older than
 * DeltaC"; on a clock of whole rounds both are below resolution, so the feed updates at exactly
 * `updatedAt + heartbeatSeconds`).
 */
import type { PushModel } from './feed-models.js';

export interface PushFeedState {
  kind: 'push';
  /** The on-chain answer and the time (seconds) it was written. */
  reported: number;
  updatedAt: number;
}

export interface FeedStep<S> {
  state: S;
  reported: number;
  /** Whether this observation wrote a new answer. */
  updated: boolean;
}

/** A push feed whose last answer was `price`, written at `updatedAt`. */
export function seedPushFeed(price: number, updatedAt: number): PushFeedState {
  return { kind: 'push', reported: price, updatedAt };
}

/** True when a move from `answer` to `market` reaches the threshold: |market − answer| / answer ≥ threshold. */
export function deviates(answer: number, market: number, threshold: number): boolean {
  return Math.abs(market - answer) / Math.abs(answer) >= threshold;
}

/** One observation of the market at time `now`: update on deviation or heartbeat, else keep the answer. */
export function observePushFeed(model: PushModel, state: PushFeedState, marketPrice: number, now: number): FeedStep<PushFeedState> {
  const update = deviates(state.reported, marketPrice, model.deviationThreshold) || now - state.updatedAt >= model.heartbeatSeconds;
  if (!update) return { state, reported: state.reported, updated: false };
  return { state: { kind: 'push', reported: marketPrice, updatedAt: now }, reported: marketPrice, updated: true };
}
