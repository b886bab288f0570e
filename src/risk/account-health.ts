import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../model/ecosystem.js';

/** Per risk account, at given prices: collateral value, its liquidation-threshold-weighted value, debt and health factor. */
export interface AccountHealth {
  collateralUsd: Float64Array;
  weightedCollateralUsd: Float64Array;
  debtUsd: Float64Array;
  /** Σ collateral·price·LT / Σ debt·price; `Infinity` for an account without debt. */
  healthFactor: Float64Array;
}

/**
 * Health factors as Aave v3 defines them (GenericLogic.calculateUserAccountData), one per risk
 * account, over the snapshot's typed columns. `priceUsd` defaults to the snapshot's prices.
 */
export function accountHealth(
  snapshot: Pick<EcosystemSnapshot, 'accounts' | 'positions' | 'assets'>,
  priceUsd: Float64Array = snapshot.assets.priceUsd,
): AccountHealth {
  const { positionStart } = snapshot.accounts;
  const { asset, side, amount, liquidationThreshold } = snapshot.positions;
  const n = positionStart.length - 1;
  const collateralUsd = new Float64Array(n);
  const weightedCollateralUsd = new Float64Array(n);
  const debtUsd = new Float64Array(n);
  const healthFactor = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let collateral = 0;
    let weighted = 0;
    let debt = 0;
    for (let p = positionStart[i]!; p < positionStart[i + 1]!; p++) {
      const value = amount[p]! * priceUsd[asset[p]!]!;
      if (side[p] === SIDE_COLLATERAL) {
        collateral += value;
        weighted += value * liquidationThreshold[p]!;
      } else {
        debt += value;
      }
    }
    collateralUsd[i] = collateral;
    weightedCollateralUsd[i] = weighted;
    debtUsd[i] = debt;
    healthFactor[i] = debt > 0 ? weighted / debt : Infinity;
  }
  return { collateralUsd, weightedCollateralUsd, debtUsd, healthFactor };
}
