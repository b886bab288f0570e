/**
 * Liquidity models for the cascade: per asset, a depth curve over its indexed venues (Uniswap v3
 * concentrated liquidity walked tick by tick, Curve StableSwap for pegged pairs, constant product
 * otherwise), sales routed across venues to equalise marginal prices, and arbitrage inflow between
 * rounds.
 *
 *   snapshot liquidity rows ─┬─ venueDetails(extra, ticks) ─┐
 *                            └──────────────────────────────┴─ liquidityCurves → DepthCurve per asset
 *   DepthCurve ── routeSale(Δ) → fills, USD, new curve, curvePriceUsd
 *              ── arbitrageCurve(target, α) → curve moved a fraction α back toward the target
 *   DepthCurve per asset ── CurveImpact → the cascade's PriceImpact (`--liquidity curves`)
 *
 * Also the exact Uniswap v3 swap maths (uniswap-v3/), which the indexers' Uniswap v3 family uses to
 * read and check pools.
 */
export type { Venue, VenueModel, SaleFill } from './venue.js';
export { arbitragePrice } from './venue.js';
export { LiquidityError } from './errors.js';
export { constantProductVenue, type ConstantProductInput } from './constant-product-venue.js';
export { concentratedVenue } from './concentrated-venue.js';
export { concentratedExactVenue } from './concentrated-exact-venue.js';
export { concentratedFrame, type ConcentratedPoolInput, type ConcentratedFrame } from './concentrated-frame.js';
export { stableswapVenue, stableswapState, type StableswapPoolInput, type StableswapState } from './stableswap-venue.js';
export { stableswapD, stableswapY, stableswapPrice, stableswapXAtPrice } from './stableswap-math.js';
export { depthCurve, curvePriceUsd, curveMarginalUsd, curveCapacityUnits, arbitrageCurve, revalueCounters, type DepthCurve } from './depth-curve.js';
export { routeSale, DEFAULTS as ROUTE_SALE_DEFAULTS, type RouteSaleOptions, type RouteResult, type VenueFill } from './route-sale.js';
export { liquidityCurves, DEFAULTS as LIQUIDITY_CURVES_DEFAULTS, type LiquidityCurvesInput, type LiquidityCurvesOptions, type LiquidityCurves } from './liquidity-curves.js';
export { CurveImpact, curveImpact, DEFAULTS as CURVE_IMPACT_DEFAULTS, type CurveImpactInput, type CurveImpactOptions } from './curve-impact.js';
export { venueDetailOf, venueDetails, type VenueDetail, type ConcentratedDetail, type StableswapDetail, type DetailSource, type ParsedDetail } from './venue-detail.js';

export { sqrtRatioAtTick, sqrtPriceAtTick, tickAtSqrtRatio, MIN_TICK, MAX_TICK, MIN_SQRT_RATIO, MAX_SQRT_RATIO } from './uniswap-v3/tick-math.js';
export { amount0Delta, amount1Delta, nextSqrtPriceFromInput } from './uniswap-v3/sqrt-price-math.js';
export { computeSwapStep, type SwapStep } from './uniswap-v3/swap-step.js';
export { swapExactInput, type SwapRequest, type SwapResult } from './uniswap-v3/swap-walk.js';
export { sqrtPriceX96ToPrice, tickToPrice, virtualReserves, type VirtualReserves } from './uniswap-v3/price-math.js';
export { tickBookProblem, type TickBook, type InitialisedTick } from './uniswap-v3/tick-book.js';
