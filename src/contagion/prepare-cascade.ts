import type { CascadeSnapshot } from './cascade-types.js';
import { CascadeError } from './errors.js';

/**
 * What the cascade needs beyond the snapshot, computed once per snapshot and reused across
 * scenarios: each asset's aggregate pool and the asset → accounts index.
 */
export interface PreparedCascade {
  snapshot: CascadeSnapshot;
  /** Per asset, the summed reserves of its venues (0 when it has none). */
  poolAsset: Float64Array;
  poolUsd: Float64Array;
  /** CSR index: accounts holding asset a (either side) are `assetAccounts[assetAccountStart[a] .. assetAccountStart[a+1]]`. */
  assetAccountStart: Int32Array;
  assetAccounts: Int32Array;
}

/**
 * Several constant-product venues at one price act, for an optimal router, like one pool with
 * their reserves summed (each takes a share of the sale proportional to its reserves), so the
 * reference cascade aggregates them. Every venue is read through its constant-product-equivalent
 * reserves (a concentrated-liquidity pool's virtual reserves in its active range); the tick-level
 * curves are for the richer liquidity model.
 */
export function prepareCascade(snapshot: CascadeSnapshot): PreparedCascade {
  const assetCount = snapshot.assets.symbol.length;
  const { liquidity, positions, accounts } = snapshot;
  const poolAsset = new Float64Array(assetCount);
  const poolUsd = new Float64Array(assetCount);
  for (let v = 0; v < liquidity.asset.length; v++) {
    const a = liquidity.asset[v]!;
    poolAsset[a] = poolAsset[a]! + liquidity.assetReserve[v]!;
    poolUsd[a] = poolUsd[a]! + liquidity.usdReserve[v]!;
  }
  const start = accounts.positionStart;
  if (start.length !== accounts.protocol.length + 1 || start[start.length - 1] !== positions.asset.length) {
    throw new CascadeError('accounts.positionStart does not match the positions table');
  }
  // Count distinct (asset, account) pairs, then fill: accounts are visited in order, so each
  // asset's list comes out sorted and an account appears once per asset.
  const counts = new Int32Array(assetCount + 1);
  const lastSeen = new Int32Array(assetCount).fill(-1);
  for (let i = 0; i < accounts.protocol.length; i++) {
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const a = positions.asset[p]!;
      if (lastSeen[a] !== i) {
        lastSeen[a] = i;
        counts[a + 1] = counts[a + 1]! + 1;
      }
    }
  }
  for (let a = 0; a < assetCount; a++) counts[a + 1] = counts[a + 1]! + counts[a]!;
  const assetAccountStart = Int32Array.from(counts);
  const assetAccounts = new Int32Array(counts[assetCount]!);
  const cursor = Int32Array.from(counts);
  lastSeen.fill(-1);
  for (let i = 0; i < accounts.protocol.length; i++) {
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const a = positions.asset[p]!;
      if (lastSeen[a] !== i) {
        lastSeen[a] = i;
        assetAccounts[cursor[a]!] = i;
        cursor[a] = cursor[a]! + 1;
      }
    }
  }
  return { snapshot, poolAsset, poolUsd, assetAccountStart, assetAccounts };
}
