import { describe, expect, it } from 'vitest';
import { uniswapV3 } from '../../../../src/indexers/families/uniswap-v3/index.js';
import { bundles, L, POOL, SQRT_PRICE, uniswapSource, usdcWethPool, usdcWethTicks, USDC, WETH } from './uniswap-v3-fixture.js';

const listed = uniswapSource({ pools: [POOL.toUpperCase().replace('0X', '0x')] });

describe('uniswap-v3 normalize', () => {
  it('turns the USDC/WETH pool into two rows with the virtual reserves worked by hand', () => {
    const out = uniswapV3.normalize(listed, { bundles, pools: [usdcWethPool()], ticks: usdcWethTicks() });
    // x = L/√P = 2.236e18 / 22360 = 1e14 raw = 100,000,000 USDC; y = L·√P = 4.999696e22 raw = 49,996.96 WETH.
    // USDC sold: 1e8 USDC against 49,996.96 WETH × $2000 = $99,993,920.
    // WETH sold: 49,996.96 WETH against 1e8 USDC × $1 = $100,000,000 (pool price 2000.1216 $/WETH).
    const [usdcRow, wethRow] = out.liquidity;
    expect(out.liquidity).toHaveLength(2);
    expect(usdcRow).toMatchObject({ asset: 'USDC', venue: `uniswap-v3:${POOL}`, model: 'uniswap-v3' });
    expect(usdcRow!.assetReserve).toBeCloseTo(100_000_000, 6);
    expect(usdcRow!.usdReserve).toBeCloseTo(99_993_920, 5);
    expect(wethRow).toMatchObject({ asset: 'WETH', venue: `uniswap-v3:${POOL}`, model: 'uniswap-v3' });
    expect(wethRow!.assetReserve).toBeCloseTo(49_996.96, 9);
    expect(wethRow!.usdReserve).toBeCloseTo(100_000_000, 6);
    expect(wethRow!.usdReserve / wethRow!.assetReserve).toBeCloseTo(2000.1216, 4);
    for (const row of out.liquidity) {
      expect(row.ticks).toEqual([
        { tickIdx: 190000, liquidityNet: L },
        { tickIdx: 210000, liquidityNet: -L },
      ]);
    }
    expect(usdcRow!.extra).toMatchObject({ sold: 'token0', counter_asset: 'WETH', fee_tier: '500', sqrt_price_x96: SQRT_PRICE.toString(), tick: '200310', liquidity: L.toString() });
    expect(wethRow!.extra).toMatchObject({ sold: 'token1', counter_asset: 'USDC' });
  });

  it('prices tokens as derivedETH × ethPriceUSD and lists them as assets', () => {
    const out = uniswapV3.normalize(listed, { bundles, pools: [usdcWethPool()], ticks: usdcWethTicks() });
    expect(out.assets.map((a) => [a.symbol, a.decimals, a.kind, a.address])).toEqual([
      ['USDC', 6, 'stable', USDC],
      ['WETH', 18, 'native', WETH],
    ]);
    expect(out.assets[0]!.priceUsd).toBeCloseTo(1, 12); // 0.0005 × 2000
    expect(out.assets[1]!.priceUsd).toBe(2000);
    expect(out.assets[1]!.priceSource).toBe('uniswap-mainnet:derivedETH×ethPriceUSD');
    expect(out.protocols).toEqual([]);
    expect(out.warnings).toEqual([]);
  });

  it('reads pools above minTvlUsd from the TVL collections, the union with listed ones, each once', () => {
    const other = '0x8ad599c3a0ff1de082011efddc58f1908eb6e6d8';
    const out = uniswapV3.normalize(uniswapSource({ pools: [POOL], minTvlUsd: 50_000_000 }), {
      bundles,
      pools: [usdcWethPool()],
      poolsAboveTvl: [usdcWethPool(), usdcWethPool({ id: other, feeTier: '3000' })],
      ticks: usdcWethTicks(),
      ticksAboveTvl: [...usdcWethTicks(), ...usdcWethTicks(other)],
    });
    expect(out.liquidity.map((r) => r.venue)).toEqual([`uniswap-v3:${POOL}`, `uniswap-v3:${POOL}`, `uniswap-v3:${other}`, `uniswap-v3:${other}`]);
  });

  it('ignores pools a server returned outside the selection, with a warning', () => {
    const out = uniswapV3.normalize(uniswapSource({ minTvlUsd: 100_000_000 }), { bundles, poolsAboveTvl: [usdcWethPool()], ticksAboveTvl: usdcWethTicks() });
    expect(out.liquidity).toEqual([]);
    expect(out.warnings).toEqual(['1 pool(s) outside options.pools/minTvlUsd were returned and ignored']);
  });

  it('fails on a tick book inconsistent with the pool, naming the pool and block', () => {
    const ticks = usdcWethTicks(POOL, L / 2n);
    expect(() => uniswapV3.normalize(listed, { bundles, pools: [usdcWethPool()], ticks })).toThrow(
      `contagion/indexers: source uniswap-mainnet, entity ticks: pool ${POOL}: tick book inconsistent at block 19000000 (2 initialised ticks read): active liquidity ${L} differs from the sum of liquidityNet at or below tick 200310, ${L / 2n}`,
    );
  });

  it('names source, entity, id and field of a missing field or a non-numeric amount', () => {
    const { sqrtPrice: _dropped, ...noPrice } = usdcWethPool();
    expect(() => uniswapV3.normalize(listed, { bundles, pools: [noPrice], ticks: [] })).toThrow(
      /source uniswap-mainnet, entity pools: malformed item "0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640": field "sqrtPrice"/,
    );
    expect(() => uniswapV3.normalize(listed, { bundles, pools: [usdcWethPool({ liquidity: '2.5e18' })], ticks: [] })).toThrow(
      /entity pools: malformed item "0x88e6.*": field "liquidity": must be a non-negative integer amount/,
    );
    expect(() => uniswapV3.normalize(listed, { bundles, pools: [usdcWethPool()], ticks: [{ ...usdcWethTicks()[0], liquidityNet: 'many' }] })).toThrow(
      /entity ticks: malformed item "0x88e6.*#190000": field "liquidityNet"/,
    );
  });

  it('stops on an unpriced token unless options.prices prices it', () => {
    const pool = usdcWethPool({ token0: { id: USDC, symbol: 'USDC', decimals: '6', derivedETH: '0' } });
    expect(() => uniswapV3.normalize(listed, { bundles, pools: [pool], ticks: usdcWethTicks() })).toThrow(/entity pools: token0.derivedETH of id 0x88e6.* set options.prices/);
    const priced = uniswapV3.normalize(uniswapSource({ pools: [POOL], prices: { USDC: 1 } }), { bundles, pools: [pool], ticks: usdcWethTicks() });
    expect(priced.assets[0]).toMatchObject({ symbol: 'USDC', priceUsd: 1, priceSource: 'uniswap-mainnet:options.prices' });
  });

  it('stops on a pool worth more than $100B and on wrong decimals', () => {
    expect(() => uniswapV3.normalize(listed, { bundles, pools: [usdcWethPool({ totalValueLockedUSD: '2e11' })], ticks: usdcWethTicks() })).toThrow(
      /entity pools: totalValueLockedUSD of id 0x88e6.* is worth 2.000e\+11 USD, above the \$100B bound/,
    );
    const wrongDecimals = usdcWethPool({ token1: { id: WETH, symbol: 'WETH', decimals: '40', derivedETH: '1' } });
    expect(() => uniswapV3.normalize(listed, { bundles, pools: [wrongDecimals], ticks: usdcWethTicks() })).toThrow(/token1.decimals "40" of id 0x88e6/);
  });

  it('rejects a config without a selection and a listed pool the subgraph lacks', () => {
    expect(() => uniswapV3.normalize(uniswapSource({}), { bundles, pools: [] })).toThrow(/source uniswap-mainnet: config field "options": give "pools"/);
    expect(() => uniswapV3.normalize(uniswapSource({ pools: ['0xabc'] }), { bundles, pools: [] })).toThrow(/options.pools names 1 pool\(s\) the subgraph does not have at block 19000000: 0xabc/);
    expect(() => uniswapV3.normalize(uniswapSource({ pools: ['pool'] }), { bundles })).toThrow(/config field "options.pools.0": a pool id is a 0x-prefixed hex address/);
  });
});
