import { describe, expect, it } from 'vitest';
import { contagionCascade, prepareCascade } from '../../src/contagion/index.js';
import { derivedAssets, derivedTargets, lpRedemption, lpValue, type LpComponents } from '../../src/contagion/derived-assets.js';
import { toySnapshot, type ToyEcosystem } from '../helpers/toy-ecosystem.js';

// Expectations are worked out by hand from the documented semantics (derived-assets.ts,
// receipt-write-down.ts, contagion-cascade.ts); the arithmetic is written out beside each.

const LENDER = { name: 'lender', closeFactor: 0.5, fullCloseBelowHf: 0.95 };
const ETH_FAMILY: ToyEcosystem['assets'] = [
  { symbol: 'ETH', priceUsd: 2000, kind: 'native' },
  { symbol: 'USDC', priceUsd: 1, kind: 'stable' },
  { symbol: 'WETH', priceUsd: 2000, kind: 'native', underlying: 'ETH' },
  { symbol: 'wstETH', priceUsd: 2300, kind: 'lst', underlying: 'ETH', exchangeRate: 1.15 },
];
const wsteth = (amount: number, liquidationThreshold: number, liquidationBonus: number) => ({ asset: 'wstETH', amount, liquidationThreshold, liquidationBonus });
const run = (toy: ToyEcosystem, shocks: Record<string, number>, options: Parameters<typeof contagionCascade>[2]) =>
  contagionCascade(prepareCascade(toySnapshot(toy)), shocks, options);

describe('derived targets', () => {
  const snapshot = toySnapshot({ assets: ETH_FAMILY, protocols: [LENDER], accounts: [] });
  const { symbol, kind, underlying, priceUsd, exchangeRate } = snapshot.assets;
  const d = derivedAssets({ symbol, kind, underlying, priceUsd, ...(exchangeRate === undefined ? {} : { exchangeRate }), venueDepthUsd: new Float64Array(4) });

  it('moves a whole alias group, and what derives from it, with a shock on one wrapper', () => {
    const target = derivedTargets(d, snapshot.assets.symbol, snapshot.assets.priceUsd, { WETH: 0.7 }, {});
    expect(Array.from(target)).toEqual([1400, 1, 1400, 2300 * 0.7].map((v, i) => (i === 3 ? expect.closeTo(v, 9) : v)));
  });

  it('keeps an explicit shock as the total move and multiplies a peg on top of the parent', () => {
    const explicit = derivedTargets(d, snapshot.assets.symbol, snapshot.assets.priceUsd, { WETH: 0.8, wstETH: 0.752 }, {});
    expect(explicit[3]).toBeCloseTo(2300 * 0.752, 9);
    const pegged = derivedTargets(d, snapshot.assets.symbol, snapshot.assets.priceUsd, { WETH: 0.8 }, { wstETH: 0.94 });
    expect(pegged[3]).toBeCloseTo(2300 * 0.8 * 0.94, 9);
  });

  it('refuses a peg on an asset that derives from nothing, naming it', () => {
    expect(() => derivedTargets(d, snapshot.assets.symbol, snapshot.assets.priceUsd, {}, { USDC: 0.9 })).toThrow(/pegs\.USDC/);
  });
});

describe('valuation of a depegged LST: market vs exchange rate', () => {
  // 10 wstETH (LT 0.95, bonus 1%) against 10.5 WETH, an E-mode loop.
  // Fair HF = 10·2,300·0.95 / (10.5·2,000) = 21,850 / 21,000 = 1.0405.
  // A 6% depeg: market wstETH = 2,162; market HF = 10·2,162·0.95 / 21,000 = 0.9781.
  const loop: ToyEcosystem = {
    assets: ETH_FAMILY,
    protocols: [LENDER],
    accounts: [{ protocol: 'lender', account: '0xloop', collateral: [wsteth(10, 0.95, 0.01)], debt: [{ asset: 'WETH', amount: 10.5 }] }],
  };

  it('liquidates on the depeg when the oracle reads the market, and not when it reads the exchange rate', () => {
    const market = run(loop, {}, { derivedPricing: { valuation: 'market', pegs: { wstETH: 0.94 } } });
    expect(market.shockedPrices.wstETH).toBeCloseTo(2162, 9);
    expect(market.liquidations).toBeGreaterThanOrEqual(1);
    expect(market.events[0]!.healthFactor).toBeCloseTo(20_539 / 21_000, 12);
    expect(market.events[0]!.repaidUsd).toBeCloseTo(0.5 * 21_000, 9);
    const fair = run(loop, {}, { derivedPricing: { valuation: 'exchange-rate', pegs: { wstETH: 0.94 } } });
    expect(fair.liquidations).toBe(0);
    // Blind, not safe: at market the loop is under water, which the result reports as unliquidated debt.
    expect(fair.unliquidatedDebtUsd).toBeCloseTo(21_000, 9);
    expect(fair.latentBadDebtUsd).toBe(0); // 21,620 of collateral at market still covers it
  });

  it('without a peg break, derived pricing changes nothing for a loop whose legs move together', () => {
    for (const shock of [1, 0.7, 0.4]) {
      const result = run(loop, { WETH: shock }, { derivedPricing: { valuation: 'market', pegs: {} } });
      expect(result.liquidations).toBe(0); // HF = 1.0405 whatever ETH does
      expect(result.shockedPrices.wstETH).toBeCloseTo(2300 * shock, 9);
    }
  });
});

describe('exchange-rate valuation follows the parent through the rounds', () => {
  it("re-reads the parent's pool every round: a WETH sale in round 1 puts a wstETH borrower under water in round 2", () => {
    // 0xa: 10 WETH against 15,000 USDC, closed in full at WETH × 0.8 (HF 0.885); its 9.84 WETH sold
    // into a 100-WETH pool push WETH (hence ETH, hence wstETH's fair value) down ~18%. 0xb: 10
    // wstETH against 14,000 USDC, HF = 10·1,840·0.8 / 14,000 = 1.051 after the shock, under 1 after the sale.
    const toy: ToyEcosystem = {
      assets: ETH_FAMILY,
      protocols: [LENDER],
      accounts: [
        { protocol: 'lender', account: '0xa', collateral: [{ asset: 'WETH', amount: 10, liquidationThreshold: 0.83, liquidationBonus: 0.05 }], debt: [{ asset: 'USDC', amount: 15_000 }] },
        { protocol: 'lender', account: '0xb', collateral: [wsteth(10, 0.8, 0.05)], debt: [{ asset: 'USDC', amount: 14_000 }] },
      ],
      pools: [{ asset: 'WETH', assetReserve: 100, usdReserve: 200_000 }],
    };
    for (const valuation of ['market', 'exchange-rate'] as const) {
      const result = run(toy, { WETH: 0.8 }, { derivedPricing: { valuation, pegs: {} } });
      const b = result.events.find((e) => e.account === '0xb');
      expect(b?.round, valuation).toBe(2);
      expect(result.finalPrices.ETH).toBeCloseTo(result.finalPrices.WETH!, 9);
      expect(result.finalPrices.wstETH! / result.finalPrices.ETH!).toBeCloseTo(1.15, 9);
    }
  });
});

describe('liquidators sell at market: a depeg can make a liquidation unprofitable', () => {
  // 10 wstETH (LT 0.8, bonus 5%) against 17,000 USDC. WETH × 0.9 moves ETH, hence wstETH's fair
  // value to 2,070: fair HF = 20,700·0.8 / 17,000 = 0.9741 → close factor 0.5, repay 8,500 and
  // seize 8,500·1.05 / 2,070 = 4.31159 wstETH.
  const borrower: ToyEcosystem = {
    assets: ETH_FAMILY,
    protocols: [LENDER],
    accounts: [{ protocol: 'lender', account: '0xb', collateral: [wsteth(10, 0.8, 0.05)], debt: [{ asset: 'USDC', amount: 17_000 }] }],
  };
  const seizedUnits = (8_500 * 1.05) / 2_070;

  it('liquidates when the seized units are worth more than the repayment at market (peg 0.97)', () => {
    // 4.31159 · 2,070 · 0.97 = 8,657 > 8,500
    const result = run(borrower, { WETH: 0.9 }, { derivedPricing: { valuation: 'exchange-rate', pegs: { wstETH: 0.97 } } });
    expect(result.liquidations).toBeGreaterThanOrEqual(1);
    expect(result.events[0]!.seized[0]!.units).toBeCloseTo(seizedUnits, 9);
  });

  it('waits when they are worth less (peg 0.9), leaving the debt under water', () => {
    // 4.31159 · 2,070 · 0.9 = 8,032 < 8,500: no liquidator takes it; at market the account is
    // under water (18,630·0.8 < 17,000) but solvent, so nothing is written off.
    const result = run(borrower, { WETH: 0.9 }, { derivedPricing: { valuation: 'exchange-rate', pegs: { wstETH: 0.9 } } });
    expect(result.liquidations).toBe(0);
    expect(result.unliquidatedDebtUsd).toBeCloseTo(17_000, 9);
    expect(result.latentBadDebtUsd).toBe(0);
    // The same depeg under market valuation: HF = 18,630·0.8 / 17,000 = 0.8767, closed in full, profitably.
    const market = run(borrower, { WETH: 0.9 }, { derivedPricing: { valuation: 'market', pegs: { wstETH: 0.9 } } });
    expect(market.events[0]!.closeFactor).toBe(1);
    expect(market.totalBadDebtUsd).toBe(0);
  });
});

describe('receipt-token contagion', () => {
  // lender-a lends WETH against GOV; its WETH suppliers hold 20 WETH of collateral rows (the
  // reserve's supply, $40,000). lender-b accepts lender-a's aWETH (1:1 WETH) against USDC.
  const receiptLoop = (fundUsd: number): ToyEcosystem => ({
    assets: [
      { symbol: 'GOV', priceUsd: 10, kind: 'governance' },
      { symbol: 'USDC', priceUsd: 1, kind: 'stable' },
      { symbol: 'WETH', priceUsd: 2000, kind: 'native' },
      { symbol: 'aWETH', priceUsd: 2000, kind: 'receipt', underlying: 'WETH', exchangeRate: 1, issuer: 'lender-a' },
    ],
    protocols: [
      { name: 'lender-a', closeFactor: 0.5, fullCloseBelowHf: 0.95, insuranceFundUsd: fundUsd },
      { name: 'lender-b', closeFactor: 0.5, fullCloseBelowHf: 0.95 },
    ],
    accounts: [
      { protocol: 'lender-a', account: '0xgov', collateral: [{ asset: 'GOV', amount: 1000, liquidationThreshold: 0.7, liquidationBonus: 0.1 }], debt: [{ asset: 'WETH', amount: 3 }] },
      { protocol: 'lender-a', account: '0xsupplier', collateral: [{ asset: 'WETH', amount: 20, liquidationThreshold: 0.8, liquidationBonus: 0.05 }], debt: [] },
      { protocol: 'lender-b', account: '0xreceipt', collateral: [{ asset: 'aWETH', amount: 10, liquidationThreshold: 0.8, liquidationBonus: 0.05 }], debt: [{ asset: 'USDC', amount: 15_800 }] },
    ],
  });
  // GOV × 0.4: 0xgov's HF = 4,000·0.7 / 6,000 = 0.467, closed in full: 4,000 of GOV covers
  // 4,000 / 1.1 = 3,636.36 of debt; 6,000 − 3,636.36 = 2,363.64 is bad debt on lender-a's WETH reserve.
  const badDebt = 6_000 - 4_000 / 1.1;

  it('writes down the receipt token by the uncovered loss per unit of supply, and the holder protocol liquidates', () => {
    const result = run(receiptLoop(1_000), { GOV: 0.4 }, { receiptContagion: true, insuranceFunds: true });
    const uncovered = badDebt - 1_000; // 1,363.64
    const haircut = uncovered / 40_000; // 0.0340909
    expect(result.receipts!.uncoveredUsdByProtocol['lender-a']).toBeCloseTo(uncovered, 9);
    expect(result.receipts!.writeDownBySymbol.aWETH).toBeCloseTo(haircut, 12);
    // Conservation: write-down × supplied value = the loss the fund did not cover = what was socialised.
    expect(result.receipts!.writeDownBySymbol.aWETH! * 40_000).toBeCloseTo(result.losses!['lender-a']!.socialisedUsd, 2);
    // What aWETH holders lost: 10 aWETH · 2,000 · haircut.
    expect(result.receipts!.writtenDownUsd['lender-a']).toBeCloseTo(10 * 2000 * haircut, 9);
    expect(result.finalPrices.aWETH).toBeCloseTo(2000 * (1 - haircut), 9);
    // Round 2: 0xreceipt's HF = 10·1,931.82·0.8 / 15,800 = 0.9781 → half its debt liquidated.
    const second = result.events.find((e) => e.account === '0xreceipt')!;
    expect(second.round).toBe(2);
    expect(second.healthFactor).toBeCloseTo((10 * 2000 * (1 - haircut) * 0.8) / 15_800, 12);
    expect(result.liquidatedDebtUsdByProtocol['lender-b']).toBeCloseTo(7_900, 9);
    expect(result.receipts!.writeDownsByRound[0]!.aWETH).toBeCloseTo(haircut, 12);
  });

  it('leaves other protocols alone when the insurance fund covers the loss, or with receipt contagion off', () => {
    const covered = run(receiptLoop(5_000), { GOV: 0.4 }, { receiptContagion: true, insuranceFunds: true });
    const off = run(receiptLoop(1_000), { GOV: 0.4 }, { insuranceFunds: true });
    for (const result of [covered, off]) {
      expect(result.totalBadDebtUsd).toBeCloseTo(badDebt, 9);
      expect(result.liquidatedDebtUsdByProtocol['lender-b']).toBe(0);
      expect(result.finalPrices.aWETH).toBe(2000);
    }
    expect(covered.receipts!.writeDownBySymbol.aWETH).toBe(0);
    expect(off.receipts).toBeNull();
  });

  it('grows the loss with a smaller fund (monotone in the fund)', () => {
    let previous = -1;
    for (const fund of [3_000, 2_000, 1_000, 0]) {
      const result = run(receiptLoop(fund), { GOV: 0.4 }, { receiptContagion: true, insuranceFunds: true });
      const writeDown = result.receipts!.writeDownBySymbol.aWETH!;
      expect(writeDown).toBeGreaterThanOrEqual(previous);
      previous = writeDown;
    }
  });
});

describe('LP tokens', () => {
  it("values a constant-product share at what arbitrage leaves in the pool (brute-force minimum of the pool's value over its curve)", () => {
    // A 50/50 pool holding x = 0.5 WETH and y = 1,000 USDC per LP token at $2,000/WETH. After the
    // outside market moves to (p_x, p_y), arbitrageurs trade the pool to the point of x·y = k that
    // is worth least at those prices; 2·√(k·p_x·p_y) should be that minimum.
    const lp: LpComponents = { asset: [0, 1], units: [0.5, 1000], model: 'constant-product' };
    for (const [px, py] of [[2000, 1], [1400, 1], [3100, 0.97], [500, 1.02]] as const) {
      let best = Infinity;
      const k = 0.5 * 1000;
      for (let step = -20_000; step <= 20_000; step++) {
        const x = 0.5 * Math.exp(step / 5_000);
        best = Math.min(best, px * x + py * (k / x));
      }
      const value = lpValue(lp, [px, py]);
      expect(value).toBeLessThanOrEqual(best + 1e-9);
      expect(value).toBeGreaterThan(best * (1 - 1e-7));
      const [x, y] = lpRedemption(lp, [px, py]);
      expect(x! * y!).toBeCloseTo(k, 9);
      expect(x! * px + y! * py).toBeCloseTo(value, 9);
    }
  });

  it('moves an LP collateral with its components in the cascade', () => {
    const toy: ToyEcosystem = {
      assets: [
        { symbol: 'LP', priceUsd: 2000, kind: 'lp', lp: { symbol: ['WETH', 'USDC'], units: [0.5, 1000], model: 'constant-product' } },
        { symbol: 'USDC', priceUsd: 1, kind: 'stable' },
        { symbol: 'WETH', priceUsd: 2000, kind: 'native' },
      ],
      protocols: [LENDER],
      accounts: [{ protocol: 'lender', account: '0xlp', collateral: [{ asset: 'LP', amount: 10, liquidationThreshold: 0.8, liquidationBonus: 0.05 }], debt: [{ asset: 'USDC', amount: 15_000 }] }],
    };
    // WETH × 0.64: LP = 2·√(0.5·1,000·1,280·1) = 1,600 (× 0.8 of 2,000); HF = 16,000·0.8 / 15,000 = 0.8533.
    const result = run(toy, { WETH: 0.64 }, { derivedPricing: { valuation: 'market', pegs: {} } });
    expect(result.shockedPrices.LP).toBeCloseTo(1600, 9);
    expect(result.events[0]!.healthFactor).toBeCloseTo((16_000 * 0.8) / 15_000, 12);
    // The reference leaves the LP token where it was.
    expect(run(toy, { WETH: 0.64 }, {}).liquidations).toBe(0);
  });
});
