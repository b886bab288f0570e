/** The exposure map: the exposure graph aggregated, laid out (ForceAtlas2) and written as one interactive HTML page. Pure. */
export { exposureMapData, DEFAULTS as EXPOSURE_MAP_DEFAULTS, type ExposureMapOptions, type MapRun } from './exposure-map-data.js';
export { exposureMapHtml } from './exposure-map-html.js';
export { contagionPaths, PATH_DEFAULTS, type ContagionPathOptions } from './contagion-paths.js';
export type { PathRunResult } from './path-run.js';
export { receiptIssuers } from './receipt-issuers.js';
export * from './map-data-types.js';
