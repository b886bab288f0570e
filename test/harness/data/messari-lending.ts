/**
 * A Messari lending-schema (v3.1.0) subgraph's entities for a pooled lender shaped like Aave v3 on
 * Ethereum: tokens, one `LendingProtocol`, markets with Messari's risk parameters as percentages
 * ("82.5"), accounts with collateral (`COLLATERAL`, some with `isCollateral: false`) and
 * variable-rate `BORROWER` positions at a drawn health factor, some closed positions
 * (`hashClosed` set, balance 0), and past `Liquidate` events.
 */
import { defaultBlockTimestamp } from '../chain.js';
import { decimal, fromRaw, sumRaw } from './amounts.js';
import { EntitySetBuilder, type GeneratedData } from './entity-set.js';
import { entityFiller } from './fill-defaults.js';
import { planLiquidations, planPooledBook, type BookMarket } from './lending-book.js';
import { addAccounts, addLiquidations, addPositions, addToken, type MessariContext } from './messari-entities.js';
import { createRng } from './prng.js';
import { pickTokens } from './token-catalogue.js';

export interface MessariLendingOptions {
  readonly seed: number;
  readonly accounts: number;
  readonly markets: number;
  /** Distinct input tokens (default: one per market); markets beyond it reuse tokens. */
  readonly tokens?: number;
  /** Past liquidation events (default: one per ten accounts). */
  readonly liquidations?: number;
  /** Block the state is as of (default 18,460,000, about 2023-10-31). */
  readonly block?: number;
}

/** Aave v3 Ethereum's PoolAddressesProvider, which Messari's Aave subgraph uses as the protocol id. */
export const MESSARI_LENDING_PROTOCOL_ID = '0x2f39d218133afab8f2b819b1066c7e434ad94e9e';

export function messariLendingData(options: MessariLendingOptions): GeneratedData {
  const rng = createRng(options.seed);
  const block = options.block ?? 18_460_000;
  const ctx: MessariContext = { rng, fill: entityFiller('messari-lending'), out: new EntitySetBuilder(), block };
  const { fill, out } = ctx;
  const tokens = pickTokens(rng, options.tokens ?? options.markets);
  for (const token of tokens) addToken(ctx, token);
  const markets: BookMarket[] = Array.from({ length: options.markets }, (_, i) => {
    const token = tokens[i % tokens.length]!;
    const canBeCollateral = i === 0 || rng.chance(0.9);
    return { id: rng.address(), collateralToken: token, debtToken: token, canBeCollateral, liquidationThresholdPct: canBeCollateral ? token.liquidationThresholdPct : 0 };
  });

  const book = planPooledBook(rng, markets, options.accounts);
  const positions = addPositions(ctx, book, { sideOf: (p) => (p.side === 'collateral' ? 'COLLATERAL' : 'BORROWER') });
  const liquidators = Array.from({ length: Math.max(1, Math.min(8, Math.ceil(options.accounts / 50))) }, () => rng.address());
  const planned = planLiquidations(rng, book, options.liquidations ?? Math.floor(options.accounts / 10), (p) => p.token.liquidationBonusPct);
  const liquidations = addLiquidations(ctx, planned, positions, liquidators);
  addAccounts(ctx, positions, liquidations, liquidators);

  const open = positions.filter((p) => p.hashClosed === null);
  const totals = { deposit: 0, borrow: 0 };
  for (const market of markets) {
    const token = market.collateralToken;
    const inMarket = positions.filter((p) => p.market === market.id);
    const openInMarket = inMarket.filter((p) => p.hashClosed === null);
    const balance = (side: string) => sumRaw(openInMarket.filter((p) => p.side === side).map((p) => String(p.balance)));
    const usd = (raw: string) => fromRaw(raw, token.decimals) * token.priceUsd;
    const deposits = balance('COLLATERAL');
    const borrowed = balance('BORROWER');
    totals.deposit += usd(deposits);
    totals.borrow += usd(borrowed);
    const rates = (['LENDER', 'BORROWER'] as const).map((side) => {
      const rate = decimal(side === 'LENDER' ? rng.float(0.5, 4) : rng.float(2, 8), 4);
      return String(out.add('InterestRate', fill('InterestRate', { id: `${side}-VARIABLE-${market.id}`, rate, side, type: 'VARIABLE' })).id);
    });
    const created = block - rng.int(100_000, 3_000_000);
    out.add('Market', fill('Market', {
      id: market.id,
      protocol: MESSARI_LENDING_PROTOCOL_ID,
      name: `Aave Ethereum ${token.symbol}`,
      isActive: true,
      canBorrowFrom: true,
      canUseAsCollateral: market.canBeCollateral,
      maximumLTV: decimal(market.canBeCollateral ? token.ltvPct : 0),
      liquidationThreshold: decimal(market.liquidationThresholdPct),
      liquidationPenalty: decimal(token.liquidationBonusPct),
      createdTimestamp: String(defaultBlockTimestamp(created)),
      createdBlockNumber: String(created),
      rates,
      inputToken: token.address,
      inputTokenBalance: deposits,
      inputTokenPriceUSD: decimal(token.priceUsd),
      variableBorrowedTokenBalance: borrowed,
      stableBorrowedTokenBalance: '0',
      reserveFactor: decimal(rng.pick([10, 15, 20])),
      totalValueLockedUSD: decimal(usd(deposits), 2),
      totalDepositBalanceUSD: decimal(usd(deposits), 2),
      totalBorrowBalanceUSD: decimal(usd(borrowed), 2),
      positionCount: inMarket.length,
      openPositionCount: openInMarket.length,
      closedPositionCount: inMarket.length - openInMarket.length,
      lendingPositionCount: openInMarket.filter((p) => p.side === 'COLLATERAL').length,
      borrowingPositionCount: openInMarket.filter((p) => p.side === 'BORROWER').length,
      liquidationCount: liquidations.filter((l) => l.market === market.id).length,
    }));
  }

  out.add('LendingProtocol', fill('LendingProtocol', {
    id: MESSARI_LENDING_PROTOCOL_ID,
    protocol: 'Aave',
    name: 'Aave v3',
    slug: 'aave-v3',
    schemaVersion: '3.1.0',
    subgraphVersion: '1.0.0',
    methodologyVersion: '1.0.0',
    network: 'MAINNET',
    type: 'LENDING',
    lendingType: 'POOLED',
    lenderPermissionType: 'PERMISSIONLESS',
    borrowerPermissionType: 'PERMISSIONLESS',
    riskType: 'GLOBAL',
    collateralizationType: 'OVER_COLLATERALIZED',
    cumulativeUniqueUsers: out.all('Account').length,
    totalValueLockedUSD: decimal(totals.deposit, 2),
    totalDepositBalanceUSD: decimal(totals.deposit, 2),
    totalBorrowBalanceUSD: decimal(totals.borrow, 2),
    totalPoolCount: markets.length,
    openPositionCount: open.length,
    cumulativePositionCount: positions.length,
    liquidationCount: liquidations.length,
  }));
  return { entities: out.entities, block, timestamp: defaultBlockTimestamp(block) };
}
