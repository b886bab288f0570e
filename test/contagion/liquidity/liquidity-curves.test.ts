/**
 * Liquidity rows as the indexers write them (Uniswap v3 pool rows with their ticks, Messari DEX
 * rows with StableSwap's A) → venue details → depth curves, with the constant-product fallbacks
 * and, merged, the reference cascade's pools.
 */
import { describe, expect, it } from 'vitest';
import { prepareCascade } from '../../../src/contagion/index.js';
import { arbitrageToPrice, sellIntoPool } from '../../../src/contagion/constant-product-pool.js';
import { dexPoolRows } from '../../../src/indexers/families/messari-dex/pool-rows.js';
import { poolLiquidityRows } from '../../../src/indexers/families/uniswap-v3/pool-rows.js';
import {
  concentratedVenue,
  liquidityCurves,
  routeSale,
  stableswapState,
  venueDetails,
  type LiquidityCurvesInput,
} from '../../../src/contagion/liquidity/index.js';
import type { LiquidityRow } from '../../../src/store/index.js';
import { toySnapshot } from '../../helpers/toy-ecosystem.js';
import { poolInput, usdcWeth } from './books.js';

const SYMBOLS = ['DAI', 'USDC', 'USDT', 'WETH'];
const PRICES = [1, 1, 1, 2000];

/** The columns the store loader is to provide: the table's own plus each row's extra and ticks. */
function input(rows: readonly LiquidityRow[]): LiquidityCurvesInput {
  const { details, problems } = venueDetails(rows.map((r) => ({ asset: r.asset, model: r.model, extra: r.extra as Record<string, string>, ticks: r.ticks ?? null })));
  return {
    assets: { symbol: SYMBOLS, priceUsd: Float64Array.from(PRICES) },
    liquidity: {
      asset: Int32Array.from(rows.map((r) => SYMBOLS.indexOf(r.asset))),
      venue: rows.map((r) => r.venue),
      model: rows.map((r) => r.model),
      assetReserve: Float64Array.from(rows.map((r) => r.assetReserve)),
      usdReserve: Float64Array.from(rows.map((r) => r.usdReserve)),
    },
    details,
    problems,
  };
}

const uniswapRows = poolLiquidityRows({
  id: '0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640',
  feeTier: 500,
  book: usdcWeth,
  token0: { asset: 'USDC', decimals: 6, priceUsd: 1 },
  token1: { asset: 'WETH', decimals: 18, priceUsd: 2000 },
  tvlUsd: 1e8,
});

const stablePair = dexPoolRows({
  id: '0xpair', venue: 'curve:pair', protocol: 'curve', name: 'USDC/USDT', amplification: 1000, weights: [], feeFraction: 0.0004, tvlUsd: 3e7,
  tokens: [{ asset: 'USDC', balance: 1e7, priceUsd: 1 }, { asset: 'USDT', balance: 2e7, priceUsd: 1 }],
});
const threePool = dexPoolRows({
  id: '0x3pool', venue: 'curve:3pool', protocol: 'curve', name: '3pool', amplification: 2000, weights: [], feeFraction: 0.0001, tvlUsd: 4e8,
  tokens: [{ asset: 'DAI', balance: 1e8, priceUsd: 1 }, { asset: 'USDC', balance: 1.2e8, priceUsd: 1 }, { asset: 'USDT', balance: 8e7, priceUsd: 1 }],
});

describe('liquidityCurves from indexed rows', () => {
  it('reads a Uniswap v3 pool row with its ticks as the concentrated venue of that pool, for either token', () => {
    const { curves, rowModels, warnings } = liquidityCurves(input(uniswapRows));
    expect(warnings).toEqual([]);
    expect(rowModels).toEqual(['concentrated', 'concentrated']);
    const weth = curves[3]!.venues[0]!;
    const direct = concentratedVenue(poolInput(usdcWeth, 'token1', { decimals0: 6, decimals1: 18, feePips: 500, counterAsset: 'USDC', counterPriceUsd: 1 }));
    expect(weth.priceUsd()).toBe(direct.priceUsd());
    expect(weth.sell(1000).fill).toEqual(direct.sell(1000).fill);
    expect(curves[1]!.venues[0]!.priceUsd()).toBeCloseTo(4.999696e-4 * 2000, 12);
    // The constant-product row the reference reads has the same local depth: a small sale agrees.
    const row = uniswapRows[1]!;
    const cpmm = row.usdReserve - sellIntoPool(row, 1).usdReserve;
    expect(Math.abs(weth.sell(1).fill.usd / (1 - 0.0005) / cpmm - 1)).toBeLessThan(1e-6);
  });

  it('reads a two-coin StableSwap row against its counter token, and a 3pool row against the rest of the pool', () => {
    const { curves, rowModels, warnings } = liquidityCurves(input([...stablePair, ...threePool]));
    expect(rowModels).toEqual(['stableswap', 'stableswap', 'stableswap', 'stableswap', 'stableswap']);
    const usdc = stableswapState(curves[1]!.venues[0]!)!;
    expect(usdc).toMatchObject({ amplification: 1000, assetBalance: 1e7, counterBalance: 2e7 });
    expect(curves[1]!.venues[0]!.counterAsset).toBe('USDT');
    // DAI in 3pool: 1e8 DAI against $2e8 of USDC + USDT, one basket unit worth DAI's $1.
    expect(stableswapState(curves[0]!.venues[0]!)).toMatchObject({ amplification: 2000, assetBalance: 1e8, counterBalance: 2e8 });
    expect(curves[0]!.venues[0]!.counterAsset).toBeNull();
    expect(warnings).toEqual([
      'contagion/liquidity/liquidity-curves: 3 stableswap row(s) of pools of more than two coins read as two coins, the asset against the rest of the pool: DAI@curve:3pool, USDC@curve:3pool, USDT@curve:3pool',
    ]);
  });

  it('falls back to constant product, with a warning per reason, when a row cannot be read', () => {
    const noTicks = uniswapRows.map((r) => ({ ...r, ticks: [] }));
    const noA = stablePair.map((r) => ({ ...r, model: 'stableswap' as const, extra: { ...r.extra, A: '' } }));
    const broken = { ...uniswapRows[0]!, venue: 'uniswap-v3:broken', extra: { ...uniswapRows[0]!.extra, liquidity: '1' } };
    const empty = { asset: 'DAI', venue: 'dry', model: 'cpmm' as const, assetReserve: 0, usdReserve: 0, extra: {} };
    const { curves, rowModels, warnings } = liquidityCurves(input([...noTicks, ...noA, broken, empty]));
    expect(rowModels).toEqual(['constant-product', 'constant-product', 'constant-product', 'constant-product', 'constant-product', null]);
    expect(curves[3]!.venues[0]!.priceUsd()).toBe(uniswapRows[1]!.usdReserve / uniswapRows[1]!.assetReserve);
    expect(curves[0]).toBeNull();
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toBe('contagion/liquidity/liquidity-curves: 2 row(s) read as constant product from their equivalent reserves (uniswap-v3: no initialised ticks): USDC@uniswap-v3:0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640, WETH@uniswap-v3:0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640');
    expect(warnings[1]).toMatch(/2 row\(s\) read as constant product .*\(stableswap: extra.A is "", not an amplification > 0\): USDC@curve:pair, USDT@curve:pair/);
    expect(warnings[2]).toMatch(/\(uniswap-v3: contagion\/liquidity\/concentrated-frame: venue uniswap-v3:broken: tick book is inconsistent: active liquidity 1 differs/);
    expect(warnings[3]).toBe('contagion/liquidity/liquidity-curves: 1 row(s) without positive reserves skipped: DAI@dry');
  });

  it('rejects details that do not match the rows', () => {
    expect(() => liquidityCurves({ ...input(uniswapRows), details: [] })).toThrow('contagion/liquidity/liquidity-curves: details has 0 entries for 2 liquidity rows');
  });
});

describe('liquidityCurves merged = the reference cascade pools', () => {
  const toy = toySnapshot({
    assets: [{ symbol: 'USDC', priceUsd: 1 }, { symbol: 'WETH', priceUsd: 2000 }, { symbol: 'WBTC', priceUsd: 60_000 }],
    protocols: [{ name: 'aave', closeFactor: 0.5 }],
    accounts: [],
    pools: [
      { asset: 'WETH', assetReserve: 1000, usdReserve: 2_000_000, venue: 'a' },
      { asset: 'WETH', assetReserve: 333.3, usdReserve: 700_000, venue: 'b' },
      { asset: 'WBTC', assetReserve: 10, usdReserve: 600_000, venue: 'c' },
    ],
  });

  it('holds prepareCascade pools, arbitraged and sold into bit for bit', () => {
    const prepared = prepareCascade(toy);
    const { curves } = liquidityCurves({ assets: toy.assets, liquidity: toy.liquidity }, { mergeConstantProduct: true });
    expect(curves[0]).toBeNull();
    for (const a of [1, 2]) {
      const pool = { assetReserve: prepared.poolAsset[a]!, usdReserve: prepared.poolUsd[a]! };
      const curve = curves[a]!;
      expect(curve.venues).toHaveLength(1);
      expect(curve.venues[0]!.priceUsd()).toBe(pool.usdReserve / pool.assetReserve);
      const shocked = arbitrageToPrice(pool, toy.assets.priceUsd[a]! * 0.7);
      const shockedCurve = { ...curve, venues: [curve.venues[0]!.arbitrage(toy.assets.priceUsd[a]! * 0.7, 1)] };
      const sold = sellIntoPool(shocked, 12.5);
      const routed = routeSale(shockedCurve, 12.5);
      expect(routed.priceUsd).toBe(sold.usdReserve / sold.assetReserve);
      expect(routed.usdReceived).toBe(shocked.usdReserve - sold.usdReserve);
    }
  });
});
