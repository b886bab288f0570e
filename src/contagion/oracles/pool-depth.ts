/**
 * What it costs to hold a pool's spot price at a manipulated level for one block, given the pool's
 * depth: the notional the attacker must swap in, and the value lost to the arbitrageurs who trade
 * the price back to the market after the block (the attack's real cost: the notional itself comes
 * back, less that loss).
 *
 * Constant product (Uniswap v2; Bentley, "Manipulating Uniswap v3 TWAP Oracles", Euler 2021,
 * github.com/euler-xyz/uni-v3-twap-manipulation, cost-of-attack.tex, eqs. for Δx and c): reserves
 * x (asset) and y (USD), k = x·y, spot p = y/x, pushed to q.
 *   up (q > p):   USD in Δy = √(k·q) − y,  asset out Δx = x − √(k/q)
 *   down (q < p): asset in Δx = √(k/q) − x, USD out Δy = y − √(k·q); notional = p·Δx
 *   loss to arbitrage  c = |Δy − p·Δx| = √k · (√q − √p)² / √q   (both directions)
 *
 * Depth curve (concentrated liquidity, e.g. a Uniswap v3 pool's ticks): the caller passes
 * `usdNeededToMovePrice(P)`, the USD value, at the pre-attack spot p, of what must be swapped in to
 * move the spot from p to P (USD for P > p; the asset, valued at p, for P < p). Each slice dD moved
 * at price P loses (1 − p/P)·dD going up, (1 − P/p)·dD going down, so
 *   c = ∫ₚ^q (1 − p/P) dD(P)   or   ∫_q^p (1 − P/p) dD(P)
 * integrated on a geometric grid of `integrationSteps` slices (midpoint rule). For the constant-
 * product curve D(P) = √(k·P) − y this reproduces the closed form.
 */
import type { PoolReserves } from '../constant-product-pool.js';
import { OracleError, requirePositive } from './errors.js';

export type PoolDepth =
  | ({ kind: 'constant-product' } & PoolReserves)
  | { kind: 'depth-curve'; spotPrice: number; usdNeededToMovePrice: (targetPrice: number) => number };

export interface PushCost {
  /** Value swapped in to reach the target (USD at the pre-attack spot). */
  notionalUsd: number;
  /** What the arbitrageurs who restore the price take from the attacker. */
  arbitrageLossUsd: number;
}

export function spotPrice(depth: PoolDepth): number {
  return depth.kind === 'constant-product' ? depth.usdReserve / depth.assetReserve : depth.spotPrice;
}

/** Throws unless the depth is usable (positive reserves, or a positive spot price). */
export function checkDepth(depth: PoolDepth): void {
  if (depth.kind === 'constant-product') {
    requirePositive('pool-depth', 'depth.assetReserve', depth.assetReserve);
    requirePositive('pool-depth', 'depth.usdReserve', depth.usdReserve);
  } else if (depth.kind === 'depth-curve') {
    requirePositive('pool-depth', 'depth.spotPrice', depth.spotPrice);
  } else {
    throw new OracleError('pool-depth', `depth.kind must be constant-product or depth-curve, got ${JSON.stringify((depth as { kind: unknown }).kind)}`);
  }
}

/** Notional and arbitrage loss of pushing the spot from its current level to `targetPrice` for one block. */
export function pushCost(depth: PoolDepth, targetPrice: number, integrationSteps: number): PushCost {
  const p = spotPrice(depth);
  const q = targetPrice;
  if (q === p) return { notionalUsd: 0, arbitrageLossUsd: 0 };
  if (depth.kind === 'constant-product') {
    const k = depth.assetReserve * depth.usdReserve;
    const notionalUsd = q > p ? Math.sqrt(k * q) - depth.usdReserve : p * (Math.sqrt(k / q) - depth.assetReserve);
    const gap = Math.sqrt(q) - Math.sqrt(p);
    return { notionalUsd, arbitrageLossUsd: (Math.sqrt(k) * gap * gap) / Math.sqrt(q) };
  }
  const needed = (price: number): number => {
    const usd = depth.usdNeededToMovePrice(price);
    if (!(usd >= 0) || !Number.isFinite(usd)) throw new OracleError('pool-depth', `usdNeededToMovePrice(${price}) must be a finite number ≥ 0, got ${usd}`);
    return usd;
  };
  const ratio = q / p;
  let loss = 0;
  let previousPrice = p;
  let previousUsd = needed(p);
  const startUsd = previousUsd;
  for (let i = 1; i <= integrationSteps; i++) {
    const price = i === integrationSteps ? q : p * Math.pow(ratio, i / integrationSteps);
    const usd = needed(price);
    const slice = usd - previousUsd;
    if (slice < 0) {
      throw new OracleError('pool-depth', `usdNeededToMovePrice decreased from ${previousUsd} at ${previousPrice} to ${usd} at ${price}: it must grow as the target moves away from the spot (${p})`);
    }
    const mid = Math.sqrt(previousPrice * price);
    loss += slice * (q > p ? 1 - p / mid : 1 - mid / p);
    previousPrice = price;
    previousUsd = usd;
  }
  return { notionalUsd: previousUsd - startUsd, arbitrageLossUsd: loss };
}
