/** What the notebooks use of the harness (bundled to dist/harness.cjs): a fake graph-node and its data. */
export { startFakeGraphNode, loadSubgraphSdl } from './index.js';
export { messariLendingData, uniswapV3Data, aaveV3Data, morphoBlueData } from './data/index.js';
