/**
 * Receipt-token write-downs: when a protocol's bad debt exceeds its insurance fund, what is left
 * is socialised over the suppliers of the asset that went bad, and every receipt token of that
 * reserve (aToken, cToken, vault share) is worth that much less per unit.
 *
 * Grain: a (protocol, asset) reserve, as the protocols book it — Aave v3.3 records a deficit per
 * reserve when an account's collateral runs out, Morpho Blue's `liquidate` realises bad debt
 * against the market's loan-asset suppliers (totalSupplyAssets falls), Compound v3 `absorb`s into
 * its one base-asset reserve. The protocol's fund
 * covers its reserves pro rata to their bad debt. A write-down never reverses within a cascade
 * (once the index is cut, later seizures shrinking the supply do not restore it).
 *
 * Conservation: for each reserve, write-down × supplied value = uncovered loss (capped at the
 * supplied value), so the value receipt holders lose is exactly the loss the protocol could not
 * cover; a test holds the solver to it.
 */
export interface ReserveLosses {
  protocolCount: number;
  assetCount: number;
  /** Bad debt per reserve, `[q * assetCount + a]` (USD). */
  badDebt: Float64Array;
  /** Supplied value per reserve at current prices (USD). */
  supplied: Float64Array;
  /** Insurance fund per protocol (USD; NaN = none). */
  fundUsd: Float64Array;
}

export interface ReserveWriteDowns {
  /** Per reserve: share of each supplied unit lost, in [0, 1]. */
  haircut: Float64Array;
  /** Per protocol: bad debt beyond its fund (USD). */
  uncoveredUsd: Float64Array;
}

/** Haircut per reserve from its uncovered loss; `previous` (same layout) is never undercut. */
export function reserveWriteDowns(losses: ReserveLosses, previous?: Float64Array): ReserveWriteDowns {
  const { protocolCount: Q, assetCount: A, badDebt, supplied, fundUsd } = losses;
  const haircut = new Float64Array(Q * A);
  const uncoveredUsd = new Float64Array(Q);
  for (let q = 0; q < Q; q++) {
    let bad = 0;
    let supply = 0;
    for (let a = 0; a < A; a++) {
      bad += badDebt[q * A + a]!;
      supply += supplied[q * A + a]!;
    }
    const fund = Number.isNaN(fundUsd[q]!) ? 0 : fundUsd[q]!;
    const uncoveredShare = bad > fund ? (bad - fund) / bad : 0;
    uncoveredUsd[q] = Math.max(0, bad - fund);
    for (let a = 0; a < A; a++) {
      const r = q * A + a;
      const uncovered = badDebt[r]! * uncoveredShare;
      // A reserve whose suppliers are not in the snapshot spreads over the protocol's whole supply.
      const h = supplied[r]! > 0 ? uncovered / supplied[r]! : supply > 0 ? uncoveredUsd[q]! / supply : uncovered > 0 ? 1 : 0;
      haircut[r] = Math.max(Math.min(1, h), previous?.[r] ?? 0);
    }
  }
  return { haircut, uncoveredUsd };
}

/** Per asset: the haircut of the reserve its receipt token claims (issuer × parent), 0 for other assets. */
export function receiptWriteDowns(issuer: Int32Array, parent: Int32Array, assetCount: number, haircut: Float64Array, out: Float64Array): Float64Array {
  for (let a = 0; a < issuer.length; a++) {
    const q = issuer[a]!;
    out[a] = q >= 0 && parent[a]! >= 0 ? haircut[q * assetCount + parent[a]!]! : 0;
  }
  return out;
}
