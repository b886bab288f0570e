/**
 * One asset's oracle feed, whatever its model: `seedFeed` gives the state a feed is in before the
 * cascade, `observeFeed(model, state, marketPrice, now)` advances it by one observation and
 * returns the reported price. Pure: states are never mutated, a new one is returned.
 *
 * The identity model lives here: it reports the market price unchanged (the reference cascade's
 * oracle, docs/reference-cascade.md), so an oracle set of identity feeds reproduces the market
 * prices exactly.
 */
import { OracleError } from './errors.js';
import type { OracleModel } from './feed-models.js';
import { seedLaggedFeed, observeLaggedFeed, type LaggedFeedState } from './lagged-feed.js';
import { observePushFeed, seedPushFeed, type FeedStep, type PushFeedState } from './push-feed.js';
import { observeTwapFeed, seedTwapFeed, type TwapFeedState } from './twap-feed.js';

export interface IdentityFeedState {
  kind: 'identity';
  reported: number;
  updatedAt: number;
}

/** A feed's state: its last reported price and update time, plus what its model needs to remember. */
export type FeedState = IdentityFeedState | PushFeedState | LaggedFeedState | TwapFeedState;

/** The state of a feed that last reported `price` at `updatedAt` (seconds) and, before that, the same price. */
export function seedFeed(model: OracleModel, price: number, updatedAt: number): FeedState {
  checkPrice('seed price', price);
  switch (model.kind) {
    case 'identity':
      return { kind: 'identity', reported: price, updatedAt };
    case 'push':
      return seedPushFeed(price, updatedAt);
    case 'lag':
      return seedLaggedFeed(model, price, updatedAt);
    case 'twap':
      return seedTwapFeed(model, price, updatedAt);
  }
}

/**
 * Observes the market price at time `now` (seconds) and returns what the oracle reports. A `null`
 * state is a feed seen for the first time: it is seeded with this market price at `now`.
 */
export function observeFeed(model: OracleModel, state: FeedState | null, marketPrice: number, now: number): FeedStep<FeedState> {
  checkPrice('market price', marketPrice);
  if (!Number.isFinite(now)) throw new OracleError('observe-feed', `observation time must be finite, got ${now}`);
  const current = state ?? seedFeed(model, marketPrice, now);
  if (current.kind !== model.kind) {
    throw new OracleError('observe-feed', `feed state is of kind ${current.kind} but the model is ${model.kind}`);
  }
  switch (model.kind) {
    case 'identity':
      return { state: { kind: 'identity', reported: marketPrice, updatedAt: now }, reported: marketPrice, updated: true };
    case 'push':
      return observePushFeed(model, current as PushFeedState, marketPrice, now);
    case 'lag':
      return observeLaggedFeed(model, current as LaggedFeedState, marketPrice, now);
    case 'twap':
      return observeTwapFeed(model, current as TwapFeedState, marketPrice, now);
  }
}

function checkPrice(what: string, price: number): void {
  if (!(price > 0) || !Number.isFinite(price)) throw new OracleError('observe-feed', `${what} must be a finite number > 0, got ${price}`);
}
