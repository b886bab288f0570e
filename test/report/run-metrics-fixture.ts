import type { RunMetrics } from '../../src/report/index.js';

/** Two hand-made runs of the embedded snapshot's shape (figures invented, round). */
export const before: RunMetrics = {
  snapshotId: 1,
  scenarios: [
    { name: 'eth-drop-30', totalBadDebtUsd: 1_000_000, liquidatedDebtUsd: 5_000_000,
      badDebtByProtocol: { 'aave-v3': 600_000, 'compound-v3': 400_000 }, liquidatedDebtUsdByProtocol: { 'aave-v3': 5_000_000 } },
    { name: 'usdc-depeg', totalBadDebtUsd: 10, liquidatedDebtUsd: 0, badDebtByProtocol: { 'aave-v3': 10 }, liquidatedDebtUsdByProtocol: {} },
  ],
  depthUsd: { WETH: 700_000_000, wstETH: 370_000_000 },
  collateralShares: [],
};
export const after: RunMetrics = {
  snapshotId: 2,
  scenarios: [
    { name: 'eth-drop-30', totalBadDebtUsd: 3_500_000, liquidatedDebtUsd: 9_000_000,
      badDebtByProtocol: { 'aave-v3': 700_000, 'compound-v3': 2_500_000, 'morpho-blue': 300_000 }, liquidatedDebtUsdByProtocol: { 'aave-v3': 9_000_000 } },
    { name: 'usdc-depeg', totalBadDebtUsd: 10.2, liquidatedDebtUsd: 0, badDebtByProtocol: { 'aave-v3': 10.2 }, liquidatedDebtUsdByProtocol: {} },
    { name: 'crypto-crash', totalBadDebtUsd: 42_000_000, liquidatedDebtUsd: 0, badDebtByProtocol: {}, liquidatedDebtUsdByProtocol: {} },
  ],
  depthUsd: { WETH: 350_000_000, wstETH: 371_000_000, cbETH: 11_000_000 },
  collateralShares: [],
};
