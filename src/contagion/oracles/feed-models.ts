/**
 * Oracle feed models: what a lending protocol's price oracle reports, given the market (pool)
 * price path. Each asset's feed has a model and a state (last reported price, last update time);
 * `observeFeed` (observe-feed.ts) advances one feed by one observation.
 *
 *  - `identity`: reported = market (the reference cascade's oracle, docs/reference-cascade.md).
 *  - `push` (Chainlink-style, push-feed.ts): the answer is replaced by the market price when it
 *    deviates from the answer by at least `deviationThreshold` (relative), or when
 *    `heartbeatSeconds` have passed since the last update. Chainlink's "Decentralized Data
 *    Model" page (docs.chain.link/architecture-overview/architecture-decentralized-model) defines
 *    the two triggers of a new aggregation round: the deviation threshold (off-chain values have
 *    moved past it, relative to the on-chain answer) and the heartbeat threshold (a set time has
 *    passed since the last update), whichever comes first. The docs say "more than"; the OCR
 *    median plugin that runs the feeds tests |new − old| / |old| ≥ threshold (smartcontractkit/
 *    libocr, offchainreporting2/reportingplugin/median/median.go, DefaultDeviationFunc), so here
 *    a move of exactly the threshold updates.
 *  - `lag`: reported = the market price `rounds` observations ago (lagged-feed.ts).
 *  - `twap`: Uniswap-style time-weighted average of the pool price over the last `windowSeconds`
 *    (twap-feed.ts): arithmetic (Uniswap v2 Core, Adams, Zinsmeister & Robinson 2020, §2.2) or
 *    geometric (Uniswap v3 Core, Adams et al. 2021, §5.2 "Geometric Mean Price Oracle": the tick
 *    accumulator).
 */
import { OracleError, requireNonNegative, requirePositive } from './errors.js';

export type TwapMean = 'arithmetic' | 'geometric';

export interface IdentityModel {
  kind: 'identity';
}

export interface PushModel {
  kind: 'push';
  /** Relative move of the market from the last answer that triggers an update (0.005 = 0.5 %). */
  deviationThreshold: number;
  /** Maximum age of the answer, in seconds: at this age the feed updates whatever the price. */
  heartbeatSeconds: number;
}

export interface LagModel {
  kind: 'lag';
  /** Reported price = the market price this many observations (rounds) ago; 0 = identity. */
  rounds: number;
}

export interface TwapModel {
  kind: 'twap';
  windowSeconds: number;
  mean: TwapMean;
}

export type OracleModel = IdentityModel | PushModel | LagModel | TwapModel;

/**
 * Default parameters. The push defaults are Chainlink's ETH/USD feed on Ethereum mainnet as
 * data.chain.link lists it (feeds/ethereum/mainnet/eth-usd): 0.5 % deviation, 3600 s heartbeat
 * (stored copies only were consulted; feeds are reconfigured from time to time, and stablecoin
 * feeds typically use 0.25 % / 86,400 s). The TWAP default is a 30-minute window, the one
 * Euler's analysis of Uniswap v3 TWAP manipulation uses (Bentley 2021).
 */
export const DEFAULTS = {
  push: { deviationThreshold: 0.005, heartbeatSeconds: 3600 },
  lag: { rounds: 1 },
  twap: { windowSeconds: 1800, mean: 'arithmetic' as TwapMean },
};

export const identityFeed = (): IdentityModel => ({ kind: 'identity' });

export function pushFeed(options: Partial<Omit<PushModel, 'kind'>> = {}): PushModel {
  return checkModel({ kind: 'push', ...DEFAULTS.push, ...options });
}

export function laggedFeed(rounds: number = DEFAULTS.lag.rounds): LagModel {
  return checkModel({ kind: 'lag', rounds });
}

export function twapFeed(options: Partial<Omit<TwapModel, 'kind'>> = {}): TwapModel {
  return checkModel({ kind: 'twap', ...DEFAULTS.twap, ...options });
}

/** Throws an `OracleError` naming the field if a model's parameters are out of range. */
export function checkModel<M extends OracleModel>(model: M, where = 'model'): M {
  switch (model.kind) {
    case 'identity':
      break;
    case 'push':
      requireNonNegative('feed-models', `${where}.deviationThreshold`, model.deviationThreshold);
      requirePositive('feed-models', `${where}.heartbeatSeconds`, model.heartbeatSeconds);
      break;
    case 'lag':
      if (!Number.isInteger(model.rounds) || model.rounds < 0) {
        throw new OracleError('feed-models', `${where}.rounds must be a whole number ≥ 0, got ${model.rounds}`);
      }
      break;
    case 'twap':
      requirePositive('feed-models', `${where}.windowSeconds`, model.windowSeconds);
      if (model.mean !== 'arithmetic' && model.mean !== 'geometric') {
        throw new OracleError('feed-models', `${where}.mean must be 'arithmetic' or 'geometric', got ${JSON.stringify(model.mean)}`);
      }
      break;
    default:
      throw new OracleError('feed-models', `${where}.kind must be identity, push, lag or twap, got ${JSON.stringify((model as { kind: unknown }).kind)}`);
  }
  return model;
}
