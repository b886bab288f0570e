/**
 * The Uniswap v3 family: Uniswap's own subgraph (Uniswap/v3-subgraph) read for a chosen set of
 * pools, each turned into two concentrated-liquidity rows with their tick books. The swap maths
 * (tick-math, sqrt-price-math, swap-step, swap-walk, price-math) is exported for the liquidity-curve
 * solver that walks those books.
 */
import type { SourceFamily } from '../../source-family.js';
import { UNISWAP_V3_ENTITIES } from './entities.js';
import { normalizeUniswapV3 } from './normalize.js';

export const uniswapV3: SourceFamily = {
  schema: 'uniswap-v3',
  entities: UNISWAP_V3_ENTITIES,
  normalize: normalizeUniswapV3,
};

export { UNISWAP_V3_ENTITIES, uniswapV3Options } from './entities.js';
export { sqrtRatioAtTick, sqrtPriceAtTick, MIN_TICK, MAX_TICK, MIN_SQRT_RATIO, MAX_SQRT_RATIO } from './tick-math.js';
export { amount0Delta, amount1Delta, nextSqrtPriceFromInput } from './sqrt-price-math.js';
export { computeSwapStep, type SwapStep } from './swap-step.js';
export { swapExactInput, type SwapRequest, type SwapResult } from './swap-walk.js';
export { sqrtPriceX96ToPrice, tickToPrice, virtualReserves, type VirtualReserves } from './price-math.js';
export { tickBookProblem, type TickBook, type InitialisedTick } from './tick-book.js';
