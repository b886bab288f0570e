/**
 * Hand-built Messari DEX AMM payloads (schema 1.3.x, as queries/subgraphs/messari-dex/*.graphql
 * return them): SushiSwap's USDC/WETH pair and Curve's 3pool on Ethereum, in made-up states.
 */
import { describe, expect, it } from 'vitest';
import { messariDex } from '../../../../src/indexers/families/messari-dex/index.js';
import type { ResolvedSource } from '../../../../src/indexers/source-family.js';

const SUSHI_PAIR = '0x397ff1542f962076d0bfe58ea045ffa2d347aca0';
const THREE_POOL = '0xbebc44782c7db0a1a60cb6fe97d0b483032ff1c7';
const USDC = { id: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', decimals: 6, lastPriceUSD: '1' };
const WETH = { id: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', symbol: 'WETH', decimals: 18, lastPriceUSD: '2000' };
const DAI = { id: '0x6b175474e89094c44da98b954eedeac495271d0f', symbol: 'DAI', decimals: 18, lastPriceUSD: '1' };
const USDT = { id: '0xdac17f958d2ee523a2206206994597c13d831ec7', symbol: 'USDT', decimals: 6, lastPriceUSD: '1' };

const source = (options: Record<string, unknown>): ResolvedSource => ({
  config: { name: 'dex-mainnet', schema: 'messari-dex', chain: 'ethereum', endpoint: 'https://gateway.example/api/subgraphs/id/y', options },
  protocol: 'dex-mainnet',
  block: 19_000_000,
  blockTimestamp: null,
});

// 20,000,000 USDC (2e13 raw) and 10,000 WETH (1e22 raw): $20M a side.
const sushiPair = (over: Record<string, unknown> = {}) => ({
  id: SUSHI_PAIR,
  name: 'SushiSwap USDC/WETH',
  protocol: { name: 'SushiSwap', slug: 'sushiswap' },
  inputTokens: [USDC, WETH],
  inputTokenBalances: ['20000000000000', '10000000000000000000000'],
  inputTokenWeights: ['50', '50'],
  totalValueLockedUSD: '40000000',
  fees: [{ feeType: 'FIXED_TRADING_FEE', feePercentage: '0.3' }],
  ...over,
});

// DAI 100M (1e26 raw), USDC 120M (1.2e14 raw), USDT 80M (8e13 raw), all at $1.
const threePool = {
  id: THREE_POOL,
  name: 'Curve.fi DAI/USDC/USDT',
  protocol: { name: 'Curve Finance', slug: 'curve-finance' },
  inputTokens: [DAI, USDC, USDT],
  inputTokenBalances: ['100000000000000000000000000', '120000000000000', '80000000000000'],
  inputTokenWeights: ['33.3', '40', '26.7'],
  totalValueLockedUSD: '300000000',
  fees: [{ feeType: 'FIXED_TRADING_FEE', feePercentage: '0.04' }],
};

describe('messari-dex normalize', () => {
  it('turns a two-token pool into two constant-product rows from its balances', () => {
    const out = messariDex.normalize(source({ pools: [SUSHI_PAIR] }), { liquidityPools: [sushiPair()] });
    // USDC sold: 2e7 USDC against 10,000 WETH × $2000 = $2e7; WETH sold: 1e4 WETH against $2e7 of USDC.
    expect(out.liquidity.map((r) => [r.asset, r.venue, r.model, r.assetReserve, r.usdReserve])).toEqual([
      ['USDC', `sushiswap:${SUSHI_PAIR}`, 'cpmm', 20_000_000, 20_000_000],
      ['WETH', `sushiswap:${SUSHI_PAIR}`, 'cpmm', 10_000, 20_000_000],
    ]);
    expect(out.liquidity[1]!.extra).toMatchObject({ counter: 'USDC', fee_fraction: '0.003', approximation: 'two-token pool' });
    expect(out.assets.map((a) => [a.symbol, a.priceUsd, a.priceSource])).toEqual([
      ['USDC', 1, 'dex-mainnet:lastPriceUSD'],
      ['WETH', 2000, 'dex-mainnet:lastPriceUSD'],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('models each 3pool token against the rest of the pool, as stableswap when A is given', () => {
    const out = messariDex.normalize(source({ minTvlUsd: 1e8, amplification: { [THREE_POOL]: 2000 } }), { liquidityPoolsAboveTvl: [threePool] });
    // DAI: 1e8 against USDC + USDT = $2e8; USDC: 1.2e8 against $1.8e8; USDT: 8e7 against $2.2e8.
    expect(out.liquidity.map((r) => [r.asset, r.model, r.assetReserve, r.usdReserve, r.extra?.A])).toEqual([
      ['DAI', 'stableswap', 1e8, 2e8, '2000'],
      ['USDC', 'stableswap', 1.2e8, 1.8e8, '2000'],
      ['USDT', 'stableswap', 8e7, 2.2e8, '2000'],
    ]);
    expect(out.warnings).toEqual([
      "1 pool(s) hold more than two tokens: each token is modelled as a constant-product pool against the USD value of the rest of the pool (an approximation)",
    ]);
  });

  it('falls back to constant product with a warning when a StableSwap pool has no A', () => {
    const out = messariDex.normalize(source({ pools: [THREE_POOL] }), { liquidityPools: [threePool] });
    expect(out.liquidity.map((r) => r.model)).toEqual(['cpmm', 'cpmm', 'cpmm']);
    expect(out.warnings).toContain('1 StableSwap pool(s) have no options.amplification: modelled as constant product, which understates their depth near the peg');
  });

  it('names source, entity, id and field of bad data', () => {
    const run = (pool: unknown) => () => messariDex.normalize(source({ pools: [SUSHI_PAIR] }), { liquidityPools: [pool] });
    const { totalValueLockedUSD: _tvl, ...noTvl } = sushiPair();
    expect(run(noTvl)).toThrow(/source dex-mainnet, entity liquidityPools: malformed item "0x397f.*": field "totalValueLockedUSD"/);
    expect(run(sushiPair({ inputTokenBalances: ['20000000000000', '1e22'] }))).toThrow(/field "inputTokenBalances.1": must be a non-negative integer amount/);
    expect(run(sushiPair({ inputTokenBalances: ['20000000000000'] }))).toThrow(/inputTokenBalances of id 0x397f.* has 1 entries for 2 inputTokens/);
    expect(run(sushiPair({ inputTokens: [USDC, { ...WETH, lastPriceUSD: null }] }))).toThrow(/inputTokens.1.lastPriceUSD of id 0x397f.* set options.prices/);
    expect(run(sushiPair({ inputTokens: [USDC, { ...WETH, lastPriceUSD: '-5' }] }))).toThrow(/lastPriceUSD -5 of id 0x397f.* is negative/);
    // Stored [WETH, UNI] but served by id, [UNI, WETH]: 1000 WETH read as UNI ($10k), 200,000 UNI as WETH ($400M), TVL $4M.
    const UNI = { id: '0x1f9840a85d5af5bf1d1762f925bdaddc4201f984', symbol: 'UNI', decimals: 18, lastPriceUSD: '10' };
    const misPaired = sushiPair({ inputTokens: [UNI, WETH], inputTokenBalances: ['1000000000000000000000', '200000000000000000000000'], totalValueLockedUSD: '4000000' });
    expect(run(misPaired)).toThrow(/pool 0x397f.*: inputTokenBalances at token prices are worth 4.000e\+8 USD against totalValueLockedUSD 4.000e\+6: the balances do not pair with inputTokens/);
    // WETH balance read as if it had 6 decimals: 1e16 WETH × $2000 = $2e19.
    expect(run(sushiPair({ inputTokens: [USDC, { ...WETH, decimals: 6 }] }))).toThrow(/inputTokenBalances.1 at its price of id 0x397f.* above the \$100B bound/);
  });
});
