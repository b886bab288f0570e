import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from './database.js';

/** Totals of one protocol, or of a whole snapshot, at snapshot prices (`contagion snapshots`). */
export interface SnapshotTotals {
  accounts: number;
  openPositions: number;
  collateralUsd: number;
  suppliedNotCollateralUsd: number;
  debtUsd: number;
  accountsBelowHf1: number;
  liquidations: number;
  liquidators: number;
}

export interface SnapshotListing {
  id: number;
  takenAt: string;
  importedAt: string;
  source: string;
  label: string | null;
  blocks: Record<string, number>;
  totals: SnapshotTotals;
  protocols: ({ protocol: string } & SnapshotTotals)[];
}

/**
 * Every snapshot in the database with its totals, overall and per protocol. Sums add up across
 * protocols except distinct accounts and liquidators, which are counted over the snapshot.
 */
export async function listSnapshots(connection: DuckDBConnection): Promise<SnapshotListing[]> {
  const snapshots = await queryRows(connection, 'snapshots/list');
  const perProtocol = await queryRows(connection, 'snapshots/protocol-totals');
  const distinct = new Map((await queryRows(connection, 'snapshots/distinct-totals')).map((r) => [Number(r.snapshot_id), r]));
  return snapshots.map((s) => {
    const id = Number(s.id);
    const protocols = perProtocol
      .filter((p) => Number(p.snapshot_id) === id)
      .map((p) => ({
        protocol: String(p.protocol),
        accounts: Number(p.accounts),
        openPositions: Number(p.open_positions),
        collateralUsd: Number(p.collateral_usd),
        suppliedNotCollateralUsd: Number(p.supplied_not_collateral_usd),
        debtUsd: Number(p.debt_usd),
        accountsBelowHf1: Number(p.accounts_below_hf1),
        liquidations: Number(p.liquidations),
        liquidators: Number(p.liquidators),
      }));
    const sum = (key: keyof SnapshotTotals): number => protocols.reduce((total, p) => total + p[key], 0);
    const whole = distinct.get(id);
    return {
      id,
      takenAt: String(s.taken_at),
      importedAt: String(s.imported_at),
      source: String(s.source),
      label: s.label === null ? null : String(s.label),
      blocks: Object.fromEntries(Object.entries(JSON.parse(String(s.blocks)) as Record<string, unknown>).map(([chain, block]) => [chain, Number(block)])),
      totals: {
        accounts: Number(whole?.accounts ?? 0),
        openPositions: sum('openPositions'),
        collateralUsd: sum('collateralUsd'),
        suppliedNotCollateralUsd: sum('suppliedNotCollateralUsd'),
        debtUsd: sum('debtUsd'),
        accountsBelowHf1: sum('accountsBelowHf1'),
        liquidations: sum('liquidations'),
        liquidators: Number(whole?.liquidators ?? 0),
      },
      protocols,
    };
  });
}
