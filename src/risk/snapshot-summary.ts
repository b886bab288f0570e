import type { EcosystemSnapshot } from '../model/ecosystem.js';
import { accountHealth } from './account-health.js';

export interface ProtocolSummary {
  protocol: string;
  kind: string;
  riskAccounts: number;
  borrowers: number;
  collateralUsd: number;
  debtUsd: number;
  /** Borrowers whose health factor is below 1.1 at snapshot prices, and their debt. */
  borrowersBelowHf1_1: number;
  debtBelowHf1_1Usd: number;
  minHealthFactor: number;
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
  const { accounts, protocols, positions, assets, liquidity } = snapshot;
  const protocolRows: ProtocolSummary[] = protocols.name.map((protocol, q) => ({
    protocol, kind: protocols.kind[q]!, riskAccounts: 0, borrowers: 0, collateralUsd: 0, debtUsd: 0,
    borrowersBelowHf1_1: 0, debtBelowHf1_1Usd: 0, minHealthFactor: Infinity,
  }));
  for (let i = 0; i < accounts.protocol.length; i++) {
    const row = protocolRows[accounts.protocol[i]!]!;
    row.riskAccounts++;
    row.collateralUsd += health.collateralUsd[i]!;
    row.debtUsd += health.debtUsd[i]!;
    if (health.debtUsd[i]! > 0) {
      row.borrowers++;
      row.minHealthFactor = Math.min(row.minHealthFactor, health.healthFactor[i]!);
      if (health.healthFactor[i]! < 1.1) {
        row.borrowersBelowHf1_1++;
        row.debtBelowHf1_1Usd += health.debtUsd[i]!;
      }
    }
  }
  const assetRows = assets.symbol.map((symbol, a) => ({
    symbol, kind: assets.kind[a]!, priceUsd: assets.priceUsd[a]!, collateralUsd: 0, debtUsd: 0, poolDepthUsd: 0,
  }));
  for (let p = 0; p < positions.asset.length; p++) {
    const row = assetRows[positions.asset[p]!]!;
    const value = positions.amount[p]! * row.priceUsd;
    if (positions.side[p] === 0) row.collateralUsd += value;
    else row.debtUsd += value;
  }
  for (let v = 0; v < liquidity.asset.length; v++) assetRows[liquidity.asset[v]!]!.poolDepthUsd += liquidity.usdReserve[v]!;
  return {
    protocols: protocolRows,
    assets: assetRows,
    riskAccounts: accounts.protocol.length,
    positions: positions.asset.length,
    collateralUsd: protocolRows.reduce((s, r) => s + r.collateralUsd, 0),
    debtUsd: protocolRows.reduce((s, r) => s + r.debtUsd, 0),
  };
}
