/**
 * The Morpho Blue family (`schema: 'morpho-blue'`): morpho-org/morpho-blue-subgraph. Entities:
 * markets, positions (open), liquidates. Isolated markets named `<collateral>/<loan>-<LLTV %>-<id>`,
 * ltv = liquidation threshold = LLTV, bonus = LIF − 1, close factor 1.
 */
import type { SourceFamily } from '../../source-family.js';
import { MORPHO_BLUE_ENTITIES } from './items.js';
import { normalizeMorphoBlue } from './normalize.js';

export const morphoBlue: SourceFamily = {
  schema: 'morpho-blue',
  entities: MORPHO_BLUE_ENTITIES,
  normalize: normalizeMorphoBlue,
};
