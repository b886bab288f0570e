/**
 * A hand-built Opyn Gamma payload in Messari's derivatives-options schema, shaped as
 * queries/subgraphs/messari-options/*.graphql return it. As Messari's Opyn mapping writes them
 * (messari/subgraphs subgraphs/opyn-gamma/src/entities/{option,pool,position}.ts): an option's id
 * is its oToken's address and the oToken is a Token with 8 decimals; strikePrice is the on-chain
 * 1e8-scaled strike as a decimal; a pool is the MarginPool's balance of one collateral token and
 * its id is that token's address; Position.amount is raw oTokens.
 */
import { describe, expect, it } from 'vitest';
import { messariOptions } from '../../../../src/indexers/families/messari-options/index.js';
import type { ResolvedSource } from '../../../../src/indexers/source-family.js';

const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const CALL = '0x1111111111111111111111111111111111111111';
const PUT = '0x2222222222222222222222222222222222222222';
const ALICE = '0xa11ce00000000000000000000000000000000001';
const BOB = '0xb0b0000000000000000000000000000000000002';
const CAROL = '0xca401000000000000000000000000000000000003';
const EXPIRY = '1719561600'; // 2024-06-28T08:00:00Z, Opyn's Friday 08:00 UTC expiry

const source = (options: Record<string, unknown> = {}): ResolvedSource => ({
  config: { name: 'opyn-mainnet', schema: 'messari-options', chain: 'ethereum', endpoint: 'https://gateway.example/api/subgraphs/id/z', options },
  protocol: 'opyn',
  block: 19_000_000,
  blockTimestamp: null,
});

const tokens = [
  { id: WETH, symbol: 'WETH', decimals: 18, lastPriceUSD: '2000' },
  { id: USDC, symbol: 'USDC', decimals: 6, lastPriceUSD: '1' },
  { id: CALL, symbol: 'oWETHUSDC/WETH-28JUN24-2500C', decimals: 8, lastPriceUSD: null },
  { id: PUT, symbol: 'oWETHUSDC/USDC-28JUN24-1800P', decimals: 8, lastPriceUSD: null },
];
const option = (over: Record<string, unknown>): Record<string, unknown> => ({
  name: 'oToken',
  symbol: 'oWETH',
  underlyingAsset: { id: WETH },
  strikeAsset: { id: USDC },
  expirationTimestamp: EXPIRY,
  ...over,
});
// 15 calls (1.5e9 raw oTokens) at 2500, written against 15 WETH; 10 puts at 1800 against 18,000 USDC.
const options = [
  option({ id: CALL, type: 'CALL', pool: { id: WETH }, collateralAsset: { id: WETH }, strikePrice: '2500', lastPriceUSD: '45.5', totalSupply: '1500000000' }),
  option({ id: PUT, type: 'PUT', pool: { id: USDC }, collateralAsset: { id: USDC }, strikePrice: '1800', lastPriceUSD: null, totalSupply: '1000000000' }),
];
const position = (id: string, account: string, optionId: string, amount: string, closed: string | null = null) => ({
  id,
  account: { id: account },
  option: { id: optionId },
  asset: { id: WETH },
  pool: { id: optionId === CALL ? WETH : USDC },
  amount,
  premium: '0',
  takenTimestamp: '1717000000',
  closedTimestamp: closed,
  exercisedTimestamp: null,
});
const positions = [
  position('0x01', ALICE, CALL, '1000000000'), // 10 calls
  position('0x02', BOB, CALL, '500000000'), // 5 calls
  position('0x03', CAROL, PUT, '400000000'), // 4 puts
  position('0x04', CAROL, PUT, '900000000', '1718000000'), // closed: not a holding
];
const liquidityPools = [
  { id: WETH, name: 'Wrapped Ether', inputTokens: [{ id: WETH }], inputTokenBalances: ['15000000000000000000'], totalValueLockedUSD: '30000' },
  { id: USDC, name: 'USD Coin', inputTokens: [{ id: USDC }], inputTokenBalances: ['18000000000'], totalValueLockedUSD: '18000' },
];
const payload = { tokens, options, positions, liquidityPools };

describe('messari-options normalize', () => {
  it('writes the protocol, options, longs, shorts and the writers collateral', () => {
    const out = messariOptions.normalize(source(), payload);
    expect(out.protocols).toEqual([
      { protocol: 'opyn', kind: 'options', chain: 'ethereum', isolation: 'pooled', closeFactor: 1, fullCloseBelowHf: null, insuranceFundUsd: null, extra: { schema: 'messari-options' } },
    ]);
    expect(out.assets.map((a) => [a.symbol, a.priceUsd])).toEqual([
      ['USDC', 1],
      ['WETH', 2000],
    ]);
    expect(out.options.map((o) => [o.optionId, o.underlying, o.optionType, o.strikeUsd, o.expiry, o.collateralAsset, o.markUsd])).toEqual([
      [CALL, 'WETH', 'call', 2500, '2024-06-28T08:00:00.000Z', 'WETH', 45.5],
      [PUT, 'WETH', 'put', 1800, '2024-06-28T08:00:00.000Z', 'USDC', null],
    ]);
    // Sizes are oTokens (8 decimals) = units of WETH. Shorts are each option's totalSupply.
    expect(out.optionPositions.map((p) => [p.account, p.optionId, p.side, p.size, p.extra])).toEqual([
      [ALICE, CALL, 'long', '10', { open_positions: '1' }],
      [BOB, CALL, 'long', '5', { open_positions: '1' }],
      [CAROL, PUT, 'long', '4', { open_positions: '1' }],
      [WETH, CALL, 'short', '15', { size_basis: 'totalSupply' }],
      [USDC, PUT, 'short', '10', { size_basis: 'totalSupply' }],
    ]);
    expect(out.positions.map((p) => [p.protocol, p.account, p.market, p.asset, p.side, p.amount])).toEqual([
      ['opyn', WETH, 'WETH', 'WETH', 'collateral', '15'],
      ['opyn', USDC, 'USDC', 'USDC', 'collateral', '18000'],
    ]);
    expect(out.markets.map((m) => [m.market, m.asset, m.ltv, m.liquidationThreshold, m.liquidationBonus])).toEqual([
      ['USDC', 'USDC', 1, 1, 0],
      ['WETH', 'WETH', 1, 1, 0],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('sizes options that are not tokens (Dopex) by options.optionDecimals and shorts them by their open longs', () => {
    const dopex = { ...payload, tokens: tokens.slice(0, 2), options: options.map((o) => ({ ...o, totalSupply: null })) };
    expect(() => messariOptions.normalize(source(), dopex)).toThrow(/entity options: option 0x1111.* is not a token in the subgraph, .* set options.optionDecimals/);
    const out = messariOptions.normalize(source({ optionDecimals: 8 }), dopex);
    expect(out.optionPositions.filter((p) => p.side === 'short').map((p) => [p.optionId, p.size, p.extra?.size_basis])).toEqual([
      [CALL, '15', 'open longs'],
      [PUT, '4', 'open longs'],
    ]);
  });

  it('converts a strike in a non-USD asset at its price and says so', () => {
    // A call struck at 1.25 WETH: 1.25 × $2000 = $2500.
    const inWeth = { ...payload, options: [{ ...options[0], strikeAsset: { id: WETH }, strikePrice: '1.25' }, options[1]] };
    const out = messariOptions.normalize(source(), inWeth);
    expect(out.options[0]).toMatchObject({ strikeUsd: 2500, extra: { strike_asset: 'WETH', strike_in_asset: '1.25' } });
    expect(out.warnings).toEqual(["1 option(s) have a non-USD strike asset: strike converted to USD at the strike asset's price"]);
  });

  it('leaves out options that expired before options.skipExpiredBefore', () => {
    const out = messariOptions.normalize(source({ skipExpiredBefore: Number(EXPIRY) + 1 }), payload);
    expect(out.options).toEqual([]);
    expect(out.optionPositions).toEqual([]);
    expect(out.warnings).toEqual(['2 option(s) that expired before options.skipExpiredBefore were left out']);
  });

  it('names source, entity, id and field of bad data', () => {
    const run = (over: Record<string, unknown>, options: Record<string, unknown> = {}) => () => messariOptions.normalize(source(options), { ...payload, ...over });
    expect(run({ positions: [{ ...positions[0], amount: '10.5' }] })).toThrow(/source opyn-mainnet, entity positions: malformed item "0x01": field "amount": must be a non-negative integer amount/);
    const { strikePrice: _strike, ...noStrike } = options[0]!;
    expect(run({ options: [noStrike] })).toThrow(/entity options: malformed item "0x1111.*": field "strikePrice"/);
    expect(run({ options: [{ ...options[0], underlyingAsset: { id: '0xdead' } }] })).toThrow(/entity options: underlyingAsset of id 0x1111.* names token 0xdead, which is not among the subgraph's tokens/);
    expect(run({ tokens: [{ ...tokens[0], lastPriceUSD: null }, ...tokens.slice(1)] })).toThrow(/underlyingAsset of id 0x1111.* set options.prices/);
    expect(run({ options: [{ ...options[0], strikePrice: '0' }] })).toThrow(/strikePrice 0 of id 0x1111.* is not a positive strike/);
    // 6e8 oTokens × 1e8 raw: 6e8 WETH × $2000 = $1.2e12.
    expect(run({ positions: [position('0x01', ALICE, CALL, '60000000000000000')] })).toThrow(/open long of 0xa11ce.* at the underlying price of id 0x1111.* above the \$100B bound/);
    expect(run({ positions: [position('0x09', ALICE, '0x9999999999999999999999999999999999999999', '1')] })).toThrow(/open positions of option 0x9999.*, which is not among the subgraph's options/);
  });
});
