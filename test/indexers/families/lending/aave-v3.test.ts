/**
 * Aave v3 subgraph payloads (aave/protocol-subgraphs v3 schema), shaped as The Graph returns them,
 * normalised into rows computed by hand: bps → fractions (10500 → 5% bonus), scaled balances ×
 * reserve indexes, e-mode markets and which positions point to them, isolation-mode debt ceilings.
 */
import { describe, expect, it } from 'vitest';
import { aaveV3 } from '../../../../src/indexers/families/aave-v3/index.js';
import { rayMul } from '../../../../src/indexers/families/aave-v3/positions.js';
import { changed, fixtureSource, indexerError } from './fixture-source.js';

const POOL = '0x2f39d218133afab8f2b819b1066c7e434ad94e9e';
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const WSTETH = '0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const MKR = '0x9f8f72aa9304c8b593d555f12ef6589cc3a579a2';
const [A, B, C] = ['0x1111111111111111111111111111111111111111', '0x2222222222222222222222222222222222222222', '0x4444444444444444444444444444444444444444'];
const LIQUIDATOR = '0x3333333333333333333333333333333333333333';
const RAY = '000000000000000000000000000'; // 27 zeros

const reserve = (asset: string, symbol: string, decimals: number, bps: [string, string, string], priceE8: string, more: Record<string, unknown> = {}) => ({
  id: `${asset}${POOL}`, underlyingAsset: asset, symbol, name: symbol, decimals,
  usageAsCollateralEnabled: bps[1] !== '0', borrowingEnabled: true, isActive: true, isFrozen: false, isPaused: false, isDropped: false,
  baseLTVasCollateral: bps[0], reserveLiquidationThreshold: bps[1], reserveLiquidationBonus: bps[2],
  liquidityIndex: `1${RAY}`, variableBorrowIndex: `1${RAY}`, lastUpdateTimestamp: 1692990000,
  borrowCap: '0', supplyCap: '0', debtCeiling: '0', borrowableInIsolation: false, siloedBorrowing: false, eMode: null,
  price: { id: asset, priceInEth: priceE8, oracle: { id: '1', baseCurrency: '0x0000000000000000000000000000000000000000', baseCurrencyUnit: '100000000' } },
  pool: { id: POOL }, ...more,
});
const userReserve = (user: string, category: string | null, asset: string, balances: Partial<Record<'scaledATokenBalance' | 'scaledVariableDebt' | 'currentStableDebt', string>>, usage = true) => ({
  id: `${user}${asset}${POOL}`, user: { id: user, eModeCategoryId: category === null ? null : { id: category } }, reserve: { id: `${asset}${POOL}` },
  usageAsCollateralEnabledOnUser: usage, scaledATokenBalance: '0', currentATokenBalance: '0', scaledVariableDebt: '0', currentVariableDebt: '0',
  principalStableDebt: balances.currentStableDebt ?? '0', currentStableDebt: '0', ...balances,
});

const payload = {
  reserves: [
    reserve(WETH, 'WETH', 18, ['8050', '8300', '10500'], '180000000000', {
      liquidityIndex: `105${RAY.slice(2)}`, variableBorrowIndex: `11${RAY.slice(1)}`, eMode: { id: '1' }, supplyCap: '1800000', borrowCap: '1400000',
    }),
    reserve(WSTETH, 'wstETH', 18, ['7850', '8100', '10600'], '208050000000', { eMode: { id: '1' } }),
    reserve(USDC, 'USDC', 6, ['7700', '8000', '10450'], '100010000', { liquidityIndex: `102${RAY.slice(2)}`, variableBorrowIndex: `104${RAY.slice(2)}` }),
    reserve(MKR, 'MKR', 18, ['6500', '7000', '10850'], '150000000000', { debtCeiling: '500000000', borrowableInIsolation: false }),
  ],
  eModeCategories: [
    { id: '1', ltv: '9300', liquidationThreshold: '9500', liquidationBonus: '10100', label: 'ETH correlated' },
    { id: '2', ltv: '0', liquidationThreshold: '0', liquidationBonus: '0', label: 'PLACEHOLDER' },
  ],
  eModeCategoryConfigs: [],
  userReserves: [
    userReserve(A, '1', WSTETH, { scaledATokenBalance: '2000000000000000000' }), // 2 wstETH × 1.0 = 2, e-mode collateral
    userReserve(A, '1', WETH, { scaledVariableDebt: '1000000000000000000' }), // 1 × 1.1 = 1.1 WETH debt
    userReserve(B, null, WETH, { scaledATokenBalance: '1000000000000000000' }), // 1 × 1.05 = 1.05 WETH, no e-mode
    userReserve(B, null, USDC, { scaledATokenBalance: '1000000' }, false), // 1 × 1.02 = 1.02 USDC, usage off: supply
    userReserve(C, '1', USDC, { scaledATokenBalance: '2000000', scaledVariableDebt: '500000', currentStableDebt: '10000' }), // USDC is not in category 1
  ],
  liquidationCalls: [{
    id: `17999000:12:0x${'cd'.repeat(32)}:57:3`, txHash: `0x${'cd'.repeat(32)}`, user: { id: A },
    collateralReserve: { id: `${WETH}${POOL}` }, collateralAmount: '105000000000000000', principalReserve: { id: `${USDC}${POOL}` }, principalAmount: '180000000',
    liquidator: LIQUIDATOR, timestamp: 1692990000, collateralAssetPriceUSD: '1800', borrowAssetPriceUSD: '1.0001',
  }],
};
const source = fixtureSource('aave-v3', 'aave-v3-ethereum-emode', 'aave-v3-native');

describe('aave-v3 normalize', () => {
  const rows = aaveV3.normalize(source, payload);

  it('is pooled with Aave v3 terms, and prices reserves from the oracle in USD with 8 decimals', () => {
    expect(rows.protocols[0]).toMatchObject({ protocol: 'aave-v3-native', isolation: 'pooled', closeFactor: 0.5, fullCloseBelowHf: 0.95, extra: expect.objectContaining({ pool: POOL }) });
    expect(Object.fromEntries(rows.assets.map((a) => [a.symbol, a.priceUsd]))).toEqual({ wstETH: 2080.5, WETH: 1800, USDC: 1.0001, MKR: 1500 });
  });

  it('writes reserve markets in fractions (10500 → 0.05 bonus) and one e-mode market per category asset', () => {
    expect(rows.markets.map((m) => [m.market, m.asset, m.ltv, m.liquidationThreshold, m.liquidationBonus, m.supplyCap, m.borrowCap])).toEqual([
      ['WETH', 'WETH', 0.805, 0.83, 0.05, 1_800_000, 1_400_000],
      ['wstETH', 'wstETH', 0.785, 0.81, 0.06, null, null],
      ['USDC', 'USDC', 0.77, 0.8, 0.045, null, null],
      ['MKR', 'MKR', 0.65, 0.7, 0.085, null, null],
      ['wstETH@emode-1', 'wstETH', 0.93, 0.95, 0.01, null, null], // e-mode rows in asset-address order
      ['WETH@emode-1', 'WETH', 0.93, 0.95, 0.01, 1_800_000, 1_400_000],
    ]);
    expect(rows.markets[4]!.extra).toMatchObject({ emode_category: '1', emode_label: 'ETH correlated' });
  });

  it('keeps the isolation-mode debt ceiling (2 decimals of USD) in extra', () => {
    expect(rows.markets.find((m) => m.asset === 'MKR')!.extra).toMatchObject({ isolation_mode: 'true', debt_ceiling_usd: '5000000', borrowable_in_isolation: 'false' });
  });

  it('recomputes amounts from scaled balances and points e-mode collateral to the e-mode market', () => {
    expect(rows.positions.map((p) => [p.account, p.market, p.asset, p.side, p.amount])).toEqual([
      [A, 'wstETH@emode-1', 'wstETH', 'collateral', '2'],
      [A, 'WETH', 'WETH', 'debt', '1.1'],
      [B, 'WETH', 'WETH', 'collateral', '1.05'],
      [B, 'USDC', 'USDC', 'supply', '1.02'],
      [C, 'USDC', 'USDC', 'collateral', '2.04'],
      [C, 'USDC', 'USDC', 'debt', '0.53'], // 0.5 × 1.04 = 0.52 variable + 0.01 stable
    ]);
  });

  it('writes liquidation calls with both amounts and the debt repaid in USD at the time', () => {
    expect(rows.liquidationEvents).toHaveLength(1);
    const event = rows.liquidationEvents[0]!;
    expect({ ...event, debtRepaidUsd: undefined, extra: undefined }).toEqual({
      protocol: 'aave-v3-native', txHash: `0x${'cd'.repeat(32)}`, logIndex: 57, blockNumber: 17_999_000, timestamp: '2023-08-25T19:00:00.000Z',
      liquidator: LIQUIDATOR, account: A, collateralAsset: 'WETH', debtAsset: 'USDC', collateralAmount: '0.105', debtAmount: '180', debtRepaidUsd: undefined, extra: undefined,
    });
    expect(event.debtRepaidUsd).toBeCloseTo(180.018, 9);
  });

  it('warns about the placeholder e-mode category', () => {
    expect(rows.warnings).toEqual(['e-mode category 2 (PLACEHOLDER) has a liquidation threshold of 0 (a placeholder); it is left out']);
  });

  it('reads v3.2 membership from EModeCategoryConfig when the category has configs', () => {
    const v32 = changed(payload, (p) => {
      (p.eModeCategoryConfigs as unknown[]).push({ id: `${WSTETH}1`, category: { id: '1' }, asset: WSTETH, collateral: true, borrowable: false });
    });
    const out = aaveV3.normalize(source, v32);
    expect(out.markets.filter((m) => m.market.includes('@emode')).map((m) => m.market)).toEqual(['wstETH@emode-1']);
  });

  it('rounds rayMul half up, as the subgraph and the v3.0–3.3 tokens do', () => {
    expect(rayMul(3n, 15n * 10n ** 26n)).toBe(5n); // 4.5 → 5
    expect(rayMul(3n, 14n * 10n ** 26n)).toBe(4n); // 4.2 → 4
  });
});

describe('aave-v3 normalize: bad data', () => {
  const fails = (p: typeof payload, config = {}) => indexerError(() => aaveV3.normalize(fixtureSource('aave-v3', 'aave', 'aave', config), p)).message;

  it('a threshold above 100% names the reserve and field', () => {
    expect(fails(changed(payload, (p) => (p.reserves[2]!.reserveLiquidationThreshold = '12000')))).toBe(
      `contagion/indexers: source aave, entity reserves: reserveLiquidationThreshold 12000 of id ${USDC}${POOL} is not a basis-point value in 0..10000`,
    );
  });

  it('a missing balance field', () => {
    expect(fails(changed(payload, (p) => delete (p.userReserves[0] as Partial<(typeof p.userReserves)[0]>).scaledATokenBalance))).toContain(
      `entity userReserves: malformed item "${A}${WSTETH}${POOL}": field "scaledATokenBalance": Invalid input`,
    );
  });

  it('a subgraph with two pools needs options.pool', () => {
    const OTHER = '0x0000000000000000000000000000000000000abc';
    const twoPools = changed(payload, (p) => p.reserves.push({ ...p.reserves[0]!, id: `${WETH}${OTHER}`, pool: { id: OTHER } }));
    expect(fails(twoPools)).toContain(`the subgraph serves 2 pools (${OTHER}, ${POOL}); set options.pool`);
    expect(aaveV3.normalize(fixtureSource('aave-v3', 'aave', 'aave', { options: { pool: POOL } }), twoPools).markets).toHaveLength(6);
    expect(fails(payload, { options: { pool: OTHER, prise: 1 } })).toContain('config field "options"');
  });
});
