import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../model/ecosystem.js';
import type { ScenarioRun } from '../pipeline/run-scenarios.js';
import { collateralConcentration } from '../risk/index.js';

/** One scenario's headline figures in a scheduled run. */
export interface ScenarioMetrics {
  name: string;
  totalBadDebtUsd: number;
  liquidatedDebtUsd: number;
  badDebtByProtocol: Record<string, number>;
  liquidatedDebtUsdByProtocol: Record<string, number>;
}

/** Per market, the account holding the largest share of its collateral. */
export interface CollateralShare {
  protocol: string;
  /** The isolated market; `null` in a pooled protocol, where the market is the (protocol, asset) pair. */
  market: string | null;
  asset: string;
  account: string;
  share: number;
  collateralUsd: number;
}

/** What a scheduled run records and what its trend, diff and alerts compare (one `runs` row). */
export interface RunMetrics {
  snapshotId: number;
  scenarios: ScenarioMetrics[];
  /** Collateral asset → USD side of its DEX liquidity rows, summed. */
  depthUsd: Record<string, number>;
  collateralShares: CollateralShare[];
}

const sum = (values: Record<string, number>): number => Object.values(values).reduce((s, v) => s + v, 0);

/** The metrics of one run: the scenarios' outcomes and the snapshot's depth and concentration. */
export function runMetrics(snapshot: EcosystemSnapshot, runs: readonly ScenarioRun[]): RunMetrics {
  return {
    snapshotId: snapshot.info.id,
    scenarios: runs.map(({ scenario, result }) => ({
      name: scenario.name,
      totalBadDebtUsd: result.totalBadDebtUsd,
      liquidatedDebtUsd: sum(result.liquidatedDebtUsdByProtocol),
      badDebtByProtocol: { ...result.badDebtByProtocol },
      liquidatedDebtUsdByProtocol: { ...result.liquidatedDebtUsdByProtocol },
    })),
    depthUsd: collateralDepth(snapshot),
    collateralShares: collateralShares(snapshot),
  };
}

function collateralAssets(snapshot: EcosystemSnapshot): Set<number> {
  const assets = new Set<number>();
  const { positions } = snapshot;
  for (let p = 0; p < positions.side.length; p++) if (positions.side[p] === SIDE_COLLATERAL) assets.add(positions.asset[p]!);
  return assets;
}

/** USD depth of each collateral asset's liquidity venues. */
export function collateralDepth(snapshot: EcosystemSnapshot): Record<string, number> {
  const held = collateralAssets(snapshot);
  const depth: Record<string, number> = {};
  const { liquidity, assets } = snapshot;
  for (let l = 0; l < liquidity.asset.length; l++) {
    const asset = liquidity.asset[l]!;
    if (!held.has(asset)) continue;
    const symbol = assets.symbol[asset]!;
    depth[symbol] = (depth[symbol] ?? 0) + liquidity.usdReserve[l]!;
  }
  return depth;
}

/** Per market (protocol, isolated market or pooled, collateral asset), its largest holder's share of the collateral at snapshot prices. */
export function collateralShares(snapshot: EcosystemSnapshot): CollateralShare[] {
  return collateralConcentration(snapshot).map((m) => ({
    protocol: m.protocol, market: m.market, asset: m.asset, account: m.largestAccount, share: m.top1Share, collateralUsd: m.collateralUsd,
  }));
}
