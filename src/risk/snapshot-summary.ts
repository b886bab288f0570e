import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../model/ecosystem.js';
import { accountHealth } from './account-health.js';
import { protocolTotals, type ProtocolTotals } from './protocol-totals.js';

export interface ProtocolSummary extends ProtocolTotals {
  protocol: string;
  kind: string;
}

export interface SnapshotSummary {
  protocols: ProtocolSummary[];
  assets: { symbol: string; kind: string; priceUsd: number; collateralUsd: number; debtUsd: number; poolDepthUsd: number }[];
  riskAccounts: number;
  positions: number;
  collateralUsd: number;
  debtUsd: number;
}

/** Totals per protocol and asset at snapshot prices: what a reader needs to size the results against. */
export function summarizeSnapshot(snapshot: EcosystemSnapshot): SnapshotSummary {
  const health = accountHealth(snapshot);
  const { protocols, positions, assets, liquidity } = snapshot;
  const totals = protocolTotals(snapshot, health);
  const protocolRows: ProtocolSummary[] = protocols.name.map((protocol, q) => ({ protocol, kind: protocols.kind[q]!, ...totals[q]! }));
  const assetRows = assets.symbol.map((symbol, a) => ({
    symbol, kind: assets.kind[a]!, priceUsd: assets.priceUsd[a]!, collateralUsd: 0, debtUsd: 0, poolDepthUsd: 0,
  }));
  for (let p = 0; p < positions.asset.length; p++) {
    const row = assetRows[positions.asset[p]!]!;
    const value = positions.amount[p]! * row.priceUsd;
    if (positions.side[p] === SIDE_COLLATERAL) row.collateralUsd += value;
    else row.debtUsd += value;
  }
  for (let v = 0; v < liquidity.asset.length; v++) assetRows[liquidity.asset[v]!]!.poolDepthUsd += liquidity.usdReserve[v]!;
  return {
    protocols: protocolRows,
    assets: assetRows,
    riskAccounts: snapshot.accounts.protocol.length,
    positions: positions.asset.length,
    collateralUsd: protocolRows.reduce((s, r) => s + r.collateralUsd, 0),
    debtUsd: protocolRows.reduce((s, r) => s + r.debtUsd, 0),
  };
}
