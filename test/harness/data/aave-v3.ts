/**
 * Aave's own v3 subgraph (aave/protocol-subgraphs, schemas/v3.schema.graphql) for one Ethereum
 * pool: reserves with risk parameters in basis points as Aave stores them (LTV 8050, liquidation
 * threshold 8300, liquidation bonus 10500 = 5%), prices as `PriceOracleAsset.priceInEth` in the
 * v3 base currency (USD with 8 decimals), an ETH-correlated e-mode category, users and their
 * `UserReserve`s (aToken balance, variable debt, collateral switch), and `LiquidationCall`s.
 * Ids as the Aave subgraph writes them: reserve = asset ++ addresses provider, user reserve =
 * user ++ asset ++ addresses provider, events = block:txIndex:txHash:logIndex:txLogIndex.
 */
import { defaultBlockTimestamp } from '../chain.js';
import { decimal, sumRaw, toRaw } from './amounts.js';
import { EntitySetBuilder, type GeneratedData } from './entity-set.js';
import { entityFiller } from './fill-defaults.js';
import { planLiquidations, planPooledBook, type BookMarket } from './lending-book.js';
import { createRng } from './prng.js';
import { pickTokens } from './token-catalogue.js';

export interface AaveV3Options {
  readonly seed: number;
  readonly users: number;
  /** Reserves (default 8): the catalogue's tokens first. */
  readonly reserves?: number;
  /** Past liquidation calls (default: one per ten users). */
  readonly liquidations?: number;
  readonly block?: number;
}

/** Aave v3 Ethereum's PoolAddressesProvider: the `Pool` entity's id and the suffix of reserve ids. */
export const AAVE_V3_POOL_ID = '0x2f39d218133afab8f2b819b1066c7e434ad94e9e';
const RAY = 10n ** 27n;
const ray = (fraction: number): string => ((BigInt(Math.round(fraction * 1e9)) * RAY) / 10n ** 9n).toString();
const bps = (pct: number): string => String(Math.round(pct * 100));
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

export function aaveV3Data(options: AaveV3Options): GeneratedData {
  const rng = createRng(options.seed);
  const block = options.block ?? 18_460_000;
  const timestamp = defaultBlockTimestamp(block);
  const fill = entityFiller('aave-v3');
  const out = new EntitySetBuilder();
  const tokens = pickTokens(rng, options.reserves ?? 8);
  const reserveId = (asset: string) => `${asset}${AAVE_V3_POOL_ID}`;

  out.add('Protocol', fill('Protocol', { id: '1' }));
  out.add('Pool', fill('Pool', { id: AAVE_V3_POOL_ID, addressProviderId: '1', protocol: '1', pool: '0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2', lastUpdateTimestamp: timestamp, active: true, paused: false }));
  out.add('PriceOracle', fill('PriceOracle', {
    id: '1', proxyPriceProvider: '0x54586be62e3c3580375ae3723c145253060ca0c2', usdPriceEth: toRaw(1 / tokens[0]!.priceUsd, 18), usdPriceEthMainSource: rng.address(),
    fallbackPriceOracle: ZERO_ADDRESS, lastUpdateTimestamp: timestamp, version: 3, baseCurrency: ZERO_ADDRESS, baseCurrencyUnit: '100000000',
  }));
  out.add('EModeCategory', fill('EModeCategory', { id: '1', ltv: '9300', liquidationThreshold: '9500', liquidationBonus: '10100', oracle: ZERO_ADDRESS, label: 'ETH correlated' }));

  const markets: BookMarket[] = tokens.map((token) => ({ id: reserveId(token.address), collateralToken: token, debtToken: token, canBeCollateral: true, liquidationThresholdPct: token.liquidationThresholdPct }));
  const book = planPooledBook(rng, markets, options.users);
  const indexes = new Map(markets.map((m) => [m.id, { liquidity: ray(rng.float(1, 1.1)), variableBorrow: ray(rng.float(1.02, 1.2)), liquidityRate: ray(rng.float(0.005, 0.04)), borrowRate: ray(rng.float(0.02, 0.08)) }]));

  const userReserves = new Map<string, Record<string, unknown>>();
  for (const account of book) {
    const inEMode = account.positions.every((p) => p.token.ethCorrelated) && rng.chance(0.5);
    out.add('User', fill('User', { id: account.address, borrowedReservesCount: account.positions.filter((p) => p.side === 'debt').length, unclaimedRewards: '0', lifetimeRewards: '0', eModeCategoryId: inEMode ? '1' : null }));
    for (const p of account.positions) {
      const id = `${account.address}${p.token.address}${AAVE_V3_POOL_ID}`;
      const index = indexes.get(p.market.id)!;
      const ur = userReserves.get(id) ?? { id, pool: AAVE_V3_POOL_ID, reserve: p.market.id, user: account.address, usageAsCollateralEnabledOnUser: false, currentATokenBalance: '0', currentVariableDebt: '0', liquidityRate: index.liquidityRate, variableBorrowIndex: index.variableBorrow, lastUpdateTimestamp: timestamp };
      const raw = toRaw(p.amount, p.token.decimals);
      if (p.side === 'collateral') Object.assign(ur, { currentATokenBalance: raw, scaledATokenBalance: ((BigInt(raw) * RAY) / BigInt(index.liquidity)).toString(), usageAsCollateralEnabledOnUser: p.enabled });
      else Object.assign(ur, { currentVariableDebt: raw, currentTotalDebt: raw, scaledVariableDebt: ((BigInt(raw) * RAY) / BigInt(index.variableBorrow)).toString() });
      userReserves.set(id, ur);
    }
  }
  for (const ur of userReserves.values()) out.add('UserReserve', fill('UserReserve', ur));

  for (const market of markets) {
    const token = market.collateralToken;
    const mine = [...userReserves.values()].filter((ur) => ur.reserve === market.id);
    const supplied = sumRaw(mine.map((ur) => String(ur.currentATokenBalance)));
    const borrowed = sumRaw(mine.map((ur) => String(ur.currentVariableDebt)));
    const asCollateral = sumRaw(mine.filter((ur) => ur.usageAsCollateralEnabledOnUser === true).map((ur) => String(ur.currentATokenBalance)));
    const [aToken, vToken, sToken] = [rng.address(), rng.address(), rng.address()];
    for (const sub of [aToken, vToken, sToken]) out.add('SubToken', fill('SubToken', { id: sub, pool: AAVE_V3_POOL_ID, underlyingAssetAddress: token.address, underlyingAssetDecimals: token.decimals }));
    out.add('PriceOracleAsset', fill('PriceOracleAsset', { id: token.address, oracle: '1', priceInEth: toRaw(token.priceUsd, 8), priceSource: rng.address(), type: 'Simple', platform: 'Simple', lastUpdateTimestamp: timestamp }));
    if (token.ethCorrelated) out.add('EModeCategoryConfig', fill('EModeCategoryConfig', { id: `1-${token.address}`, category: '1', asset: token.address, collateral: true, borrowable: true }));
    const index = indexes.get(market.id)!;
    const available = BigInt(supplied) - BigInt(borrowed);
    out.add('Reserve', fill('Reserve', {
      id: market.id, underlyingAsset: token.address, pool: AAVE_V3_POOL_ID, symbol: token.symbol, name: token.name, decimals: token.decimals,
      usageAsCollateralEnabled: true, borrowingEnabled: true, isActive: true, price: token.address, reserveInterestRateStrategy: rng.address(),
      optimalUtilisationRate: ray(token.stable ? 0.9 : 0.8), variableRateSlope1: ray(token.stable ? 0.04 : 0.07), variableRateSlope2: ray(token.stable ? 0.6 : 3),
      baseLTVasCollateral: bps(token.ltvPct), reserveLiquidationThreshold: bps(token.liquidationThresholdPct), reserveLiquidationBonus: bps(100 + token.liquidationBonusPct),
      utilizationRate: decimal(BigInt(supplied) === 0n ? 0 : Number((BigInt(borrowed) * 10n ** 8n) / BigInt(supplied)) / 1e8, 8),
      totalLiquidity: supplied, totalATokenSupply: supplied, totalLiquidityAsCollateral: asCollateral, availableLiquidity: (available > 0n ? available : 0n).toString(),
      totalScaledVariableDebt: ((BigInt(borrowed) * RAY) / BigInt(index.variableBorrow)).toString(), totalCurrentVariableDebt: borrowed, totalSupplies: supplied,
      liquidityRate: index.liquidityRate, variableBorrowRate: index.borrowRate, liquidityIndex: index.liquidity, variableBorrowIndex: index.variableBorrow,
      aToken, vToken, sToken, reserveFactor: bps(rng.pick([10, 15, 20])), lastUpdateTimestamp: timestamp, stableDebtLastUpdateTimestamp: 0,
      liquidationProtocolFee: '1000', borrowableInIsolation: token.stable, eMode: token.ethCorrelated ? '1' : null,
    }));
  }

  const liquidators = Array.from({ length: 4 }, () => rng.address());
  for (const l of planLiquidations(rng, book, options.liquidations ?? Math.floor(options.users / 10), (p) => p.token.liquidationBonusPct)) {
    const at = block - rng.int(1, 500_000);
    const hash = rng.hash();
    const logIndex = rng.int(0, 300);
    const user = l.debt.account;
    out.add('LiquidationCall', fill('LiquidationCall', {
      id: `${at}:${rng.int(0, 200)}:${hash}:${logIndex}:${rng.int(0, 20)}`, txHash: hash, action: 'LiquidationCall', pool: AAVE_V3_POOL_ID, user,
      collateralReserve: l.collateral.market.id, collateralUserReserve: `${user}${l.collateral.token.address}${AAVE_V3_POOL_ID}`,
      collateralAmount: toRaw(l.seizedUsd / l.collateral.token.priceUsd, l.collateral.token.decimals),
      principalReserve: l.debt.market.id, principalUserReserve: `${user}${l.debt.token.address}${AAVE_V3_POOL_ID}`,
      principalAmount: toRaw(l.repaidUsd / l.debt.token.priceUsd, l.debt.token.decimals),
      liquidator: rng.pick(liquidators), timestamp: defaultBlockTimestamp(at),
      collateralAssetPriceUSD: decimal(l.collateral.token.priceUsd), borrowAssetPriceUSD: decimal(l.debt.token.priceUsd),
    }));
  }
  return { entities: out.entities, block, timestamp };
}
