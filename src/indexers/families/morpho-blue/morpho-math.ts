/**
 * Morpho Blue's arithmetic, re-stated in bigint so the tables get what the contract computes.
 *
 * Shares → assets (morpho-org/morpho-blue src/libraries/SharesMathLib.sol
 * @ 3085651a79553bbabbfd8be309c262dab45b686e): with VIRTUAL_SHARES = 1e6 and VIRTUAL_ASSETS = 1,
 * assets = shares · (totalAssets + 1) / (totalShares + 1e6), rounded down for supply (what a
 * supplier can withdraw) and up for borrow (what a borrower owes), as the contract rounds in the
 * protocol's favour.
 *
 * Liquidation incentive factor (src/Morpho.sol liquidate() and src/libraries/ConstantsLib.sol, same
 * commit): LIF = min(MAX_LIQUIDATION_INCENTIVE_FACTOR = 1.15, 1 / (1 − LIQUIDATION_CURSOR · (1 − LLTV)))
 * with LIQUIDATION_CURSOR = 0.3, i.e. 1 / (0.3 · LLTV + 0.7), in WAD with wMulDown / wDivDown.
 */
const WAD = 10n ** 18n;
const VIRTUAL_SHARES = 10n ** 6n;
const VIRTUAL_ASSETS = 1n;
const LIQUIDATION_CURSOR = 3n * 10n ** 17n;
const MAX_LIQUIDATION_INCENTIVE_FACTOR = 115n * 10n ** 16n;

const mulDivDown = (x: bigint, y: bigint, d: bigint): bigint => (x * y) / d;
const mulDivUp = (x: bigint, y: bigint, d: bigint): bigint => (x * y + (d - 1n)) / d;

export const toAssetsDown = (shares: bigint, totalAssets: bigint, totalShares: bigint): bigint =>
  mulDivDown(shares, totalAssets + VIRTUAL_ASSETS, totalShares + VIRTUAL_SHARES);

export const toAssetsUp = (shares: bigint, totalAssets: bigint, totalShares: bigint): bigint =>
  mulDivUp(shares, totalAssets + VIRTUAL_ASSETS, totalShares + VIRTUAL_SHARES);

/** The liquidation incentive factor of a market, in WAD (1.0438… e18 for LLTV 0.86). */
export function liquidationIncentiveFactor(lltv: bigint): bigint {
  const lif = mulDivDown(WAD, WAD, WAD - mulDivDown(LIQUIDATION_CURSOR, WAD - lltv, WAD));
  return lif < MAX_LIQUIDATION_INCENTIVE_FACTOR ? lif : MAX_LIQUIDATION_INCENTIVE_FACTOR;
}

export const WAD_ONE = WAD;
