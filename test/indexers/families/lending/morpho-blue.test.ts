/**
 * Morpho Blue subgraph payloads normalised into rows computed by hand: shares → assets with the
 * market totals (supply rounded down, borrow up, SharesMathLib's virtual 1e6 shares and 1 asset),
 * LLTV 0.86 → bonus LIF − 1 = 1/(0.258 + 0.7) − 1 ≈ 0.0438413, isolated market names, pricing.
 */
import { describe, expect, it } from 'vitest';
import { morphoBlue } from '../../../../src/indexers/families/morpho-blue/index.js';
import { liquidationIncentiveFactor, toAssetsDown, toAssetsUp } from '../../../../src/indexers/families/morpho-blue/morpho-math.js';
import { changed, fixtureSource, indexerError } from './fixture-source.js';

const WSTETH = '0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const JUNK = '0x5555555555555555555555555555555555555555';
const M1 = '0xb323495f7e4148be5643a4ea4a8221eef163e4bccfdedc2a6f4696baacbc86cc';
const M2 = '0x1111aaaa00000000000000000000000000000000000000000000000000000002';
const M3 = '0x2222bbbb00000000000000000000000000000000000000000000000000000003';
const [A, B, C] = ['0x1111111111111111111111111111111111111111', '0x2222222222222222222222222222222222222222', '0x4444444444444444444444444444444444444444'];
const LIQUIDATOR = '0x3333333333333333333333333333333333333333';

const token = (id: string, symbol: string, decimals: number, lastPriceUSD: string | null) => ({ id, symbol, decimals, lastPriceUSD });
const market = (id: string, collateral: ReturnType<typeof token>, loan: ReturnType<typeof token>, lltv: string, totals: string[]) => ({
  id, name: `${loan.symbol} / ${collateral.symbol}`, isActive: true, lltv, irm: '0x870ac11d48b15db9a138cf899d20f13f79ba00bc',
  oracle: { oracleAddress: '0x48f7e36eb6b826b2df4b2e630b62cd25e89e40e2' }, inputToken: collateral, inputTokenPriceUSD: collateral.lastPriceUSD ?? '0', borrowedToken: loan,
  totalSupply: totals[0]!, totalSupplyShares: totals[1]!, totalBorrow: totals[2]!, totalBorrowShares: totals[3]!, totalCollateral: '0', lastUpdate: '1692990000', fee: '0',
});
const position = (account: string, marketId: string, asset: string, side: string, balance: string, shares: string | null) => ({
  id: `${account}-${marketId}-${side}-0`, account: { id: account }, market: { id: marketId }, asset: { id: asset }, side, balance, shares,
});

const wsteth = token(WSTETH, 'wstETH', 18, '2080.5');
const usdc = token(USDC, 'USDC', 6, '1');
const payload = {
  markets: [
    // 1,000.000007 USDC supplied as 1e15 shares; 500 USDC borrowed as 4e14 shares.
    market(M1, wsteth, usdc, '860000000000000000', ['1000000007', '1000000000000000', '500000000', '400000000000000']),
    market(M2, token(JUNK, 'JUNK', 18, null), usdc, '770000000000000000', ['1000000', '1000000000000', '0', '0']),
    market(M3, wsteth, usdc, '945000000000000000', ['0', '0', '0', '0']), // nothing in it
  ],
  positions: [
    position(A, M1, USDC, 'SUPPLIER', '300000000', '300000000000000'), // 3e14·(1e9+8)/(1e15+1e6) = 300000002.1 → down: 300.000002
    position(B, M1, USDC, 'BORROWER', '125000000', '100000000000000'), // 1e14·(5e8+1)/(4e14+1e6) = 124999999.94 → up: 125
    position(B, M1, WSTETH, 'COLLATERAL', '1500000000000000000', null), // 1.5 wstETH
    position(C, M2, JUNK, 'COLLATERAL', '1000000000000000000', null),
    position(C, M2, USDC, 'BORROWER', '100000', '100000000000'),
  ],
  liquidates: [{
    id: `0x${'ef'.repeat(32)}00000007`, hash: `0x${'ef'.repeat(32)}`, logIndex: 7, blockNumber: '17999000', timestamp: '1692990000',
    liquidator: { id: LIQUIDATOR }, liquidatee: { id: B }, market: { id: M1 }, asset: { id: USDC }, collateralAsset: { id: WSTETH },
    amount: '50000000000000000', repaid: '100000000', amountUSD: '100',
  }],
};
const source = (options?: Record<string, unknown>) => fixtureSource('morpho-blue', 'morpho-blue-ethereum', 'morpho-blue', options === undefined ? {} : { options });
const NAME = `wstETH/USDC-86%-${M1.slice(2, 10)}`;

describe('morpho-blue maths', () => {
  it('LIF = min(1.15, 1/(0.3·LLTV + 0.7)) in WAD', () => {
    expect(liquidationIncentiveFactor(860_000_000_000_000_000n)).toBe(1_043_841_336_116_910_229n); // floor(1e36 / 0.958e18)
    expect(liquidationIncentiveFactor(0n)).toBe(1_150_000_000_000_000_000n); // 1/0.7 capped at 1.15
  });

  it('rounds supply down and borrow up', () => {
    expect(toAssetsDown(1n, 10n, 3_000_000n)).toBe(0n); // 11 / 4e6
    expect(toAssetsUp(1n, 10n, 3_000_000n)).toBe(1n);
  });
});

describe('morpho-blue normalize', () => {
  const rows = morphoBlue.normalize(source({ unpricedMarkets: 'skip' }), payload);

  it('is isolated with close factor 1', () => {
    expect(rows.protocols[0]).toMatchObject({ protocol: 'morpho-blue', isolation: 'market', closeFactor: 1, fullCloseBelowHf: null, extra: expect.objectContaining({ liquidation_terms: 'morpho-blue' }) });
  });

  it('names the market <collateral>/<loan>-<LLTV %>-<id>, with ltv = threshold = LLTV, bonus = LIF − 1, and a zero loan row', () => {
    expect(rows.markets.map((m) => [m.market, m.asset, m.ltv, m.liquidationThreshold])).toEqual([[NAME, 'wstETH', 0.86, 0.86], [NAME, 'USDC', 0, 0]]);
    expect(rows.markets[0]!.liquidationBonus).toBeCloseTo(1 / (0.3 * 0.86 + 0.7) - 1, 15);
    expect(rows.markets[1]!.liquidationBonus).toBe(0);
    expect(rows.markets[0]!.extra).toMatchObject({ morpho_market: M1, lltv_wad: '860000000000000000', liquidation_incentive_factor_wad: '1043841336116910229' });
  });

  it('turns shares into assets with the market totals; lending is supply, never collateral', () => {
    expect(rows.positions).toEqual([
      { protocol: 'morpho-blue', account: A, market: NAME, asset: 'USDC', side: 'supply', amount: '300.000002', extra: null },
      { protocol: 'morpho-blue', account: B, market: NAME, asset: 'USDC', side: 'debt', amount: '125', extra: null },
      { protocol: 'morpho-blue', account: B, market: NAME, asset: 'wstETH', side: 'collateral', amount: '1.5', extra: null },
    ]);
  });

  it('prices tokens from the subgraph and writes liquidations with both amounts', () => {
    expect(rows.assets.map((a) => [a.symbol, a.priceUsd, a.priceSource])).toEqual([
      ['USDC', 1, 'morpho-blue-ethereum:borrowedToken.lastPriceUSD'],
      ['wstETH', 2080.5, 'morpho-blue-ethereum:inputTokenPriceUSD'],
    ]);
    expect(rows.liquidationEvents).toEqual([{
      protocol: 'morpho-blue', txHash: `0x${'ef'.repeat(32)}`, logIndex: 7, blockNumber: 17_999_000, timestamp: '2023-08-25T19:00:00.000Z', liquidator: LIQUIDATOR, account: B,
      collateralAsset: 'wstETH', debtAsset: 'USDC', collateralAmount: '0.05', debtAmount: '100', debtRepaidUsd: 100, extra: { morpho_event: `0x${'ef'.repeat(32)}00000007`, morpho_market: M1 },
    }]);
  });

  it('leaves out empty markets, and unpriced ones when told to skip them', () => {
    expect(rows.warnings).toEqual([
      '1 market(s) without open positions are left out',
      `1 market(s) with positions in an unpriced token are left out (options.unpricedMarkets: "skip"), e.g. ${M2}; 2 position record(s) of markets not written are skipped`,
    ]);
  });

  it('stops on an unpriced market by default, and takes options.prices', () => {
    expect(indexerError(() => morphoBlue.normalize(source(), payload)).message).toBe(
      `contagion/indexers: source morpho-blue-ethereum, entity markets: market ${M2} (USDC / JUNK) has open positions but token JUNK (${JUNK}) has no USD price in the subgraph; set options.prices["${JUNK}"] (USD) or options.unpricedMarkets: "skip" in the source's config`,
    );
    const priced = morphoBlue.normalize(source({ prices: { [JUNK]: 2 } }), payload);
    expect(priced.positions.filter((p) => p.account === C).map((p) => [p.market, p.asset, p.side, p.amount])).toEqual([
      [`JUNK/USDC-77%-${M2.slice(2, 10)}`, 'JUNK', 'collateral', '1'],
      [`JUNK/USDC-77%-${M2.slice(2, 10)}`, 'USDC', 'debt', '0.1'],
    ]);
  });

  it('rejects a missing or non-numeric field, naming source, entity, id and field', () => {
    const bad = changed(payload, (p) => (p.positions[1]!.shares = '1.5'));
    expect(indexerError(() => morphoBlue.normalize(source(), bad)).message).toBe(
      `contagion/indexers: source morpho-blue-ethereum, entity positions: malformed item "${payload.positions[1]!.id}": field "shares": must be a non-negative integer amount (subgraph BigInt as a decimal string)`,
    );
    const missing = changed(payload, (p) => delete (p.markets[0] as Partial<(typeof p.markets)[0]>).totalBorrowShares);
    expect(indexerError(() => morphoBlue.normalize(source(), missing)).message).toContain(`entity markets: malformed item "${M1}": field "totalBorrowShares"`);
    const absurd = changed(payload, (p) => (p.positions[2]!.balance = `1${'0'.repeat(30)}`));
    expect(indexerError(() => morphoBlue.normalize(source({ unpricedMarkets: 'skip' }), absurd)).message).toContain(`entity positions: balance of id ${payload.positions[2]!.id} is worth $2.081e+15`);
    const lltv = changed(payload, (p) => (p.markets[0]!.lltv = '1100000000000000000'));
    expect(indexerError(() => morphoBlue.normalize(source(), lltv)).message).toContain(`entity markets: lltv 1100000000000000000 of id ${M1} is above 1e18`);
  });
});
