/**
 * Fixed-lag feed: the reported price is the market price k observations (rounds) ago, a simple
 * stand-in for an oracle that publishes late (a slow keeper, an off-chain aggregator's delay).
 * Before k observations have been made, the feed reports its seed: the price it last reported
 * before the cascade (e.g. the pre-shock snapshot price), so a shock at round 0 reaches the oracle
 * at round k. k = 0 is the identity.
 */
import type { LagModel } from './feed-models.js';
import type { FeedStep } from './push-feed.js';

export interface LaggedFeedState {
  kind: 'lag';
  reported: number;
  updatedAt: number;
  /** The last k market prices, oldest first (padded with the seed). */
  history: readonly number[];
}

/** A lag-k feed that has reported `price` for as long as it can remember. */
export function seedLaggedFeed(model: LagModel, price: number, updatedAt: number): LaggedFeedState {
  return { kind: 'lag', reported: price, updatedAt, history: new Array<number>(model.rounds).fill(price) };
}

/** One observation: report the price k observations ago, remember this one. */
export function observeLaggedFeed(model: LagModel, state: LaggedFeedState, marketPrice: number, now: number): FeedStep<LaggedFeedState> {
  if (model.rounds === 0) return { state: { kind: 'lag', reported: marketPrice, updatedAt: now, history: [] }, reported: marketPrice, updated: true };
  const reported = state.history[0]!;
  const history = [...state.history.slice(1), marketPrice];
  return { state: { kind: 'lag', reported, updatedAt: now, history }, reported, updated: reported !== state.reported };
}
