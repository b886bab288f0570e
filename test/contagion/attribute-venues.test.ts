import { describe, expect, it } from 'vitest';
import { attributeLosses, prepareCascade } from '../../src/contagion/index.js';
import { toySnapshot } from '../helpers/toy-ecosystem.js';

describe('attribution: the venues that absorb the forced selling', () => {
  it("splits each asset's sales over its venues by depth, summing to what was sold", () => {
    const snapshot = toySnapshot({
      assets: [{ symbol: 'USDC', priceUsd: 1 }, { symbol: 'WETH', priceUsd: 2000 }],
      protocols: [{ name: 'lender', closeFactor: 0.5, fullCloseBelowHf: 0.95 }],
      accounts: [{ protocol: 'lender', account: '0xa', collateral: [{ asset: 'WETH', amount: 10, liquidationThreshold: 0.83, liquidationBonus: 0.05 }], debt: [{ asset: 'USDC', amount: 15_000 }] }],
      pools: [
        { asset: 'WETH', assetReserve: 100, usdReserve: 200_000, venue: 'small' },
        { asset: 'WETH', assetReserve: 300, usdReserve: 600_000, venue: 'large' },
      ],
    });
    const attribution = attributeLosses(prepareCascade(snapshot), { WETH: 0.8 }, {}, () => [], undefined);
    const sold = attribution.topAssets.find((a) => a.asset === 'WETH')!.soldUsd;
    expect(sold).toBeGreaterThan(0);
    expect(attribution.topVenues.map((v) => v.venue)).toEqual(['large', 'small']);
    const [large, small] = attribution.topVenues;
    expect(large!.absorbedUsd / small!.absorbedUsd).toBeCloseTo(3, 12);
    expect(large!.absorbedUsd + small!.absorbedUsd).toBeCloseTo(sold, 9);
    expect(large!.priceChange).toBeLessThan(0);
  });
});
