/**
 * Messari lending schema 2.0.1 payloads (queries/subgraphs/messari-lending/v2/*.graphql), shaped as
 * The Graph returns them, normalised into rows computed by hand: a Compound v2 deployment (positions
 * without `asset`, LENDER sides, a liquidation whose amount is in cTokens) and a MakerDAO-style CDP
 * (debt in the protocol's minted DAI). Tokens and market ids are Ethereum mainnet's; balances made up.
 */
import { describe, expect, it } from 'vitest';
import { messariLending } from '../../../../src/indexers/families/messari-lending/index.js';
import { changed, fixtureSource, indexerError } from './fixture-source.js';

const ETH = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const DAI = '0x6b175474e89094c44da98b954eedeac495271d0f';
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const C_ETH = '0x4ddc2d193948926d02f9b1fe9e1daa0718270ed5';
const C_USDC = '0x39aa39c021dfbae8fac545936693ac917d5e7563';
const C_DAI = '0x5d3a536e4d6dbd6114cc1ead35777bab948e3643';
const ETH_A = '0x2f0b23f53734252bda2277357e97e1517d6b042a'; // MakerDAO's ETH-A join adapter
const [A, B] = ['0x1111111111111111111111111111111111111111', '0x2222222222222222222222222222222222222222'];
const LIQUIDATOR = '0x3333333333333333333333333333333333333333';
const TX = `0x${'ab'.repeat(32)}`;

type Token = { id: string; symbol: string; decimals: number; lastPriceUSD: string | null };
const token = (id: string, symbol: string, decimals: number, lastPriceUSD: string | null = null): Token => ({ id, symbol, decimals, lastPriceUSD });
const compound = { id: '0x3d9819210a31b4961b30ef54be2aed79b9c9cd3b', slug: 'compound-v2', name: 'Compound', schemaVersion: '2.0.1', lendingType: 'POOLED', mintedTokens: null as Token[] | null };
const market = (id: string, input: Token, price: string, ltv: string, lt: string, penalty: string, protocol = compound) => ({
  id, name: `Compound ${input.symbol}`, isActive: true, canBorrowFrom: true, canUseAsCollateral: true,
  maximumLTV: ltv, liquidationThreshold: lt, liquidationPenalty: penalty, inputToken: input, inputTokenPriceUSD: price, protocol,
});
const position = (account: string, marketId: string, side: 'LENDER' | 'BORROWER', balance: string, isCollateral: boolean | null) => ({
  id: `${account}-${marketId}-${side}-0`, account: { id: account }, market: { id: marketId }, side, isCollateral, balance,
});
const liquidate = (marketId: string, asset: Token, amount: string, more: Record<string, unknown> = {}) => ({
  id: `${TX}-12`, hash: TX, logIndex: 12, blockNumber: '17999000', timestamp: '1692990000', liquidator: { id: LIQUIDATOR }, liquidatee: { id: A },
  market: { id: marketId }, asset, amount, amountUSD: '180.05', profitUSD: '14.4', ...more,
});

const usdc = token(USDC, 'USDC', 6, '1');
const compoundV2 = {
  markets: [
    market(C_ETH, token(ETH, 'ETH', 18, '1800'), '1800', '82.5', '82.5', '8'),
    market(C_USDC, usdc, '1', '85.5', '85.5', '8'),
    market(C_DAI, token(DAI, 'DAI', 18), '0', '83', '83', '8'), // unpriced, no positions: left out
  ],
  positions: [
    position(A, C_ETH, 'LENDER', '2000000000000000000', true), // 2 ETH, enabled: collateral
    position(A, C_USDC, 'BORROWER', '1500000000', null), // 1,500 USDC of debt: the market's input token
    position(B, C_USDC, 'LENDER', '1000000000', false), // 1,000 USDC not enabled: supply
  ],
  // compound-forks: market = the collateral's cToken, asset = the token repaid, amount = cTokens seized.
  liquidates: [liquidate(C_ETH, usdc, '500000000')],
};
const source = (config = {}) => fixtureSource('messari-lending', 'compound-v2-ethereum', 'compound-v2', { options: { schemaVersion: '2.0.1' }, ...config });

describe('messari-lending 2.0.1: a Compound v2 deployment', () => {
  const rows = messariLending.normalize(source(), compoundV2);

  it('writes a pooled protocol with Compound v2 terms and the reported schema version', () => {
    expect(rows.protocols).toEqual([{
      protocol: 'compound-v2', kind: 'lending', chain: 'ethereum', isolation: 'pooled', closeFactor: 0.5, fullCloseBelowHf: null, insuranceFundUsd: null,
      extra: { protocol_slug: 'compound-v2', liquidation_terms: 'compound-v2', block: '18000000', protocol_name: 'Compound', schema_version: '2.0.1' },
    }]);
  });

  it('writes market rows without the 3.x-only fields (no can_isolate, no caps)', () => {
    expect(rows.markets).toEqual([
      {
        protocol: 'compound-v2', market: 'ETH', asset: 'ETH', ltv: 0.825, liquidationThreshold: 0.825, liquidationBonus: 0.08, closeFactor: null, supplyCap: null, borrowCap: null,
        extra: { messari_market: C_ETH, messari_name: 'Compound ETH', is_active: 'true', can_borrow_from: 'true', can_use_as_collateral: 'true' },
      },
      {
        protocol: 'compound-v2', market: 'USDC', asset: 'USDC', ltv: 0.855, liquidationThreshold: 0.855, liquidationBonus: 0.08, closeFactor: null, supplyCap: null, borrowCap: null,
        extra: { messari_market: C_USDC, messari_name: 'Compound USDC', is_active: 'true', can_borrow_from: 'true', can_use_as_collateral: 'true' },
      },
    ]);
  });

  it("takes a position's token from its market, and LENDER as collateral or supply by isCollateral", () => {
    expect(rows.positions).toEqual([
      { protocol: 'compound-v2', account: A, market: 'ETH', asset: 'ETH', side: 'collateral', amount: '2', extra: null },
      { protocol: 'compound-v2', account: A, market: 'USDC', asset: 'USDC', side: 'debt', amount: '1500', extra: null },
      { protocol: 'compound-v2', account: B, market: 'USDC', asset: 'USDC', side: 'supply', amount: '1000', extra: null },
    ]);
  });

  it('takes the debt from the event asset and leaves the cToken amount out of collateralAmount', () => {
    expect(rows.liquidationEvents).toEqual([{
      protocol: 'compound-v2', txHash: TX, logIndex: 12, blockNumber: 17_999_000, timestamp: '2023-08-25T19:00:00.000Z', liquidator: LIQUIDATOR, account: A,
      collateralAsset: 'ETH', debtAsset: 'USDC', collateralAmount: null, debtAmount: null, debtRepaidUsd: null,
      extra: {
        messari_event: `${TX}-12`, debt_asset_from: 'event-asset', collateral_usd: '180.05', profit_usd_as_reported: '14.4',
        messari_quirk: 'compound-v2', amount_raw_as_reported: '500000000', amount_is: 'collateral-in-output-token',
      },
    }]);
    expect(rows.liquidators).toEqual([{ liquidator: LIQUIDATOR, label: null, extra: null }]);
  });

  it('says what it left out and how it read the events', () => {
    expect(rows.warnings).toEqual([
      `1 market(s) with an unpriced input token and no positions are left out, e.g. ${C_DAI}`,
      "1 liquidation event(s) are read as Messari's compound-v2 mapping writes them: amount is the collateral seized in cTokens (compound-forks _handleLiquidateBorrow), so collateralAmount is left empty and the raw cToken amount kept in extra",
    ]);
  });

  it('prices tokens from the markets', () => {
    expect(rows.assets.map((a) => [a.symbol, a.decimals, a.priceUsd, a.priceSource, a.address])).toEqual([
      ['ETH', 18, 1800, 'compound-v2-ethereum:inputTokenPriceUSD', ETH],
      ['USDC', 6, 1, 'compound-v2-ethereum:inputTokenPriceUSD', USDC],
    ]);
  });
});

describe('messari-lending 2.0.1: a MakerDAO-style CDP', () => {
  const dai = token(DAI, 'DAI', 18, '0.9998');
  const maker = { id: '0x35d1b3f3d7966a1dfe207aa4514c12a259a0492b', slug: 'makerdao', name: 'MakerDAO', schemaVersion: '2.0.1', lendingType: 'CDP', mintedTokens: [dai] };
  const payload = {
    markets: [{ ...market(ETH_A, token(WETH, 'WETH', 18, '1800'), '1800', '66.5', '66.5', '13', maker), name: 'ETH-A' }],
    positions: [position(A, ETH_A, 'LENDER', '10000000000000000000', true), position(A, ETH_A, 'BORROWER', '9000000000000000000000', null)],
    // MakerDAO's mapping writes the collateral as `asset` too, so the debt is the minted DAI.
    liquidates: [liquidate(ETH_A, token(WETH, 'WETH', 18, '1800'), '1000000000000000000')],
  };
  const source = (config = {}) => fixtureSource('messari-lending', 'makerdao-ethereum', 'makerdao', { options: { schemaVersion: '2.0.1' }, ...config });

  it('files BORROWER positions in the minted token, in the collateral market', () => {
    const rows = messariLending.normalize(source(), payload);
    expect(rows.positions).toEqual([
      { protocol: 'makerdao', account: A, market: 'WETH', asset: 'WETH', side: 'collateral', amount: '10', extra: null },
      { protocol: 'makerdao', account: A, market: 'WETH', asset: 'DAI', side: 'debt', amount: '9000', extra: null },
    ]);
    expect(rows.assets.map((a) => [a.symbol, a.priceUsd, a.priceSource])).toEqual([
      ['WETH', 1800, 'makerdao-ethereum:inputTokenPriceUSD'],
      ['DAI', 0.9998, 'makerdao-ethereum:protocol.mintedTokens.lastPriceUSD'],
    ]);
    expect(rows.liquidationEvents.map((e) => [e.collateralAsset, e.debtAsset, e.collateralAmount, e.extra?.debt_asset_from])).toEqual([['WETH', 'DAI', '1', 'market-borrowed-token']]);
    expect(rows.protocols[0]).toMatchObject({ isolation: 'pooled', closeFactor: 1, fullCloseBelowHf: null });
    expect(rows.warnings).toEqual([]);
  });

  it('gives the minted token a zero row per market when isolated, as a Compound v3 base asset', () => {
    const rows = messariLending.normalize(source({ isolation: 'market' }), payload);
    expect(rows.markets.map((m) => [m.market, m.asset, m.ltv, m.liquidationThreshold, m.liquidationBonus])).toEqual([
      [ETH_A, 'WETH', 0.665, 0.665, 0.13],
      [ETH_A, 'DAI', 0, 0, 0],
    ]);
    expect(rows.positions.map((p) => [p.market, p.asset, p.side])).toEqual([[ETH_A, 'WETH', 'collateral'], [ETH_A, 'DAI', 'debt']]);
  });

  it('stops when a CDP does not name exactly one minted token', () => {
    const unclear = changed(payload, (p) => (p.markets[0]!.protocol = { ...maker, mintedTokens: [] }));
    expect(indexerError(() => messariLending.normalize(source(), unclear)).message).toBe(
      `contagion/indexers: source makerdao-ethereum, entity positions: BORROWER position ${A}-${ETH_A}-BORROWER-0 is in CDP protocol makerdao, whose mintedTokens lists 0 tokens, so the token of the debt is unknown (2.0.1 positions carry no asset)`,
    );
  });
});

describe('messari-lending 2.0.1: bad data and options', () => {
  const fails = (payload: typeof compoundV2, config = {}) => indexerError(() => messariLending.normalize(source(config), payload)).message;

  it('a position in a market the source does not list', () => {
    const orphan = changed(compoundV2, (p) => (p.positions[0]!.market.id = '0x9999999999999999999999999999999999999999'));
    expect(fails(orphan)).toBe(
      `contagion/indexers: source compound-v2-ethereum, entity positions: market of id ${compoundV2.positions[0]!.id} names market 0x9999999999999999999999999999999999999999, which the source does not list`,
    );
  });

  it('a 3.x side or a missing field, named with the item', () => {
    expect(fails(changed(compoundV2, (p) => ((p.positions[0] as { side: string }).side = 'COLLATERAL')))).toContain(`entity positions: malformed item "${compoundV2.positions[0]!.id}": field "side"`);
    expect(fails(changed(compoundV2, (p) => delete (p.liquidates[0] as Partial<(typeof p.liquidates)[0]>).asset))).toContain(`entity liquidates: malformed item "${TX}-12": field "asset"`);
  });

  it('an unknown schema version', () => {
    expect(fails(compoundV2, { options: { schemaVersion: '2.0.0' } })).toMatch(/^contagion\/indexers: source compound-v2-ethereum: config field "options\.schemaVersion": /);
  });

  it('a subgraph reporting another major version than configured is read, with a warning', () => {
    const reported = changed(compoundV2, (p) => p.markets.forEach((m) => (m.protocol = { ...compound, schemaVersion: '3.0.0' })));
    expect(messariLending.normalize(source(), reported).warnings).toContain('options.schemaVersion is 2.0.1 but the subgraph reports schema "3.0.0"; set options.schemaVersion to the subgraph\'s version');
  });
});

describe('messari-lending 2.0.1: Burrow on NEAR, market and asset swapped', () => {
  const burrow = { id: 'contract.main.burrow.near', slug: 'burrow-near', name: 'Burrow', schemaVersion: '2.0.1', lendingType: 'POOLED', mintedTokens: null };
  const wnear = token('wrap.near', 'wNEAR', 24, '1.5');
  const usdt = token('usdt.tether-token.near', 'USDt', 6, '1');
  const HASH = 'Fz3Gk8qLTcJpSuVxWbH7mR2nDe9yA4oKiZtB6uXwQcN1';
  const payload = {
    markets: [market('wrap.near', wnear, '1.5', '60', '60', '5', burrow), market('usdt.tether-token.near', usdt, '1', '95', '95', '5', burrow)],
    positions: [],
    // handlers/liquidate.ts: market = the market repaid, asset = the collateral's market, amount = the debt repaid.
    liquidates: [liquidate('usdt.tether-token.near', wnear, '100000000', {
      id: `${HASH}-0`, hash: HASH, logIndex: 0, liquidator: { id: 'liquidator.near' }, liquidatee: { id: 'alice.near' }, amountUSD: '100', profitUSD: '5',
    })],
  };
  const rows = messariLending.normalize(
    fixtureSource('messari-lending', 'burrow-near', 'burrow', { chain: 'near-mainnet', options: { schemaVersion: '2.0.1' }, closeFactor: 0.5, fullCloseBelowHf: null }),
    payload,
  );

  it('swaps the roles back, keeps NEAR ids and the base58 hash as written, and no amount', () => {
    expect(rows.liquidationEvents).toEqual([{
      protocol: 'burrow', txHash: HASH, logIndex: 0, blockNumber: 17_999_000, timestamp: '2023-08-25T19:00:00.000Z', liquidator: 'liquidator.near', account: 'alice.near',
      collateralAsset: 'wNEAR', debtAsset: 'USDt', collateralAmount: null, debtAmount: null, debtRepaidUsd: null,
      extra: {
        messari_event: `${HASH}-0`, debt_asset_from: 'event-market', debt_usd_as_reported: '100', profit_usd_as_reported: '5',
        messari_quirk: 'burrow-near', amount_raw_as_reported: '100000000', amount_is: 'debt-repaid',
      },
    }]);
    expect(rows.assets.map((a) => [a.symbol, a.address, a.chain])).toEqual([['wNEAR', 'wrap.near', 'near-mainnet'], ['USDt', 'usdt.tether-token.near', 'near-mainnet']]);
    expect(rows.warnings).toEqual([
      "1 liquidation event(s) are read as Messari's burrow-near mapping writes them: market is the market repaid and asset the collateral market, so the roles are swapped back; amount is the debt repaid in Burrow units, so collateralAmount is left empty",
    ]);
  });
});
