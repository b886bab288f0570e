import { describe, expect, it } from 'vitest';
import { assessTwapAttack, twapAttackBook } from '../../../src/contagion/oracles/index.js';
import type { MarketTable } from '../../../src/model/ecosystem.js';
import { toySnapshot } from '../../helpers/toy-ecosystem.js';

const lt = (asset: string, amount: number, liquidationThreshold: number) => ({ asset, amount, liquidationThreshold, liquidationBonus: 0.1 });
const snapshot = () => {
  const toy = toySnapshot({
    assets: [{ symbol: 'GOV', priceUsd: 10 }, { symbol: 'USDC', priceUsd: 1 }, { symbol: 'WETH', priceUsd: 2000 }],
    protocols: [{ name: 'lender', closeFactor: 0.5 }, { name: 'other', closeFactor: 0.5 }],
    accounts: [
      { protocol: 'lender', account: '0xa', collateral: [lt('GOV', 1000, 0.7)], debt: [{ asset: 'USDC', amount: 5000 }] },
      { protocol: 'lender', account: '0xb', collateral: [lt('GOV', 500, 0.7), lt('WETH', 1, 0.8)], debt: [{ asset: 'USDC', amount: 1000 }, { asset: 'GOV', amount: 10 }] },
      { protocol: 'other', account: '0xc', collateral: [lt('GOV', 2000, 0.6)], debt: [] },
      { protocol: 'lender', account: '0xd', collateral: [lt('WETH', 1, 0.8)], debt: [{ asset: 'USDC', amount: 100 }] },
    ],
    pools: [{ asset: 'GOV', assetReserve: 100_000, usdReserve: 1_000_000 }, { asset: 'GOV', assetReserve: 50_000, usdReserve: 500_000 }],
  });
  // lender's markets have LTVs (GOV 0.5, WETH 0.75); "other" has no market rows: thresholds stand in.
  const markets: MarketTable = {
    protocol: Int32Array.of(0, 0), market: ['GOV', 'WETH'], asset: Int32Array.of(0, 2), ltv: Float64Array.of(0.5, 0.75),
    liquidationThreshold: Float64Array.of(0.7, 0.8), liquidationBonus: Float64Array.of(0.1, 0.05), closeFactor: Float64Array.of(NaN, NaN),
    supplyCap: Float64Array.of(Infinity, Infinity), borrowCap: Float64Array.of(Infinity, Infinity),
  };
  return { ...toy, markets };
};

describe('twap attack book', () => {
  it('reads the pool and the borrowers of the asset, with market LTVs and the threshold where none is on record', () => {
    const input = twapAttackBook(snapshot(), 'GOV');
    expect(input.depth).toEqual({ kind: 'constant-product', assetReserve: 150_000, usdReserve: 1_500_000 });
    expect(input.account).toEqual(['0xa', '0xb', '0xc']);
    expect(Array.from(input.book.collateralUnits)).toEqual([1000, 500, 2000]);
    expect(Array.from(input.book.loanToValue)).toEqual([0.5, 0.5, 0.6]);
    // Debt in GOV itself is left out; 0xb's WETH counts at its LTV 0.75.
    expect(Array.from(input.book.debtUsd)).toEqual([5000, 1000, 0]);
    expect(Array.from(input.book.otherCollateralUsd!)).toEqual([0, 2000, 0]);
    expect(Array.from(input.book.otherBorrowingPowerUsd!)).toEqual([0, 1500, 0]);
    expect(input.thresholdFallbacks).toBe(1);
    expect(twapAttackBook(snapshot(), 'GOV', 'other').account).toEqual(['0xc']);
  });

  it('unlocks the bad debt a brute-force borrow-and-abandon gives, and prices the push on the pool', () => {
    const input = twapAttackBook(snapshot(), 'GOV');
    const move = 1; // TWAP ×2: $10 → $20
    const result = assessTwapAttack({ depth: input.depth, twapMove: move, windowSeconds: 120, blockSeconds: 12, book: input.book });
    let expected = 0;
    input.book.collateralUnits.forEach((u, k) => {
      const value = u * 10 + input.book.otherCollateralUsd![k]!;
      const borrowable = u * 20 * input.book.loanToValue[k]! + input.book.otherBorrowingPowerUsd![k]!;
      const debt = input.book.debtUsd[k]!;
      expected += Math.max(0, Math.max(debt, borrowable) - value) - Math.max(0, debt - value);
    });
    expect(expected).toBeGreaterThan(0);
    expect(result.unlockedBadDebtUsd).toBeCloseTo(expected, 6);
    expect(result.truePriceUsd).toBeCloseTo(10, 12);
    expect(result.manipulatedPriceUsd).toBeCloseTo(20, 12);
    expect(result.profitUsd).toBeCloseTo(result.unlockedBadDebtUsd - result.costUsd, 6);
    expect(result.costUsd).toBeGreaterThan(0);
  });

  it('names an asset without a venue, an unknown asset and an unknown protocol', () => {
    expect(() => twapAttackBook(snapshot(), 'WETH')).toThrow(/WETH has no DEX venue/);
    expect(() => twapAttackBook(snapshot(), 'XYZ')).toThrow(/asset "XYZ" is not in the snapshot/);
    expect(() => twapAttackBook(snapshot(), 'GOV', 'nope')).toThrow(/protocol "nope"/);
  });
});
