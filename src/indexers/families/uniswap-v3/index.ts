/**
 * The Uniswap v3 family: Uniswap's own subgraph (Uniswap/v3-subgraph) read for a chosen set of
 * pools, each turned into two concentrated-liquidity rows with their tick books. The swap maths
 * (tick math, sqrt price math, swap step and walk, price reading, tick-book checks) lives with the
 * liquidity curves that walk those books, in src/contagion/liquidity.
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
