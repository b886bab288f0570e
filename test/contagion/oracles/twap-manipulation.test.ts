import { describe, expect, it } from 'vitest';
import {
  assessTwapAttack, borrowAndAbandon, pushCost, twapManipulationCost, type InflatedCollateralBook, type PoolDepth,
} from '../../../src/contagion/oracles/index.js';

/** 1,000 ETH against $2,000,000: spot $2,000, k = 2·10⁹, √k = 44,721.36. */
const pool = (scale = 1): PoolDepth => ({ kind: 'constant-product', assetReserve: 1000 * scale, usdReserve: 2_000_000 * scale });
/** The same pool as a depth curve: D(P) = √(k·P) − y up, p·(√(k/P) − x) down. */
const curveOf = (x: number, y: number): PoolDepth => ({
  kind: 'depth-curve',
  spotPrice: y / x,
  usdNeededToMovePrice: (P) => (P >= y / x ? Math.sqrt(x * y * P) - y : (y / x) * (Math.sqrt((x * y) / P) - x)),
});
const window = { windowSeconds: 120, blockSeconds: 12 }; // n = 10 blocks

describe('TWAP manipulation cost', () => {
  it('equals the hand-computed loss to arbitrage for a constant-product pool', () => {
    // +10 % on a 10-block arithmetic TWAP, held all window: q = 2,000 · 1.1 = 2,200 in each block.
    //   USD in     Δy = √(2·10⁹ · 2,200) − 2,000,000 = 2,097,617.696 − 2,000,000 = 97,617.696
    //   ETH out    Δx = 1,000 − √(2·10⁹ / 2,200)     = 1,000 − 953.463        = 46.537411
    //   per block  c  = Δy − p·Δx = 97,617.696 − 2,000 · 46.537411 = 97,617.696 − 93,074.821 = 4,542.875
    //   (= √k (√q − √p)² / √q = 44,721.36 · (46.9042 − 44.7214)² / 46.9042)
    //   total     10 · c = 45,428.75
    const result = twapManipulationCost({ depth: pool(), twapMove: 0.1, ...window });
    expect(result.windowBlocks).toBe(10);
    expect(result.targetTwapUsd).toBeCloseTo(2200, 9);
    const plan = result.fullWindow;
    expect(plan.blocks).toBe(10);
    expect(plan.spotPriceUsd).toBeCloseTo(2200, 9);
    expect(plan.notionalUsd).toBeCloseTo(97_617.696, 2);
    expect(plan.arbitrageLossPerBlockUsd).toBeCloseTo(4_542.875, 2);
    expect(plan.costUsd).toBeCloseTo(45_428.75, 1);
    expect(plan.capitalUsd).toBeCloseTo(97_617.696, 2);
    // For a small move, holding the whole window is the cheapest plan.
    expect(result.cheapest.blocks).toBe(10);
  });

  it('adds the swap fee on each push', () => {
    // Fee 0.3 % on the input: 97,617.696 · 0.003 / 0.997 = 293.734 per block.
    const plan = twapManipulationCost({ depth: pool(), twapMove: 0.1, ...window }, { feeRate: 0.003 }).fullWindow;
    expect(plan.feePerBlockUsd).toBeCloseTo((97_617.696 * 0.003) / 0.997, 2);
    expect(plan.costUsd).toBeCloseTo(10 * (4_542.875 + 293.734), 1);
  });

  it('grows with the target move, up and down, for both means', () => {
    for (const mean of ['arithmetic', 'geometric'] as const) {
      for (const moves of [[0.01, 0.05, 0.1, 0.3, 1, 3], [-0.01, -0.05, -0.2, -0.5, -0.8]]) {
        const costs = moves.map((twapMove) => twapManipulationCost({ depth: pool(), twapMove, ...window }, { mean }));
        for (let i = 1; i < costs.length; i++) {
          expect(costs[i]!.fullWindow.costUsd).toBeGreaterThan(costs[i - 1]!.fullWindow.costUsd);
          expect(costs[i]!.cheapest.costUsd).toBeGreaterThan(costs[i - 1]!.cheapest.costUsd);
        }
      }
    }
  });

  it('grows with pool depth (∝ √k at a given price)', () => {
    const costs = [0.25, 1, 4, 16].map((scale) => twapManipulationCost({ depth: pool(scale), twapMove: 0.2, ...window }).cheapest.costUsd);
    for (let i = 1; i < costs.length; i++) {
      expect(costs[i]).toBeGreaterThan(costs[i - 1]!);
      expect(costs[i]! / costs[i - 1]!).toBeCloseTo(4, 9);
    }
  });

  it('finds a cheaper plan than the full window for a large move', () => {
    // +500 %: holding q = 6p for 10 blocks costs 10 · √k√p · (√6 − 1)²/√6 = 8.57 √k√p; one block at
    // q = 51p costs (√51 − 1)²/√51 = 5.28 √k√p.
    const result = twapManipulationCost({ depth: pool(), twapMove: 5, ...window });
    expect(result.cheapest.blocks).toBeLessThan(10);
    expect(result.cheapest.costUsd).toBeLessThan(result.fullWindow.costUsd);
    const unit = Math.sqrt(2e9) * Math.sqrt(2000);
    expect(result.fullWindow.costUsd).toBeCloseTo((10 * unit * (Math.sqrt(6) - 1) ** 2) / Math.sqrt(6), 3);
  });

  it('integrates a depth curve to the constant-product closed form', () => {
    for (const target of [2600, 1500, 2010, 400]) {
      const exact = pushCost(pool(), target, 1);
      const numeric = pushCost(curveOf(1000, 2_000_000), target, 256);
      expect(numeric.notionalUsd).toBeCloseTo(exact.notionalUsd, 6);
      expect(Math.abs(numeric.arbitrageLossUsd / exact.arbitrageLossUsd - 1)).toBeLessThan(1e-4);
    }
  });

  it('rejects a depth curve that shrinks as the target moves away', () => {
    const bad: PoolDepth = { kind: 'depth-curve', spotPrice: 100, usdNeededToMovePrice: (P) => Math.abs(150 - P) };
    expect(() => twapManipulationCost({ depth: bad, twapMove: 0.5, ...window })).toThrow(/pool-depth: usdNeededToMovePrice decreased/);
  });
});

describe('bad debt unlocked by borrowing against inflated collateral', () => {
  // 10 ETH at $2,000 (true value $20,000), LTV 0.8, $10,000 borrowed.
  const book: InflatedCollateralBook = {
    collateralUnits: Float64Array.of(10, 5, 1),
    loanToValue: Float64Array.of(0.8, 0.8, 0.8),
    debtUsd: Float64Array.of(10_000, 0, 3_000),
    otherCollateralUsd: Float64Array.of(0, 10_000, 0),
    otherBorrowingPowerUsd: Float64Array.of(0, 8_000, 0),
  };

  it('is 0 when the manipulation cannot lift any borrowing limit over the true collateral value', () => {
    // +10 %: 10 · 2,200 · 0.8 = 17,600 < 20,000; 5 · 2,200 · 0.8 + 8,000 = 16,800 < 20,000; the third
    // account is already short (debt 3,000 > 2,000) and its limit 1,760 lets it borrow nothing.
    const result = borrowAndAbandon({ book, truePriceUsd: 2000, manipulatedPriceUsd: 2200 });
    expect(result.unlockedBadDebtUsd).toBe(0);
    expect(result.accountsUnlocked).toBe(0);
    expect(result.extraBorrowUsd).toBeCloseTo(7_600 + 16_800, 9);
  });

  it('is the borrowable amount above the true collateral value in a crafted case', () => {
    // +50 %: 10 · 3,000 · 0.8 = 24,000 borrowable against 20,000 of true value ⇒ 4,000 unlocked.
    // Second account: 5 · 3,000 · 0.8 + 8,000 = 20,000 = its true value ⇒ 0. Third: limit 2,400 < 3,000 ⇒ 0.
    const result = borrowAndAbandon({ book, truePriceUsd: 2000, manipulatedPriceUsd: 3000 });
    expect(Array.from(result.byAccount.unlockedBadDebtUsd)).toEqual([4_000, 0, 0]);
    expect(result.unlockedBadDebtUsd).toBe(4_000);
    expect(result.accountsUnlocked).toBe(1);
  });
});

describe('TWAP attack assessment', () => {
  const borrowers = (ethUnits: number): InflatedCollateralBook => ({
    collateralUnits: Float64Array.of(ethUnits),
    loanToValue: Float64Array.of(0.8),
    debtUsd: Float64Array.of(0),
  });

  it('is not profitable against a deep pool', () => {
    // +50 % on the $2M pool: unlocked 10 · 2,000 · (1.5 · 0.8 − 1) = 4,000; the push costs far more.
    const result = assessTwapAttack({ depth: pool(), twapMove: 0.5, ...window, book: borrowers(10) });
    expect(result.unlockedBadDebtUsd).toBeCloseTo(4_000, 9);
    expect(result.costUsd).toBe(result.manipulation.cheapest.costUsd);
    expect(result.costUsd).toBeGreaterThan(result.unlockedBadDebtUsd);
    expect(result.profitable).toBe(false);
  });

  it('is profitable against a thin pool backing a large book', () => {
    // 1 ETH / $2,000 pool (√k = 1,414); 1,000 ETH borrowed against: unlocked 1,000 · 2,000 · 0.2 = 400,000.
    const thin: PoolDepth = { kind: 'constant-product', assetReserve: 1, usdReserve: 2000 };
    const result = assessTwapAttack({ depth: thin, twapMove: 0.5, ...window, book: borrowers(1000) });
    expect(result.manipulatedPriceUsd).toBeCloseTo(3000, 9);
    expect(result.unlockedBadDebtUsd).toBeCloseTo(400_000, 6);
    expect(result.profitUsd).toBeCloseTo(400_000 - result.costUsd, 6);
    expect(result.profitable).toBe(true);
  });

  it('only assesses the upward attack', () => {
    expect(() => assessTwapAttack({ depth: pool(), twapMove: -0.2, ...window, book: borrowers(1) })).toThrow(/assess-twap-attack: twapMove must be > 0/);
  });
});
