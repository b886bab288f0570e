/** Indexers: subgraph sources read at one block into one snapshot. The only users of the GraphQL client. */
export { runIndex, DEFAULTS as INDEX_DEFAULTS, type IndexOptions, type IndexResult, type IndexProgress } from './run-index.js';
export { loadIndexerConfig, parseIndexerConfig, SOURCE_SCHEMAS, type IndexerConfig, type SourceConfig, type SourceSchema } from './config.js';
export { IndexerError } from './errors.js';
export { Redactor, resolveEndpoint, type Endpoint } from './secrets.js';
export { SOURCE_FAMILIES } from './families/index.js';
export type { SourceFamily, EntitySpec, NormalizedSource, ResolvedSource } from './source-family.js';
