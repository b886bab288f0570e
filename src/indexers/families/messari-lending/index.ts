/**
 * The Messari lending family (`schema: 'messari-lending'`): Messari's standard lending subgraphs on
 * every schema its production deployments use, chosen by `options.schemaVersion` (3.1.0 by default;
 * 3.0.1, 2.0.1, 1.3.0, 1.3.1; see items.ts for how they differ). Entities: markets, positions (open;
 * none on 1.3.x, which has no Position entity), liquidates.
 */
import type { SourceFamily } from '../../source-family.js';
import { messariLendingEntities } from './entities.js';
import { normalizeMessariLending } from './normalize.js';

export const messariLending: SourceFamily = {
  schema: 'messari-lending',
  entities: messariLendingEntities,
  normalize: normalizeMessariLending,
};

export { MESSARI_LENDING_ENTITIES, messariLendingEntities } from './entities.js';
export { SCHEMA_VERSIONS, lineOf, messariLendingOptions, type SchemaLine, type SchemaVersion } from './schema-version.js';
