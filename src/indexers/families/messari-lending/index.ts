/**
 * The Messari lending family (`schema: 'messari-lending'`): Messari's standard lending subgraphs,
 * schema 3.x (see items.ts for which of the production deployments that covers and why 2.x and
 * 1.x differ). Entities: markets, positions (open), liquidates.
 */
import type { SourceFamily } from '../../source-family.js';
import { MESSARI_LENDING_ENTITIES } from './items.js';
import { normalizeMessariLending } from './normalize.js';

export const messariLending: SourceFamily = {
  schema: 'messari-lending',
  entities: MESSARI_LENDING_ENTITIES,
  normalize: normalizeMessariLending,
};
