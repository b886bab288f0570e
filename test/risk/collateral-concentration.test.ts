import { describe, expect, it } from 'vitest';
import { collateralConcentration } from '../../src/risk/index.js';
import { toySnapshot, type ToyEcosystem } from '../helpers/toy-ecosystem.js';

const lt = (asset: string, amount: number) => ({ asset, amount, liquidationThreshold: 0.8, liquidationBonus: 0.05 });
const address = (i: number): string => `0x${i.toString(16).padStart(40, '0')}`;

/** Holdings in WETH units per account of one pooled market (aave-like, WETH) at $2,000. */
const HOLDINGS = [50, 20, 10, 5, 5, 3, 2, 2, 1, 1, 0.5, 0.5];

const TOY: ToyEcosystem = {
  assets: [{ symbol: 'USDC', priceUsd: 1 }, { symbol: 'WETH', priceUsd: 2_000 }, { symbol: 'WBTC', priceUsd: 30_000 }],
  protocols: [{ name: 'aave-like', closeFactor: 0.5 }, { name: 'morpho-like', closeFactor: 1 }],
  accounts: [
    ...HOLDINGS.map((units, i) => ({ protocol: 'aave-like', account: address(i), collateral: [lt('WETH', units)], debt: [{ asset: 'USDC', amount: 100 }] })),
    // One account holding two collateral assets: each (protocol, asset) is its own market.
    { protocol: 'aave-like', account: address(99), collateral: [lt('WETH', 0), lt('WBTC', 2)], debt: [] },
    // Two isolated markets of one protocol, same asset: not merged.
    { protocol: 'morpho-like', account: address(200), market: '0xmarket-a', collateral: [lt('WETH', 3)], debt: [] },
    { protocol: 'morpho-like', account: address(201), market: '0xmarket-a', collateral: [lt('WETH', 1)], debt: [] },
    { protocol: 'morpho-like', account: address(202), market: '0xmarket-b', collateral: [lt('WETH', 7)], debt: [] },
  ],
};

describe('collateralConcentration', () => {
  const markets = collateralConcentration(toySnapshot(TOY));
  const find = (protocol: string, market: string | null, asset: string) =>
    markets.find((m) => m.protocol === protocol && m.market === market && m.asset === asset)!;

  it('takes the top-1, top-5 and top-10 shares and the HHI of a pooled market from its holdings', () => {
    const weth = find('aave-like', null, 'WETH');
    const total = HOLDINGS.reduce((s, u) => s + u, 0);
    expect(weth.collateralUsd).toBeCloseTo(total * 2_000, 6);
    expect(weth.accounts).toBe(HOLDINGS.length); // the zero WETH position of account 99 is not a holder
    expect(weth.largestAccount).toBe(address(0));
    expect(weth.top1Share).toBeCloseTo(50 / total, 12);
    expect(weth.top5Share).toBeCloseTo((50 + 20 + 10 + 5 + 5) / total, 12);
    expect(weth.top10Share).toBeCloseTo((total - 1) / total, 12);
    expect(weth.hhi).toBeCloseTo(HOLDINGS.reduce((s, u) => s + (u / total) ** 2, 0), 12);
  });

  it('keeps isolated markets apart and gives a single holder a share and HHI of 1', () => {
    const a = find('morpho-like', '0xmarket-a', 'WETH');
    expect(a.accounts).toBe(2);
    expect(a.top1Share).toBeCloseTo(0.75, 12);
    expect(a.hhi).toBeCloseTo(0.75 ** 2 + 0.25 ** 2, 12);
    const b = find('morpho-like', '0xmarket-b', 'WETH');
    expect([b.top1Share, b.top10Share, b.hhi]).toEqual([1, 1, 1]);
    expect(find('aave-like', null, 'WBTC').top1Share).toBe(1);
    expect(markets).toHaveLength(4);
  });

  it('orders markets by top-1 share, and its shares obey 1/n ≤ HHI ≤ top1 ≤ top5 ≤ top10 ≤ 1', () => {
    expect(markets.map((m) => m.top1Share)).toEqual([...markets.map((m) => m.top1Share)].sort((x, y) => y - x));
    for (const m of markets) {
      expect(m.hhi).toBeGreaterThanOrEqual(1 / m.accounts - 1e-12);
      // Σ s² ≤ max s · Σ s = top1.
      expect(m.hhi).toBeLessThanOrEqual(m.top1Share + 1e-12);
      expect(m.top1Share).toBeLessThanOrEqual(m.top5Share);
      expect(m.top5Share).toBeLessThanOrEqual(m.top10Share);
      expect(m.top10Share).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
});
