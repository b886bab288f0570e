/**
 * Test harness for the subgraph indexers: a fake graph-node on loopback serving the real subgraph
 * schemas' query API over a block-versioned store, with injectable faults; the API schema
 * derivation (to validate query files); and seeded data generators (`./data/index.js`).
 */
export { startFakeGraphNode, type FakeGraphNode, type FakeGraphNodeOptions, type FakeGraphNodeStats, type LoggedRequest } from './fake-graph-node.js';
export { buildGraphApiSchema, deriveGraphApi, validateQuery, type GraphApi, type GraphApiOptions } from './graph-api-schema.js';
export { EntityStore, type EntitySet, type LoadOptions } from './entity-store.js';
export { FAULT_KINDS, type Fault, type FaultKind, type FaultRequest } from './faults.js';
export type { CollectionRead } from './graph-resolvers.js';
export { checkEntitySet } from './entity-conformance.js';
export { camelCase, pluralize, queryFieldNames } from './graph-names.js';
export { buildSubgraphModel, type SubgraphModel } from './subgraph-model.js';
export { defaultBlockTimestamp, fakeBlockHash } from './chain.js';
export { familyOfQueryFile, loadSubgraphSdl, SUBGRAPH_FAMILIES, SUBGRAPH_QUERIES_DIR, SUBGRAPH_SCHEMA_FILES, type SubgraphFamily } from './subgraph-schemas.js';
