/**
 * Contagion's public API, as the notebooks and researchers use it (bundled to dist/contagion.cjs
 * for tslab by scripts/build-notebook-lib.mjs). The CLI is built on the same functions.
 */
export * from './model/ecosystem.js';
export { emptyOptionTables } from './model/empty-tables.js';
export {
  openDatabase,
  importDirectory,
  loadSnapshot,
  latestSnapshotId,
  queryRows,
  readColumns,
  sqlFile,
  projectRoot,
  embeddedDatasetDir,
  ImportError,
  StoreError,
  listSnapshots,
  type SnapshotListing,
  type Database,
  type ImportResult,
} from './store/index.js';
export * from './pipeline/index.js';
export * from './contagion/index.js';
export * from './scenarios/index.js';
export * from './risk/index.js';
export * from './graph/index.js';
export * from './report/index.js';
export * from './indexers/index.js';
export { exposureMapData, exposureMapHtml, MAP_NODE_TYPES, MAP_EDGE_KINDS, type ExposureMapData } from './report/map/index.js';
