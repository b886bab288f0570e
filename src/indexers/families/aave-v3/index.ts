/**
 * The Aave v3 family (`schema: 'aave-v3'`): Aave's own subgraph, read for what Messari's schema
 * lacks: e-mode (extra `<symbol>@emode-<k>` markets carrying the category's parameters) and isolation
 * mode (debt ceilings in the market rows' `extra`). Entities: reserves, userReserves (non-zero),
 * eModeCategories, eModeCategoryConfigs, liquidationCalls.
 */
import type { SourceFamily } from '../../source-family.js';
import { AAVE_V3_ENTITIES } from './items.js';
import { normalizeAaveV3 } from './normalize.js';

export const aaveV3: SourceFamily = {
  schema: 'aave-v3',
  entities: AAVE_V3_ENTITIES,
  normalize: normalizeAaveV3,
};
