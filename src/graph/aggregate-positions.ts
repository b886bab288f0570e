import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../model/ecosystem.js';
import type { MarketSlots } from './market-slots.js';
import { accountKey } from './node-keys.js';

/** One future `supplies` or `borrows` edge: an address's holding of one asset on one side of one market. */
export interface HoldingColumns {
  account: string[];
  slot: number[];
  asset: number[];
  side: number[];
  amount: number[];
  usd: number[];
  liquidationThreshold: number[];
}

export interface PositionExposure {
  holdings: HoldingColumns;
  slotCollateralUsd: Float64Array;
  slotDebtUsd: Float64Array;
  assetCollateralUsd: Float64Array;
  assetDebtUsd: Float64Array;
  /**
   * Indexed `protocol * assets + asset`: collateral that counts towards a health factor (threshold
   * > 0). A supply in a market with threshold 0 (Compound's base asset, Morpho's loan asset) is a
   * loan to the protocol, not collateral, and does not make the asset a shared collateral.
   */
  countedCollateralUsd: Float64Array;
}

/**
 * One pass over the position columns: totals per market, asset and (protocol, asset), and the
 * holdings aggregated per (address, market, asset, side). The asset is part of the key because one
 * market can take several collateral assets; the address (not the risk account) is, so that the
 * same address under two spellings (checksummed, lower-case) gives one edge.
 */
export function aggregatePositions(snapshot: EcosystemSnapshot, priceUsd: Float64Array, slots: MarketSlots): PositionExposure {
  const { accounts, positions, assets } = snapshot;
  const nAssets = assets.symbol.length;
  const nSlots = slots.name.length;
  const holdings: HoldingColumns = { account: [], slot: [], asset: [], side: [], amount: [], usd: [], liquidationThreshold: [] };
  const out: PositionExposure = {
    holdings,
    slotCollateralUsd: new Float64Array(nSlots),
    slotDebtUsd: new Float64Array(nSlots),
    assetCollateralUsd: new Float64Array(nAssets),
    assetDebtUsd: new Float64Array(nAssets),
    countedCollateralUsd: new Float64Array(snapshot.protocols.name.length * nAssets),
  };
  const holdingIndex = new Map<string, number>();
  for (let i = 0; i < accounts.account.length; i++) {
    const account = accountKey(accounts.account[i]!);
    const protocol = accounts.protocol[i]!;
    for (let row = accounts.positionStart[i]!; row < accounts.positionStart[i + 1]!; row++) {
      const asset = positions.asset[row]!;
      const side = positions.side[row]!;
      const slot = slots.ofPosition[row]!;
      const amount = positions.amount[row]!;
      const usd = amount * priceUsd[asset]!;
      const threshold = positions.liquidationThreshold[row]!;
      if (side === SIDE_COLLATERAL) {
        out.slotCollateralUsd[slot] += usd;
        out.assetCollateralUsd[asset] += usd;
        if (threshold > 0) out.countedCollateralUsd[protocol * nAssets + asset] += usd;
      } else {
        out.slotDebtUsd[slot] += usd;
        out.assetDebtUsd[asset] += usd;
      }
      const id = `${account}\u0000${slot}\u0000${asset}\u0000${side}`;
      const h = holdingIndex.get(id);
      if (h === undefined) {
        holdingIndex.set(id, holdings.account.length);
        holdings.account.push(account);
        holdings.slot.push(slot);
        holdings.asset.push(asset);
        holdings.side.push(side);
        holdings.amount.push(amount);
        holdings.usd.push(usd);
        holdings.liquidationThreshold.push(threshold);
      } else {
        holdings.amount[h] += amount;
        holdings.usd[h] += usd;
        holdings.liquidationThreshold[h] = Math.max(holdings.liquidationThreshold[h]!, threshold);
      }
    }
  }
  return out;
}
