import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../model/ecosystem.js';
import { accountHealth } from './account-health.js';
import { collateralConcentration, type MarketConcentration } from './collateral-concentration.js';
import { protocolTotals, type ProtocolTotals } from './protocol-totals.js';

export interface ProtocolSummary extends ProtocolTotals {
  protocol: string;
  kind: string;
}

export interface SnapshotSummary {
  protocols: ProtocolSummary[];
  assets: { symbol: string; kind: string; priceUsd: number; collateralUsd: number; debtUsd: number; poolDepthUsd: number }[];
  /** Collateral at snapshot prices per (asset, protocol) pair that holds any, assets in snapshot order. */
  exposures: { asset: string; protocol: string; collateralUsd: number }[];
  /** Debt repaid per liquidator over the indexed liquidation history, largest first (label, else address). */
  liquidators: { liquidator: string; repaidUsd: number; liquidations: number }[];
  /** Per market, how much of its collateral its largest accounts hold (most concentrated first). */
  concentration: MarketConcentration[];
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
  const protocolCount = protocols.name.length;
  const exposure = new Float64Array(assets.symbol.length * protocolCount);
  for (let p = 0; p < positions.asset.length; p++) {
    const row = assetRows[positions.asset[p]!]!;
    const value = positions.amount[p]! * row.priceUsd;
    if (positions.side[p] === SIDE_COLLATERAL) {
      row.collateralUsd += value;
      const cell = positions.asset[p]! * protocolCount + snapshot.accounts.protocol[positions.account[p]!]!;
      exposure[cell] = exposure[cell]! + value;
    } else row.debtUsd += value;
  }
  const exposures: SnapshotSummary['exposures'] = [];
  for (let cell = 0; cell < exposure.length; cell++) {
    if (exposure[cell]! > 0) exposures.push({ asset: assets.symbol[Math.floor(cell / protocolCount)]!, protocol: protocols.name[cell % protocolCount]!, collateralUsd: exposure[cell]! });
  }
  for (let v = 0; v < liquidity.asset.length; v++) assetRows[liquidity.asset[v]!]!.poolDepthUsd += liquidity.usdReserve[v]!;
  return {
    protocols: protocolRows,
    assets: assetRows,
    exposures,
    liquidators: liquidatorTotals(snapshot),
    concentration: collateralConcentration(snapshot),
    riskAccounts: snapshot.accounts.protocol.length,
    positions: positions.asset.length,
    collateralUsd: protocolRows.reduce((s, r) => s + r.collateralUsd, 0),
    debtUsd: protocolRows.reduce((s, r) => s + r.debtUsd, 0),
  };
}

function liquidatorTotals(snapshot: EcosystemSnapshot): SnapshotSummary['liquidators'] {
  const { liquidators, liquidationEvents: events } = snapshot;
  const rows = liquidators.address.map((address, l) => ({ liquidator: liquidators.label[l] || address, repaidUsd: 0, liquidations: 0 }));
  for (let e = 0; e < events.liquidator.length; e++) {
    const row = rows[events.liquidator[e]!]!;
    row.repaidUsd += events.debtRepaidUsd[e]!;
    row.liquidations++;
  }
  return rows.filter((row) => row.liquidations > 0).sort((a, b) => b.repaidUsd - a.repaidUsd || a.liquidator.localeCompare(b.liquidator));
}
