import { describe, expect, it } from 'vitest';
import { referenceCascade } from '../../src/contagion/index.js';
import { toySnapshot, type ToyEcosystem } from '../helpers/toy-ecosystem.js';

// Hand-computed expectations: every expected number below is worked out from the documented
// semantics (docs/reference-cascade.md) with the arithmetic written out, not taken from a run.

const AAVE_LIKE = { name: 'aave-like', closeFactor: 0.5, fullCloseBelowHf: 0.95 };
const weth = (amount: number) => ({ asset: 'WETH', amount, liquidationThreshold: 0.83, liquidationBonus: 0.05 });

/** 10 WETH at $2,000 (LT 0.83, bonus 5%) against 15,000 USDC: HF = 20,000·0.83 / 15,000 = 1.1067. */
const singleAccount: ToyEcosystem = {
  assets: [{ symbol: 'USDC', priceUsd: 1 }, { symbol: 'WETH', priceUsd: 2000 }],
  protocols: [AAVE_LIKE],
  accounts: [{ protocol: 'aave-like', account: '0xa', collateral: [weth(10)], debt: [{ asset: 'USDC', amount: 15_000 }] }],
};

describe('reference cascade, one account, no pool', () => {
  it('leaves an account with HF ≥ 1 alone, with or without a mild shock', () => {
    for (const shock of [1, 0.95, 0.91]) {
      // HF at 0.91: 18,200·0.83 / 15,000 = 1.0071
      const result = referenceCascade(toySnapshot(singleAccount), { WETH: shock });
      expect(result.rounds).toBe(0);
      expect(result.liquidations).toBe(0);
      expect(result.totalBadDebtUsd).toBe(0);
      expect(result.liquidatedDebtUsdByProtocol['aave-like']).toBe(0);
      expect(result.finalPrices.WETH).toBeCloseTo(2000 * shock, 9);
    }
  });

  it('liquidates half the debt when 0.95 ≤ HF < 1', () => {
    // WETH × 0.88 → $1,760; HF = 17,600·0.83 / 15,000 = 0.97387: close factor 0.5.
    const result = referenceCascade(toySnapshot(singleAccount), { WETH: 0.88 });
    const repaid = 0.5 * 15_000; // 7,500
    const seizedUsd = repaid * 1.05; // 7,875
    expect(result.rounds).toBe(1);
    expect(result.liquidatedDebtUsdByProtocol['aave-like']).toBeCloseTo(repaid, 9);
    expect(result.seizedCollateralUsd).toBeCloseTo(seizedUsd, 9);
    expect(result.totalBadDebtUsd).toBe(0);
    const event = result.events[0]!;
    expect(event.healthFactor).toBeCloseTo((17_600 * 0.83) / 15_000, 12);
    expect(event.closeFactor).toBe(0.5);
    expect(event.seized[0]!.units).toBeCloseTo(seizedUsd / 1760, 12); // 4.4744318 WETH
    // Round 2 re-checks the account at unchanged prices: (10 − 4.4744318)·1,760·0.83 / 7,500 = 1.0762 ≥ 1.
    expect(event.remainingDebtUsd).toBeCloseTo(7_500, 9);
    expect(result.trace).toHaveLength(1);
  });

  it('closes the whole debt when HF < 0.95', () => {
    // WETH × 0.8 → $1,600; HF = 16,000·0.83 / 15,000 = 0.88533: close factor 1.
    const result = referenceCascade(toySnapshot(singleAccount), { WETH: 0.8 });
    expect(result.rounds).toBe(1);
    expect(result.events[0]!.closeFactor).toBe(1);
    expect(result.liquidatedDebtUsdByProtocol['aave-like']).toBeCloseTo(15_000, 9);
    expect(result.seizedCollateralUsd).toBeCloseTo(15_750, 9); // 9.84375 WETH
    expect(result.events[0]!.seized[0]!.units).toBeCloseTo(9.84375, 12);
    expect(result.totalBadDebtUsd).toBe(0);
    expect(result.remainingDebtUsdByProtocol['aave-like']).toBe(0);
  });

  it('books debt − collateral/(1 + bonus) as bad debt when the collateral runs out', () => {
    // WETH × 0.7 → $1,400: collateral $14,000 < 15,000 · 1.05. Repaid = 14,000 / 1.05.
    const result = referenceCascade(toySnapshot(singleAccount), { WETH: 0.7 });
    const collateralUsd = 14_000;
    expect(result.totalBadDebtUsd).toBeCloseTo(15_000 - collateralUsd / 1.05, 9); // 1,666.67
    expect(result.badDebtByProtocol['aave-like']).toBeCloseTo(1_666.666666667, 6);
    expect(result.liquidatedDebtUsdByProtocol['aave-like']).toBeCloseTo(collateralUsd / 1.05, 9);
    expect(result.seizedCollateralUsd).toBeCloseTo(collateralUsd, 9);
    expect(result.remainingDebtUsdByProtocol['aave-like']).toBe(0);
  });

  it('also writes off when a partial liquidation exhausts the collateral', () => {
    // 1 WETH ($2,000, LT 0.83) vs 1,950 USDC: HF 0.851 → full close; 2,000/1.05 = 1,904.76 repaid.
    const toy: ToyEcosystem = { ...singleAccount, accounts: [{ ...singleAccount.accounts[0]!, collateral: [weth(1)], debt: [{ asset: 'USDC', amount: 1_950 }] }] };
    const result = referenceCascade(toySnapshot(toy), {});
    expect(result.totalBadDebtUsd).toBeCloseTo(1_950 - 2_000 / 1.05, 9);
  });
});

describe('reference cascade, two protocols sharing a pool', () => {
  // One WETH/USD pool of 1,000 WETH and $2,000,000 (k = 2·10⁹). Protocol A's account X is deep
  // under water after a 20% drop; protocol B's account Y is healthy at that price, and is pushed
  // under only by the price impact of X's collateral being sold.
  const toy: ToyEcosystem = {
    assets: [{ symbol: 'USDC', priceUsd: 1 }, { symbol: 'WETH', priceUsd: 2000 }],
    protocols: [AAVE_LIKE, { name: 'compound-like', closeFactor: 1 }],
    accounts: [
      { protocol: 'aave-like', account: '0xx', collateral: [weth(100)], debt: [{ asset: 'USDC', amount: 150_000 }] },
      {
        protocol: 'compound-like',
        account: '0xy',
        collateral: [{ asset: 'WETH', amount: 10, liquidationThreshold: 0.85, liquidationBonus: 0.05 }],
        debt: [{ asset: 'USDC', amount: 12_500 }],
      },
    ],
    pools: [{ asset: 'WETH', assetReserve: 1_000, usdReserve: 2_000_000 }],
  };
  const k = 1_000 * 2_000_000;

  it('propagates one protocol’s forced selling into the other’s liquidations', () => {
    const result = referenceCascade(toySnapshot(toy), { WETH: 0.8 });
    // Shock: the pool is arbitraged to $1,600: x = √(k/1600) = 1,118.034 WETH.
    const x0 = Math.sqrt(k / 1600);
    // Round 1: X has HF = 160,000·0.83/150,000 = 0.8853 < 0.95 → full close; seizes 157,500/1,600 WETH.
    // Y has HF = 16,000·0.85/12,500 = 1.088: untouched.
    const seizedX = 157_500 / 1600;
    const x1 = x0 + seizedX;
    const p1 = k / (x1 * x1);
    // Round 2 at p1 ≈ $1,351.6: Y's HF = 10·p1·0.85/12,500 ≈ 0.919 → close factor 1 (compound-like).
    const seizedY = (12_500 * 1.05) / p1;
    const x2 = x1 + seizedY;
    expect(result.rounds).toBe(2);
    expect(result.trace[0]!.liquidations).toBe(1);
    expect(result.trace[0]!.pricesAfter.WETH).toBeCloseTo(p1, 6);
    expect(result.trace[1]!.prices.WETH).toBeCloseTo(p1, 6);
    expect(result.events[1]!.account).toBe('0xy');
    expect(result.events[1]!.healthFactor).toBeCloseTo((10 * p1 * 0.85) / 12_500, 12);
    expect(result.liquidatedDebtUsdByProtocol['compound-like']).toBeCloseTo(12_500, 9);
    expect(result.liquidatedDebtUsdByProtocol['aave-like']).toBeCloseTo(150_000, 9);
    expect(result.finalPrices.WETH).toBeCloseTo(k / (x2 * x2), 6);
    expect(result.totalBadDebtUsd).toBe(0);
  });

  it('does not liquidate protocol B when A’s account is absent', () => {
    const alone = { ...toy, accounts: [toy.accounts[1]!] };
    const result = referenceCascade(toySnapshot(alone), { WETH: 0.8 });
    expect(result.liquidations).toBe(0);
    expect(result.finalPrices.WETH).toBeCloseTo(1600, 9);
  });

  it('combines several cpmm venues of one asset into one pool', () => {
    const split = { ...toy, pools: [{ asset: 'WETH', assetReserve: 400, usdReserve: 800_000 }, { asset: 'WETH', assetReserve: 600, usdReserve: 1_200_000 }] };
    const a = referenceCascade(toySnapshot(toy), { WETH: 0.8 });
    const b = referenceCascade(toySnapshot(split), { WETH: 0.8 });
    expect(b.finalPrices.WETH).toBeCloseTo(a.finalPrices.WETH, 9);
  });
});

describe('reference cascade, input checks', () => {
  it('names an unknown shocked asset', () => {
    expect(() => referenceCascade(toySnapshot(singleAccount), { WBTC: 0.5 })).toThrow(/asset "WBTC", which is not in the snapshot/);
  });
  it('rejects a non-positive multiplier', () => {
    expect(() => referenceCascade(toySnapshot(singleAccount), { WETH: 0 })).toThrow(/WETH must be a price multiplier > 0/);
  });
  it('reports hitting the round limit', () => {
    // 0.5 close factor at HF just below 1 with a thin pool keeps liquidating round after round.
    const toy: ToyEcosystem = {
      ...singleAccount,
      accounts: Array.from({ length: 6 }, (_, i) => ({
        protocol: 'aave-like', account: `0x${i}`, collateral: [weth(10)], debt: [{ asset: 'USDC', amount: 16_000 - i * 100 }],
      })),
      pools: [{ asset: 'WETH', assetReserve: 20, usdReserve: 40_000 }],
    };
    // WETH × 0.9 → $1,800: HF = 14,940 / (16,000 − 100·i) ≈ 0.93–0.96, so all six go in round 1
    // and their sales into the 20-WETH pool leave the partially liquidated ones under water.
    const result = referenceCascade(toySnapshot(toy), { WETH: 0.9 }, { maxRounds: 1 });
    expect(result.roundLimitReached).toBe(true);
    expect(result.rounds).toBe(1);
    expect(result.warnings[0]).toMatch(/stopped after 1 rounds while accounts were still under water/);
    expect(referenceCascade(toySnapshot(toy), { WETH: 0.9 }).roundLimitReached).toBe(false);
  });
});
