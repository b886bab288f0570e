import { describe, expect, it } from 'vitest';
import {
  auctionDiscount, auctionPriceFraction, clearInsolventAuction, clearSolventAuction, DERIVE_AUCTION,
} from '../../../src/risk/options-accounts/index.js';

describe('Derive Dutch auction schedule (DutchAuction._getDiscountPercentage, config-mainnet getDefaultAuctionParam)', () => {
  it('matches the documented schedule at t = 0, 450, 900, 900 + 21,600 s', () => {
    expect(auctionPriceFraction(0)).toBeCloseTo(0.95, 15);
    expect(auctionDiscount(0)).toBeCloseTo(0.05, 15);
    expect(auctionPriceFraction(450)).toBeCloseTo(0.825, 15); // halfway down the fast phase 0.95 → 0.70
    expect(auctionDiscount(450)).toBeCloseTo(0.175, 15);
    expect(auctionPriceFraction(900)).toBeCloseTo(0.7, 15); // end of the fast phase
    expect(auctionDiscount(900)).toBeCloseTo(0.3, 15);
    expect(auctionPriceFraction(900 + 21_600)).toBeCloseTo(0.35, 15); // halfway down the slow phase 0.70 → 0
    expect(auctionDiscount(900 + 21_600)).toBeCloseTo(0.65, 15);
    expect(auctionPriceFraction(900 + 43_200)).toBe(0);
    expect(auctionPriceFraction(899.999)).toBeCloseTo(0.7, 5); // continuous at the phase change
    expect(DERIVE_AUCTION).toEqual({
      startingMtMPercentage: 0.95, fastAuctionCutoffPercentage: 0.7, fastAuctionSeconds: 900, slowAuctionSeconds: 43_200, insolventAuctionSeconds: 3_600,
    });
  });

  it('clears at the first time the liquidators’ required discount is met', () => {
    expect(clearSolventAuction({ kind: 'required-discount', discount: 0.02 })).toEqual({ cleared: true, seconds: 0, discount: expect.closeTo(0.05, 12), phase: 'fast' });
    const fast = clearSolventAuction({ kind: 'required-discount', discount: 0.175 });
    expect(fast.seconds).toBeCloseTo(450, 9);
    expect(fast.phase).toBe('fast');
    const slow = clearSolventAuction({ kind: 'required-discount', discount: 0.65 });
    expect(slow.seconds).toBeCloseTo(22_500, 6);
    expect(slow.discount).toBeCloseTo(0.65, 12);
    expect(slow.phase).toBe('slow');
    expect(clearSolventAuction({ kind: 'required-discount', discount: 1 }).phase).toBe('unsold');
  });

  it('or at a given clearing time; insolvent auctions pay up to MM over 3,600 s', () => {
    expect(clearSolventAuction({ kind: 'clearing-time', seconds: 450 }).discount).toBeCloseTo(0.175, 12);
    expect(clearSolventAuction({ kind: 'clearing-time', seconds: 50_000 }).cleared).toBe(false);
    expect(clearInsolventAuction({ kind: 'required-discount', discount: 0.5 })).toEqual({ cleared: true, seconds: 1800, discount: 0.5, phase: 'insolvent' });
    expect(clearInsolventAuction({ kind: 'clearing-time', seconds: 7200 }).discount).toBe(1);
    expect(clearInsolventAuction({ kind: 'required-discount', discount: 1.5 }).phase).toBe('unsold');
  });
});
