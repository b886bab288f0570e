/**
 * CurveImpact, the cascade's PriceImpact over depth curves: with every venue one merged
 * constant-product pool it is the default pools model (random ecosystems, every option off and with
 * arbitrage inflow); over a hand-built Uniswap v3 pool beside a constant-product pool it sells what
 * routeSale reports, its price falls with every unit, recovery restores the target, units past the
 * last tick are flagged, and counter tokens follow their prices.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contagionCascade, prepareCascade, type ContagionResult } from '../../../src/contagion/index.js';
import {
  concentratedVenue,
  constantProductVenue,
  CurveImpact,
  curveImpact,
  depthCurve,
  liquidityCurves,
  routeSale,
  type DepthCurve,
} from '../../../src/contagion/liquidity/index.js';
import { arbitraryEcosystem, uniformShock } from '../../helpers/random-ecosystem.js';
import { toySnapshot } from '../../helpers/toy-ecosystem.js';
import { poolInput, usdcWeth } from './books.js';

const RUNS = { numRuns: 150, seed: 20240615 };
const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

function expectSameCascade(curves: ContagionResult, pools: ContagionResult): void {
  expect(curves.rounds).toBe(pools.rounds);
  expect(curves.liquidations).toBe(pools.liquidations);
  expect(Object.keys(curves.badDebtByProtocol)).toEqual(Object.keys(pools.badDebtByProtocol));
  for (const [protocol, usd] of Object.entries(pools.badDebtByProtocol)) expect(relative(curves.badDebtByProtocol[protocol]!, usd), protocol).toBeLessThan(1e-9);
  for (const [asset, price] of Object.entries(pools.finalPrices)) expect(relative(curves.finalPrices[asset]!, price), asset).toBeLessThan(1e-9);
}

describe('CurveImpact over merged constant-product pools = the default pools model', () => {
  it('gives the same bad debt per protocol and final prices on random ecosystems, with and without arbitrage inflow', () => {
    fc.assert(
      fc.property(
        arbitraryEcosystem({ withPools: true, riskyDebt: true, maxAccounts: 40 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
        (toy, m, alpha) => {
          const snapshot = toySnapshot(toy);
          const prepared = prepareCascade(snapshot);
          const { curves, rowModels } = liquidityCurves({ assets: snapshot.assets, liquidity: snapshot.liquidity }, { mergeConstantProduct: true });
          expect(rowModels.every((model) => model === 'constant-product')).toBe(true);
          const options = { arbitrageInflow: alpha, liquidity: 'curves' as const };
          const pools = contagionCascade(prepared, uniformShock(m), { arbitrageInflow: alpha });
          const routed = contagionCascade(prepared, uniformShock(m), options, [], curveImpact(snapshot.assets.symbol, curves));
          expectSameCascade(routed, pools);
        },
      ),
      RUNS,
    );
  });
});

describe('CurveImpact over a Uniswap v3 pool and a constant-product pool of WETH', () => {
  const SYMBOLS = ['USDC', 'WETH'];
  const TARGET = 1950; // inside the book's active range [200000, 200600): 1 WETH ≈ 2000.12 USDC at the snapshot
  const uniswap = () => concentratedVenue(poolInput(usdcWeth, 'token1', { name: 'uniswap-v3', decimals0: 6, decimals1: 18, feePips: 500, counterAsset: 'USDC', counterPriceUsd: 1 }));
  const cpmm = constantProductVenue({ name: 'cpmm', assetReserve: 500, usdReserve: 1_000_000 });
  const impactOver = (weth: DepthCurve, usdc: DepthCurve | null = null, usdcPrice = 1, counters: 'shocked' | 'cascade' = 'shocked'): CurveImpact =>
    new CurveImpact({ symbols: SYMBOLS, curves: [usdc, weth], shockedPrice: Float64Array.from([usdcPrice, TARGET]) }, { counters });

  it('starts every venue at the shocked price', () => {
    const impact = impactOver(depthCurve('WETH', [uniswap(), cpmm]));
    expect(impact.price(1)).toBe(TARGET);
    for (const venue of impact.curve(1)!.venues) expect(relative(venue.priceUsd(), TARGET)).toBeLessThan(1e-12);
    expect(impact.hasVenue(0)).toBe(false);
    expect(impact.sell(0, 10)).toBe(10); // no venue: valued at its price
  });

  it('receives exactly what routeSale reports, across both venues, and its price falls with every unit sold', () => {
    const impact = impactOver(depthCurve('WETH', [uniswap(), cpmm]));
    let last = impact.price(1);
    for (let sale = 0; sale < 12; sale++) {
      const route = routeSale(impact.curve(1)!, 25);
      if (sale === 0) for (const fill of route.fills) expect(fill.units, fill.venue).toBeGreaterThan(0);
      expect(impact.sell(1, 25)).toBe(route.usdReceived);
      expect(impact.price(1)).toBe(route.priceUsd);
      expect(impact.price(1)).toBeLessThan(last);
      last = impact.price(1);
    }
    // 300 WETH: past the concentrated venue's first range, still sold in full.
    expect(impact.warnings()).toEqual([]);
  });

  it('ends lower the more it sells in one sale', () => {
    const prices = [1, 10, 50, 100, 200, 400, 800].map((units) => {
      const impact = impactOver(depthCurve('WETH', [uniswap(), cpmm]));
      impact.sell(1, units);
      return impact.price(1);
    });
    for (let i = 1; i < prices.length; i++) expect(prices[i]!).toBeLessThan(prices[i - 1]!);
  });

  it('is restored to the target by recovery with α = 1, and moved part of the way by α = 0.5', () => {
    const impact = impactOver(depthCurve('WETH', [uniswap(), cpmm]));
    impact.sell(1, 200);
    const low = impact.price(1);
    impact.recover(1, TARGET, 0);
    expect(impact.price(1)).toBe(low);
    impact.recover(1, TARGET, 0.5);
    expect(impact.price(1)).toBeGreaterThan(low);
    expect(impact.price(1)).toBeLessThan(TARGET);
    impact.recover(1, TARGET, 1);
    expect(relative(impact.price(1), TARGET)).toBeLessThan(1e-12);
    for (const venue of impact.curve(1)!.venues) expect(relative(venue.priceUsd(), TARGET)).toBeLessThan(1e-12);
  });

  it('values units past the last initialised tick at the price after the sale, and warns once per asset', () => {
    const impact = impactOver(depthCurve('WETH', [uniswap()]));
    const capacity = impact.curve(1)!.venues[0]!.capacityUnits();
    const route = routeSale(impact.curve(1)!, capacity + 5);
    expect(relative(route.unsoldUnits, 5)).toBeLessThan(1e-9);
    expect(impact.sell(1, capacity + 5)).toBe(route.usdReceived + route.unsoldUnits * route.priceUsd);
    expect(impact.sell(1, 2)).toBe(2 * route.priceUsd);
    const warnings = impact.warnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^contagion\/liquidity\/curve-impact: asset WETH: 7\.0+\d* units in 2 sale\(s\) found no venue with liquidity left/);
  });

  it('by default keeps counter tokens at the shocked prices: the cascade\'s USDC sales do not move WETH\'s WETH/USDC pool', () => {
    const usdc = depthCurve('USDC', [constantProductVenue({ name: 'usdc-pool', assetReserve: 1e6, usdReserve: 1e6 })]);
    const impact = impactOver(depthCurve('WETH', [uniswap()]), usdc, 0.95);
    expect(impact.curve(1)!.venues[0]!.counterPriceUsd).toBe(0.95);
    impact.sell(0, 100_000);
    expect(impact.price(0)).toBeLessThan(0.95);
    expect(impact.price(1)).toBe(TARGET);
    expect(impact.curve(1)!.venues[0]!.counterPriceUsd).toBe(0.95);
  });

  it("with counters: 'cascade', revalues the counter token as its price moves: a falling USDC lowers WETH on its WETH/USDC pool", () => {
    const usdc = depthCurve('USDC', [constantProductVenue({ name: 'usdc-pool', assetReserve: 1e6, usdReserve: 1e6 })]);
    const impact = impactOver(depthCurve('WETH', [uniswap()]), usdc, 0.95, 'cascade');
    // Built at USDC's shocked price, then arbitraged to WETH's target.
    expect(impact.curve(1)!.venues[0]!.counterPriceUsd).toBe(0.95);
    expect(impact.price(1)).toBe(TARGET);
    impact.sell(0, 100_000);
    const usdcNow = impact.price(0);
    expect(usdcNow).toBeLessThan(0.95);
    expect(relative(impact.price(1), (TARGET * usdcNow) / 0.95)).toBeLessThan(1e-12);
    expect(impact.curve(1)!.venues[0]!.counterPriceUsd).toBe(usdcNow);
  });

  it('names a curve given for the wrong asset', () => {
    expect(() => new CurveImpact({ symbols: SYMBOLS, curves: [null, depthCurve('WBTC', [cpmm])], shockedPrice: Float64Array.from([1, TARGET]) })).toThrow(
      'contagion/liquidity/curve-impact: curve 1 is for asset WBTC, expected WETH',
    );
  });
});
