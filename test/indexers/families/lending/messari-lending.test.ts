/**
 * Messari lending (schema 3.1.0) payloads, shaped as The Graph returns them, normalised into rows
 * computed by hand. Tokens and Aave v3 market ids are Ethereum mainnet's; balances are made up.
 */
import { describe, expect, it } from 'vitest';
import { messariLending } from '../../../../src/indexers/families/messari-lending/index.js';
import { changed, fixtureSource, indexerError } from './fixture-source.js';

const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const DAI = '0x6b175474e89094c44da98b954eedeac495271d0f';
const M_USDC = '0x98c23e9d8f34fefb1b7bd6a91b7ff122f4e16f5c';
const M_WETH = '0x4d5f47fa6a74757f35c14fd3a6ef8e3c9bc514e8';
const M_DAI = '0x018008bfb33d285247a21d44e50697654f754e63';
const A = '0x1111111111111111111111111111111111111111';
const B = '0x2222222222222222222222222222222222222222';
const LIQUIDATOR = '0x3333333333333333333333333333333333333333';
const TX = `0x${'ab'.repeat(32)}`;

const token = (id: string, symbol: string, decimals: number, lastPriceUSD: string | null = null) => ({ id, symbol, decimals, lastPriceUSD });
const protocol = { id: '0x2f39d218133afab8f2b819b1066c7e434ad94e9e', slug: 'aave-v3', name: 'Aave v3', schemaVersion: '3.1.0' };
const market = (id: string, input: ReturnType<typeof token>, price: string, ltv: string, lt: string, penalty: string, extra: Record<string, unknown> = {}) => ({
  id, name: `Aave Ethereum ${input.symbol}`, isActive: true, canBorrowFrom: true, canUseAsCollateral: true, canIsolate: false,
  maximumLTV: ltv, liquidationThreshold: lt, liquidationPenalty: penalty, relation: null,
  inputToken: input, inputTokenPriceUSD: price, borrowedToken: null, supplyCap: null, borrowCap: null, protocol, ...extra,
});
const position = (account: string, marketId: string, asset: string, side: string, balance: string, isCollateral: boolean | null, n = 0, type = '') => ({
  id: `${account}-${marketId}-${side}${type}-${n}`, account: { id: account }, market: { id: marketId }, asset: { id: asset }, side, isCollateral, balance,
});

const aave = {
  markets: [
    market(M_USDC, token(USDC, 'USDC', 6), '1.0001', '77', '80', '4.5'),
    market(M_WETH, token(WETH, 'WETH', 18), '1800.5', '80.5', '82.5', '5'),
    market(M_DAI, token(DAI, 'DAI', 18), '0', '77', '80', '5'), // no price, no positions: left out
  ],
  positions: [
    position(A, M_WETH, WETH, 'COLLATERAL', '2500000000000000000', true), // 2.5 WETH
    position(A, M_USDC, USDC, 'BORROWER', '1500000', null, 0, '-VARIABLE'), // 1.5 USDC
    position(A, M_USDC, USDC, 'BORROWER', '250000', null, 0, '-STABLE'), // 0.25 USDC, same row
    position(B, M_USDC, USDC, 'COLLATERAL', '1000000', false), // 1 USDC, usage off: supply
  ],
  liquidates: [{
    id: `${TX}0000003a`, hash: TX, logIndex: 58, blockNumber: '17999000', timestamp: '1692990000',
    liquidator: { id: LIQUIDATOR }, liquidatee: { id: A }, market: { id: M_WETH }, asset: { id: WETH },
    amount: '100000000000000000', amountUSD: '180.05', profitUSD: '-179999999.95',
    positions: [{ id: `${A}-${M_WETH}-COLLATERAL-0`, side: 'COLLATERAL', asset: { id: WETH } }, { id: `${A}-${M_USDC}-BORROWER-VARIABLE-0`, side: 'BORROWER', asset: { id: USDC } }],
  }],
};
const source = fixtureSource('messari-lending', 'aave-v3-ethereum', 'aave-v3');

describe('messari-lending normalize: a pooled Aave v3 deployment', () => {
  const rows = messariLending.normalize(source, aave);

  it('writes one pooled protocol with Aave v3 terms from lending-terms', () => {
    expect(rows.protocols).toEqual([{
      protocol: 'aave-v3', kind: 'lending', chain: 'ethereum', isolation: 'pooled', closeFactor: 0.5, fullCloseBelowHf: 0.95, insuranceFundUsd: null,
      extra: { protocol_slug: 'aave-v3', liquidation_terms: 'aave-v3', block: '18000000', protocol_name: 'Aave v3', schema_version: '3.1.0' },
    }]);
  });

  it('lists the priced input tokens as assets, lower-case addresses on the source chain', () => {
    expect(rows.assets).toEqual([
      { symbol: 'WETH', decimals: 18, kind: 'native', priceUsd: 1800.5, priceSource: 'aave-v3-ethereum:inputTokenPriceUSD', underlying: null, address: WETH, chain: 'ethereum', extra: { underlying_hint: 'ETH' } },
      { symbol: 'USDC', decimals: 6, kind: 'stable', priceUsd: 1.0001, priceSource: 'aave-v3-ethereum:inputTokenPriceUSD', underlying: null, address: USDC, chain: 'ethereum', extra: null },
    ]);
  });

  it('turns Messari percentages into fractions ("82.5" → 0.825) and names markets after the symbol', () => {
    expect(rows.markets.map(({ extra: _extra, ...m }) => m)).toEqual([
      { protocol: 'aave-v3', market: 'USDC', asset: 'USDC', ltv: 0.77, liquidationThreshold: 0.8, liquidationBonus: 0.045, closeFactor: null, supplyCap: null, borrowCap: null },
      { protocol: 'aave-v3', market: 'WETH', asset: 'WETH', ltv: 0.805, liquidationThreshold: 0.825, liquidationBonus: 0.05, closeFactor: null, supplyCap: null, borrowCap: null },
    ]);
    expect(rows.markets[1]!.extra).toMatchObject({ messari_market: M_WETH, can_use_as_collateral: 'true' });
  });

  it('scales raw balances exactly, sums variable and stable debt, and maps isCollateral false to supply', () => {
    expect(rows.positions).toEqual([
      { protocol: 'aave-v3', account: A, market: 'WETH', asset: 'WETH', side: 'collateral', amount: '2.5', extra: null },
      { protocol: 'aave-v3', account: A, market: 'USDC', asset: 'USDC', side: 'debt', amount: '1.75', extra: null },
      { protocol: 'aave-v3', account: B, market: 'USDC', asset: 'USDC', side: 'supply', amount: '1', extra: null },
    ]);
  });

  it('takes the debt asset from the BORROWER position the event touched, and writes no debt USD', () => {
    expect(rows.liquidationEvents).toEqual([{
      protocol: 'aave-v3', txHash: TX, logIndex: 58, blockNumber: 17_999_000, timestamp: '2023-08-25T19:00:00.000Z', liquidator: LIQUIDATOR, account: A,
      collateralAsset: 'WETH', debtAsset: 'USDC', collateralAmount: '0.1', debtAmount: null, debtRepaidUsd: null,
      extra: { messari_event: `${TX}0000003a`, debt_asset_from: 'borrower-position', collateral_usd: '180.05', profit_usd_as_reported: '-179999999.95' },
    }]);
    expect(rows.liquidators).toEqual([{ liquidator: LIQUIDATOR, label: null, extra: null }]);
  });

  it('warns about the unpriced market it left out', () => {
    expect(rows.warnings).toEqual([`1 market(s) with an unpriced input token and no positions are left out, e.g. ${M_DAI}`]);
  });
});

describe('messari-lending normalize: Compound v3, isolated per deployment', () => {
  const COMET = '0xc3d688b66703497daa19211eedff47f25384cdc3';
  const base = market(`${COMET}${USDC.slice(2)}`, token(USDC, 'USDC', 6), '1', '0', '0', '0', { relation: COMET, canUseAsCollateral: false });
  const weth = market(`${COMET}${WETH.slice(2)}`, token(WETH, 'WETH', 18), '1800', '82', '90', '5', { relation: COMET, borrowedToken: token(USDC, 'USDC', 6, '1') });
  const payload = {
    markets: [base, weth].map((m) => ({ ...m, protocol: { ...protocol, slug: 'compound-v3', name: 'Compound III' } })),
    positions: [
      position(A, weth.id, WETH, 'COLLATERAL', '1000000000000000000', true),
      position(A, base.id, USDC, 'BORROWER', '900000000', null),
      position(B, base.id, USDC, 'COLLATERAL', '5000000', true), // a base-asset lender: the base market takes no collateral
    ],
    liquidates: [],
  };
  const rows = messariLending.normalize(fixtureSource('messari-lending', 'compound-v3-ethereum', 'compound-v3'), payload);

  it('is isolated with close factor 1 (absorb takes the whole account)', () => {
    expect(rows.protocols[0]).toMatchObject({ isolation: 'market', closeFactor: 1, fullCloseBelowHf: null });
  });

  it('folds the per-asset Messari markets into one market per Comet (its relation)', () => {
    expect(rows.markets.map((m) => [m.market, m.asset, m.ltv, m.liquidationThreshold, m.liquidationBonus])).toEqual([
      [COMET, 'USDC', 0, 0, 0],
      [COMET, 'WETH', 0.82, 0.9, 0.05],
    ]);
    expect(rows.positions.map((p) => [p.account, p.market, p.asset, p.side, p.amount])).toEqual([
      [A, COMET, 'WETH', 'collateral', '1'],
      [A, COMET, 'USDC', 'debt', '900'],
      [B, COMET, 'USDC', 'supply', '5'],
    ]);
  });

  it('gives the loan token a zero row when no market of the deployment lists it', () => {
    const withoutBase = changed(payload, (p) => {
      p.markets = p.markets.filter((m) => m.id !== base.id);
      p.positions = [p.positions[0]!];
    });
    const out = messariLending.normalize(fixtureSource('messari-lending', 'c', 'c3', { isolation: 'market' }), withoutBase);
    expect(out.markets.map((m) => [m.market, m.asset, m.liquidationThreshold])).toEqual([[COMET, 'WETH', 0.9], [COMET, 'USDC', 0]]);
  });
});

describe('messari-lending normalize: bad data stops the run, naming source, entity, id and field', () => {
  const P0 = aave.positions[0]!.id;
  const fails = (payload: typeof aave, config = {}) => indexerError(() => messariLending.normalize(fixtureSource('messari-lending', 'aave-v3-ethereum', 'aave-v3', config), payload)).message;

  it('a missing field', () => {
    const message = fails(changed(aave, (p) => delete (p.positions[0] as Partial<(typeof p.positions)[0]>).balance));
    expect(message).toBe(`contagion/indexers: source aave-v3-ethereum, entity positions: malformed item "${P0}": field "balance": Invalid input: expected string, received undefined`);
  });

  it('a non-integer or negative raw amount', () => {
    expect(fails(changed(aave, (p) => (p.positions[0]!.balance = '2.5e18')))).toContain(`entity positions: malformed item "${P0}": field "balance": must be a non-negative integer amount`);
    expect(fails(changed(aave, (p) => (p.positions[0]!.balance = '-1')))).toContain('field "balance"');
    expect(fails(changed(aave, (p) => (p.markets[1]!.inputTokenPriceUSD = 'n/a')))).toContain(`entity markets: malformed item "${M_WETH}": field "inputTokenPriceUSD"`);
  });

  it('an unknown token referenced by a position', () => {
    expect(fails(changed(aave, (p) => (p.positions[0]!.asset.id = '0x9999999999999999999999999999999999999999')))).toContain(
      `entity positions: asset of id ${P0} names token 0x9999999999999999999999999999999999999999, which no market of the source lists`,
    );
  });

  it('a position worth more than $100B at the source price, and a threshold above 100%', () => {
    expect(fails(changed(aave, (p) => (p.positions[0]!.balance = `1${'0'.repeat(30)}`)))).toMatch(new RegExp(`entity positions: balance of id ${P0} is worth \\$1\\.801e\\+15 \\(1${'0'.repeat(30)} raw, 18 decimals, WETH at \\$1800\\.5\\): above \\$1e\\+11, a units error`));
    expect(fails(changed(aave, (p) => (p.markets[0]!.liquidationThreshold = '120')))).toContain(`entity markets: liquidationThreshold 120% of id ${M_USDC} is outside 0–100%`);
  });

  it('a position in a token without a price, unless options.prices gives one', () => {
    const unpriced = changed(aave, (p) => p.positions.push(position(B, M_DAI, DAI, 'COLLATERAL', '5000000000000000000', true)));
    expect(fails(unpriced)).toContain(`token DAI (${DAI}), which the subgraph does not price; set options.prices["${DAI}"]`);
    const out = messariLending.normalize(fixtureSource('messari-lending', 'aave-v3-ethereum', 'aave-v3', { options: { prices: { DAI: 0.9999 } } }), unpriced);
    expect(out.assets.find((a) => a.symbol === 'DAI')).toMatchObject({ priceUsd: 0.9999, priceSource: 'aave-v3-ethereum:options.prices' });
    expect(out.positions.at(-1)).toMatchObject({ account: B, market: 'DAI', side: 'collateral', amount: '5' });
  });

  it('a protocol of no known family without closeFactor in its config', () => {
    const maple = changed(aave, (p) => p.markets.forEach((m) => (m.protocol = { ...protocol, slug: 'maple-finance-v2' })));
    expect(fails(maple)).toContain('protocol "maple-finance-v2" is of no lending family with known liquidation terms; set "closeFactor"');
    const out = messariLending.normalize(fixtureSource('messari-lending', 'maple', 'maple', { closeFactor: 1, fullCloseBelowHf: null }), maple);
    expect(out.protocols[0]).toMatchObject({ closeFactor: 1, fullCloseBelowHf: null, extra: expect.objectContaining({ liquidation_terms: 'config' }) });
  });
});
