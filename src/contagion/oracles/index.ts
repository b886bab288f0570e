/**
 * Oracles for the contagion solvers: feed models over the cascade's round clock (identity,
 * Chainlink-style push, fixed lag, Uniswap TWAP), a columnar oracle set advanced per round, the
 * loss due to oracle lag, and the cost and payoff of manipulating a TWAP-priced collateral asset.
 */
export { OracleError } from './errors.js';
export { blockClock, durationClock, roundTime, DEFAULTS as ROUND_CLOCK_DEFAULTS, type RoundClock, type BlockClockOptions } from './round-clock.js';
export {
  identityFeed, pushFeed, laggedFeed, twapFeed, checkModel, DEFAULTS as FEED_DEFAULTS,
  type OracleModel, type IdentityModel, type PushModel, type LagModel, type TwapModel, type TwapMean,
} from './feed-models.js';
export { observeFeed, seedFeed, type FeedState, type IdentityFeedState } from './observe-feed.js';
export { observePushFeed, seedPushFeed, deviates, type PushFeedState, type FeedStep } from './push-feed.js';
export { observeLaggedFeed, seedLaggedFeed, type LaggedFeedState } from './lagged-feed.js';
export { observeTwapFeed, seedTwapFeed, type TwapFeedState } from './twap-feed.js';
export { createOracleSet, advanceOracleSet, oraclePricePath, type OracleSet, type OracleSetSpec, type OracleRound } from './oracle-set.js';
export { oracleLagLoss, type OracleLagLossInput, type OracleLagLossResult, type LiquidationRows } from './oracle-lag-loss.js';
export { pushCost, spotPrice, type PoolDepth, type PushCost } from './pool-depth.js';
export {
  twapManipulationCost, DEFAULTS as TWAP_MANIPULATION_DEFAULTS,
  type TwapManipulationInput, type TwapManipulationOptions, type TwapManipulationResult, type ManipulationPlan,
} from './twap-manipulation-cost.js';
export { borrowAndAbandon, type BorrowAndAbandonInput, type BorrowAndAbandonResult, type InflatedCollateralBook } from './borrow-and-abandon.js';
export { assessTwapAttack, type TwapAttackInput, type TwapAttackAssessment } from './assess-twap-attack.js';
export { twapAttackBook, type TwapAttackBook } from './twap-attack-book.js';
