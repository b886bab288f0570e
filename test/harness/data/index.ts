/** Seeded, schema-conformant entity sets for the subgraph families the indexers read. */
export { messariLendingData, MESSARI_LENDING_PROTOCOL_ID, type MessariLendingOptions } from './messari-lending.js';
export { aaveV3Data, AAVE_V3_POOL_ID, type AaveV3Options } from './aave-v3.js';
export { morphoBlueData, MORPHO_BLUE_ID, type MorphoBlueOptions } from './morpho-blue.js';
export { messariOptionsData, MESSARI_OPTIONS_PROTOCOL_ID, type MessariOptionsOptions } from './messari-options.js';
export { uniswapV3Data, UNISWAP_V3_FACTORY, type UniswapV3Options } from './uniswap-v3.js';
export { messariDexData, MESSARI_DEX_PROTOCOL_ID, type MessariDexOptions } from './messari-dex.js';
export { cloneEntitySet, countEntities, removeEntities, updateEntities, withChanges, type EntitySet, type GeneratedData } from './entity-set.js';
export { createRng, mulberry32, type Rng } from './prng.js';
export { TOKEN_CATALOGUE, type CatalogueToken } from './token-catalogue.js';
export { familyModel } from './fill-defaults.js';
