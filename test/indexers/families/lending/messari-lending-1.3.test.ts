/**
 * Messari lending schema 1.3.x payloads (queries/subgraphs/messari-lending/v1/*.graphql), shaped as
 * The Graph returns them, normalised into rows computed by hand: a QiDAO vault (a CDP minting MAI; no
 * Position entity, so no accounts) and Inverse Finance's liquidations, whose market and asset are the
 * other way round. Addresses are Polygon's (QiDAO) and Ethereum's (Inverse); amounts made up.
 */
import { describe, expect, it } from 'vitest';
import { messariLending } from '../../../../src/indexers/families/messari-lending/index.js';
import { changed, fixtureSource } from './fixture-source.js';

const WETH = '0x7ceb23fd6bc0add59e62ac25578270cff1b9f619';
const MAI = '0xa3fa99a148fa48d14ed51d610c367c61876997f1';
const VAULT = '0x3fd939b017b31eaadf9ae50c7ff7fa5c0661d47c';
const A = '0x1111111111111111111111111111111111111111';
const LIQUIDATOR = '0x3333333333333333333333333333333333333333';
const TX = `0x${'cd'.repeat(32)}`;
const NO_POSITIONS = (version: string) =>
  `Messari lending schema ${version} has no Position entity (its Account carries only an id), so positions are not available: the protocol appears with its markets and liquidation history but no accounts`;

type Token = { id: string; symbol: string; decimals: number; lastPriceUSD: string | null };
const token = (id: string, symbol: string, decimals: number, lastPriceUSD: string | null): Token => ({ id, symbol, decimals, lastPriceUSD });
const mai = token(MAI, 'MAI', 18, '0.99');
const qidao = { id: '0xa3fa99a148fa48d14ed51d610c367c61876997f1', slug: 'qidao', name: 'QiDao', schemaVersion: '1.3.0', lendingType: 'CDP', mintedTokens: [mai] };
const market = (id: string, input: Token, price: string, ltv: string, lt: string, penalty: string, protocol: object = qidao) => ({
  id, name: `${input.symbol} vault`, isActive: true, canBorrowFrom: true, canUseAsCollateral: true,
  maximumLTV: ltv, liquidationThreshold: lt, liquidationPenalty: penalty, inputToken: input, inputTokenPriceUSD: price, protocol,
});
const liquidate = (marketId: string, asset: Token, amount: string, amountUSD: string) => ({
  id: `${TX}-3`, hash: TX, logIndex: 3, blockNumber: '47000000', timestamp: '1692990000', from: LIQUIDATOR, liquidatee: A,
  market: { id: marketId }, asset, amount, amountUSD, profitUSD: '90',
});

const payload = {
  markets: [market(VAULT, token(WETH, 'WETH', 18, '1800'), '1800', '76.92', '76.92', '10')],
  // QiDAO: market = the vault (its collateral), asset = MAI repaid, amount = collateral seized.
  liquidates: [liquidate(VAULT, mai, '500000000000000000', '900')],
};
// QiDAO is of no family lending-terms knows: its terms come from the config.
const terms = { closeFactor: 0.5, fullCloseBelowHf: null, isolation: 'market' as const };
const source = (schemaVersion: string, config = {}) => fixtureSource('messari-lending', 'qidao-polygon', 'qidao', { options: { schemaVersion }, ...terms, ...config });

describe('messari-lending 1.3.x: a QiDAO vault', () => {
  const rows = messariLending.normalize(source('1.3.0'), payload);

  it('says first that the protocol comes without accounts, and marks the protocol row so', () => {
    expect(rows.warnings).toEqual([NO_POSITIONS('1.3.0')]);
    expect(rows.positions).toEqual([]);
    expect(rows.protocols).toEqual([{
      protocol: 'qidao', kind: 'lending', chain: 'ethereum', isolation: 'market', closeFactor: 0.5, fullCloseBelowHf: null, insuranceFundUsd: null,
      extra: { protocol_slug: 'qidao', liquidation_terms: 'config', block: '18000000', protocol_name: 'QiDao', schema_version: '1.3.0', positions: 'not available (schema 1.3.x)' },
    }]);
  });

  it('writes the vault with its risk parameters, and a zero row for the minted MAI', () => {
    expect(rows.markets).toEqual([
      {
        protocol: 'qidao', market: VAULT, asset: 'WETH', ltv: 0.7692, liquidationThreshold: 0.7692, liquidationBonus: 0.1, closeFactor: null, supplyCap: null, borrowCap: null,
        extra: { messari_market: VAULT, messari_name: 'WETH vault', is_active: 'true', can_borrow_from: 'true', can_use_as_collateral: 'true' },
      },
      {
        protocol: 'qidao', market: VAULT, asset: 'MAI', ltv: 0, liquidationThreshold: 0, liquidationBonus: 0, closeFactor: null, supplyCap: null, borrowCap: null,
        extra: { role: 'loan asset of an isolated market (zeros: it is never collateral here)' },
      },
    ]);
    expect(rows.assets.map((a) => [a.symbol, a.priceUsd, a.priceSource])).toEqual([
      ['WETH', 1800, 'qidao-polygon:inputTokenPriceUSD'],
      ['MAI', 0.99, 'qidao-polygon:protocol.mintedTokens.lastPriceUSD'],
    ]);
  });

  it('writes the liquidation with the liquidator from `from` and the debt from the event asset', () => {
    expect(rows.liquidationEvents).toEqual([{
      protocol: 'qidao', txHash: TX, logIndex: 3, blockNumber: 47_000_000, timestamp: '2023-08-25T19:00:00.000Z', liquidator: LIQUIDATOR, account: A,
      collateralAsset: 'WETH', debtAsset: 'MAI', collateralAmount: '0.5', debtAmount: null, debtRepaidUsd: null,
      extra: { messari_event: `${TX}-3`, debt_asset_from: 'event-asset', collateral_usd: '900', profit_usd_as_reported: '90' },
    }]);
    expect(rows.liquidators).toEqual([{ liquidator: LIQUIDATOR, label: null, extra: null }]);
  });

  it('reads 1.3.1 (QiDAO on Gnosis) the same way', () => {
    const v131 = changed(payload, (p) => p.markets.forEach((m) => (m.protocol = { ...qidao, schemaVersion: '1.3.1' })));
    const out = messariLending.normalize(source('1.3.1'), v131);
    expect(out.warnings).toEqual([NO_POSITIONS('1.3.1')]);
    expect(out.liquidationEvents).toHaveLength(1);
    expect(out.protocols[0]!.extra).toMatchObject({ schema_version: '1.3.1' });
  });

  it('still warns when the subgraph lists no markets yet', () => {
    expect(messariLending.normalize(source('1.3.0'), { markets: [], liquidates: [] }).warnings).toEqual([
      NO_POSITIONS('1.3.0'),
      'the subgraph lists no markets at block 18000000; the source adds nothing',
    ]);
  });

  it("takes a CDP's minted token when asset is the collateral, and leaves out an event with no debt asset (Maple v1)", () => {
    const weth = token(WETH, 'WETH', 18, '1800');
    const out = messariLending.normalize(source('1.3.0'), changed(payload, (p) => (p.liquidates[0]!.asset = weth)));
    // asset = collateral, but the CDP's minted MAI names the debt.
    expect(out.liquidationEvents.map((e) => [e.debtAsset, e.extra?.debt_asset_from])).toEqual([['MAI', 'market-borrowed-token']]);
    const pooled = changed(payload, (p) => {
      p.markets.forEach((m) => (m.protocol = { ...qidao, slug: 'maple-v1', lendingType: 'POOLED', mintedTokens: null as unknown as Token[] }));
      p.liquidates[0]!.asset = weth;
    });
    const maple = messariLending.normalize(source('1.3.0'), pooled);
    expect(maple.liquidationEvents).toEqual([]);
    expect(maple.warnings).toContain(`1 liquidation event(s) name no debt asset (no BORROWER position, asset = collateral, no borrowedToken) and are left out, e.g. ${TX}-3`);
  });
});

describe('messari-lending 1.3.x: Inverse Finance, market and asset swapped', () => {
  const DOLA = '0x865377367054516e17014ccded1e7d814edc9ce4';
  const AN_DOLA = '0x7fcb7dac61ee35b3d4a51117a7c58d53f0a8a670';
  const AN_ETH = '0x697b4acaa24430f254224eb794d6f6ec3b5f7e2a';
  const ETH = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
  const inverse = { id: '0x4dcf7407ae5c07f8681e1659f626e114a7667339', slug: 'inverse-finance', name: 'Inverse Finance', schemaVersion: '1.3.0', lendingType: 'POOLED', mintedTokens: null };
  const payload = {
    markets: [
      market(AN_DOLA, token(DOLA, 'DOLA', 18, '1'), '1', '0', '0', '0', inverse),
      market(AN_ETH, token(ETH, 'ETH', 18, '1800'), '1800', '60', '60', '8', inverse),
    ],
    // updateLiquidate: market = the cToken repaid (anDOLA), asset = the collateral cToken (anETH), amount in cTokens.
    liquidates: [liquidate(AN_DOLA, token(AN_ETH, 'anETH', 8, null), '5000000000', '1000')],
  };
  const rows = messariLending.normalize(fixtureSource('messari-lending', 'inverse', 'inverse', { options: { schemaVersion: '1.3.0' }, closeFactor: 0.5, fullCloseBelowHf: null }), payload);

  it('reads the collateral from the market `asset` names and the debt from the event market', () => {
    expect(rows.liquidationEvents).toEqual([{
      protocol: 'inverse', txHash: TX, logIndex: 3, blockNumber: 47_000_000, timestamp: '2023-08-25T19:00:00.000Z', liquidator: LIQUIDATOR, account: A,
      collateralAsset: 'ETH', debtAsset: 'DOLA', collateralAmount: null, debtAmount: null, debtRepaidUsd: null,
      extra: {
        messari_event: `${TX}-3`, debt_asset_from: 'event-market', collateral_usd: '1000', profit_usd_as_reported: '90',
        messari_quirk: 'inverse-finance', amount_raw_as_reported: '5000000000', amount_is: 'collateral-in-output-token',
      },
    }]);
    expect(rows.warnings).toEqual([
      NO_POSITIONS('1.3.0'),
      "1 liquidation event(s) are read as Messari's inverse-finance mapping writes them: market is the market repaid and asset the collateral cToken (updateLiquidate), so the roles are swapped back; amount is in cTokens, so collateralAmount is left empty",
    ]);
  });
});
