/**
 * The Messari options family: Messari's derivatives-options subgraphs (deployed for Opyn Gamma
 * and Dopex) read whole, as an options protocol: option contracts, long and short holdings, and the
 * writers' collateral as collateral positions.
 */
import type { SourceFamily } from '../../source-family.js';
import { MESSARI_OPTIONS_ENTITIES } from './entities.js';
import { normalizeMessariOptions } from './normalize.js';

export const messariOptions: SourceFamily = {
  schema: 'messari-options',
  entities: MESSARI_OPTIONS_ENTITIES,
  normalize: normalizeMessariOptions,
};

export { MESSARI_OPTIONS_ENTITIES, messariOptionsOptions } from './entities.js';
