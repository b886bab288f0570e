/**
 * Morpho Blue's subgraph (morpho-org/morpho-blue-subgraph: the Messari lending schema plus Morpho
 * fields) for isolated markets: each `Market` pairs a collateral token (`inputToken`) with a loan
 * token (`borrowedToken`) under an LLTV stored both as Morpho's WAD (`lltv`, 0.86e18) and as
 * Messari percentages (`liquidationThreshold` "86"), with its own `Oracle`. Accounts post
 * `COLLATERAL` and borrow (`BORROWER`, with shares) in the same market; `SUPPLIER`s fund the
 * loans; `Liquidate` events carry both the repaid and the seized side.
 */
import { defaultBlockTimestamp } from '../chain.js';
import { decimal, fromRaw, sumRaw, toRaw } from './amounts.js';
import { EntitySetBuilder, type GeneratedData } from './entity-set.js';
import { entityFiller } from './fill-defaults.js';
import { planIsolatedBook, planLiquidations, position, type BookMarket, type BookPosition } from './lending-book.js';
import { addAccounts, addLiquidations, addPositions, addToken, type MessariContext } from './messari-entities.js';
import { createRng } from './prng.js';
import { TOKEN_CATALOGUE, type CatalogueToken } from './token-catalogue.js';

export interface MorphoBlueOptions {
  readonly seed: number;
  readonly accounts: number;
  readonly markets: number;
  readonly liquidations?: number;
  readonly block?: number;
}

/** The Morpho Blue singleton on Ethereum, the protocol id. */
export const MORPHO_BLUE_ID = '0xbbbbbbbbbb9cc5e90e3b3af64bdaf62c37eeffcb';
/** Morpho's AdaptiveCurveIrm. */
const IRM = '0x870ac11d48b15db9a138cf899d20f13f79ba00bc';
const WAD = 10n ** 18n;
/** Morpho mints 1e6 virtual shares per unit of assets at the start; interest moves the ratio. */
const VIRTUAL_SHARES = 1_000_000n;

/** Liquidation incentive factor, Morpho Blue whitepaper: min(1.15, 1 / (0.3 · LLTV + 0.7)). */
const incentivePct = (lltvPct: number): number => (Math.min(1.15, 1 / (0.3 * (lltvPct / 100) + 0.7)) - 1) * 100;

interface MorphoMarket extends BookMarket {
  readonly lltvPct: number;
  readonly oracle: string;
  readonly shareRate: number;
}

function pairs(): [CatalogueToken, CatalogueToken, number][] {
  const bySymbol = (s: string) => TOKEN_CATALOGUE.find((t) => t.symbol === s)!;
  const stables = ['USDC', 'USDT', 'DAI'].map(bySymbol);
  const volatile = ['WETH', 'WBTC', 'wstETH', 'LINK', 'cbETH', 'rETH', 'UNI', 'AAVE', 'MKR'].map(bySymbol);
  const out: [CatalogueToken, CatalogueToken, number][] = [];
  for (const c of volatile) for (const l of stables) out.push([c, l, c.symbol === 'WETH' || c.symbol === 'WBTC' || c.symbol === 'wstETH' ? 86 : 77]);
  for (const c of volatile.filter((t) => t.ethCorrelated && t.symbol !== 'WETH')) out.push([c, bySymbol('WETH'), 94.5]);
  return out;
}

export function morphoBlueData(options: MorphoBlueOptions): GeneratedData {
  const rng = createRng(options.seed);
  const block = options.block ?? 18_460_000;
  const timestamp = defaultBlockTimestamp(block);
  const ctx: MessariContext = { rng, fill: entityFiller('morpho-blue'), out: new EntitySetBuilder(), block };
  const { fill, out } = ctx;
  const markets: MorphoMarket[] = rng.sample(pairs(), options.markets).map(([collateralToken, debtToken, lltvPct]) => ({
    id: rng.hash(), collateralToken, debtToken, canBeCollateral: true, liquidationThresholdPct: lltvPct, lltvPct, oracle: rng.address(), shareRate: rng.float(0.9, 1),
  }));
  if (markets.length < options.markets) throw new Error(`test/harness/data/morpho-blue: at most ${markets.length} markets can be generated`);
  for (const token of new Set(markets.flatMap((m) => [m.collateralToken, m.debtToken]))) addToken(ctx, token);

  const book = planIsolatedBook(rng, markets, options.accounts);
  for (const market of markets) {
    const borrowed = book.flatMap((a) => a.positions).filter((p) => p.market === market && p.side === 'debt').reduce((s, p) => s + p.usd, 0);
    const supply = Math.max(borrowed / rng.float(0.6, 0.92), rng.lognormal(200_000, 1));
    for (let i = 0, n = rng.int(2, 5); i < n; i++) {
      const address = rng.address();
      book.push({ address, positions: [position(address, market, 'supply', supply / n)], healthFactor: null });
    }
  }
  const shares = (p: BookPosition) => {
    const rate = (p.market as MorphoMarket).shareRate;
    return p.side === 'collateral' ? null : ((BigInt(toRaw(p.amount, p.token.decimals)) * VIRTUAL_SHARES * 1000n) / BigInt(Math.round(rate * 1000))).toString();
  };
  const sides = { collateral: 'COLLATERAL', debt: 'BORROWER', supply: 'SUPPLIER' } as const;
  const positions = addPositions(ctx, book, { sideOf: (p) => sides[p.side], extra: (p) => ({ shares: shares(p), depositCollateralCount: p.side === 'collateral' ? 1 : 0 }) });
  const liquidators = Array.from({ length: 4 }, () => rng.address());
  const planned = planLiquidations(rng, book, options.liquidations ?? Math.floor(options.accounts / 10), (p) => incentivePct((p.market as MorphoMarket).lltvPct));
  const liquidations = addLiquidations(ctx, planned, positions, liquidators, (l) => ({
    collateralAsset: l.collateral.token.address,
    repaid: toRaw(l.repaidUsd / l.debt.token.priceUsd, l.debt.token.decimals),
    repaidUSD: decimal(l.repaidUsd, 2),
  }));
  addAccounts(ctx, positions, liquidations, liquidators);

  for (const market of markets) {
    const open = positions.filter((p) => p.market === market.id && p.hashClosed === null);
    const total = (side: string, key: 'balance' | 'shares') => sumRaw(open.filter((p) => p.side === side).map((p) => String(p[key] ?? '0')));
    const [collateral, supplied, borrowed] = [total('COLLATERAL', 'balance'), total('SUPPLIER', 'balance'), total('BORROWER', 'balance')];
    const usd = (raw: string, token: CatalogueToken) => fromRaw(raw, token.decimals) * token.priceUsd;
    const created = block - rng.int(1_000, 400_000);
    out.add('Oracle', fill('Oracle', { id: market.oracle, oracleAddress: market.oracle, blockCreated: String(created), timestampCreated: String(defaultBlockTimestamp(created)), isActive: true, isUSD: false, oracleSource: 'CHAINLINK' }));
    const rates = (['LENDER', 'BORROWER'] as const).map((side) => {
      const rate = decimal(side === 'LENDER' ? rng.float(1, 6) : rng.float(3, 10), 4);
      return String(out.add('InterestRate', fill('InterestRate', { id: `${side}-VARIABLE-${market.id}`, rate, side, type: 'VARIABLE', market: market.id })).id);
    });
    out.add('Market', fill('Market', {
      id: market.id, protocol: MORPHO_BLUE_ID, name: `${market.collateralToken.symbol} / ${market.debtToken.symbol}`,
      isActive: true, canBorrowFrom: true, canUseAsCollateral: true,
      maximumLTV: decimal(market.lltvPct), liquidationThreshold: decimal(market.lltvPct), liquidationPenalty: decimal(incentivePct(market.lltvPct), 4),
      createdTimestamp: String(defaultBlockTimestamp(created)), createdBlockNumber: String(created), oracle: market.oracle,
      inputToken: market.collateralToken.address, inputTokenBalance: collateral, inputTokenPriceUSD: decimal(market.collateralToken.priceUsd),
      rates, reserves: '0', reserveFactor: '0', borrowedToken: market.debtToken.address, variableBorrowedTokenBalance: borrowed,
      totalValueLockedUSD: decimal(usd(collateral, market.collateralToken) + usd(supplied, market.debtToken) - usd(borrowed, market.debtToken), 2),
      totalDepositBalanceUSD: decimal(usd(supplied, market.debtToken), 2), totalBorrowBalanceUSD: decimal(usd(borrowed, market.debtToken), 2),
      positionCount: open.length, openPositionCount: open.length,
      lendingPositionCount: open.filter((p) => p.side === 'SUPPLIER').length, borrowingPositionCount: open.filter((p) => p.side === 'BORROWER').length,
      collateralPositionCount: open.filter((p) => p.side === 'COLLATERAL').length,
      totalCollateral: collateral, totalSupply: supplied, totalBorrow: borrowed,
      totalSupplyShares: total('SUPPLIER', 'shares'), totalBorrowShares: total('BORROWER', 'shares'),
      lastUpdate: String(timestamp), irm: IRM, lltv: ((BigInt(Math.round(market.lltvPct * 10)) * WAD) / 1000n).toString(),
    }));
  }
  out.add('LendingProtocol', fill('LendingProtocol', {
    id: MORPHO_BLUE_ID, protocol: 'Morpho', name: 'Morpho Blue', slug: 'morpho-blue', schemaVersion: '3.0.0', subgraphVersion: '1.0.0', methodologyVersion: '1.0.0',
    network: 'MAINNET', type: 'LENDING', lendingType: 'POOLED', lenderPermissionType: 'PERMISSIONLESS', borrowerPermissionType: 'PERMISSIONLESS',
    riskType: 'ISOLATED', collateralizationType: 'OVER_COLLATERALIZED', cumulativeUniqueUsers: out.all('Account').length, totalPoolCount: markets.length,
    owner: rng.address(), feeRecipient: rng.address(), irmEnabled: [IRM], lltvEnabled: [...new Set(markets.map((m) => m.lltvPct))].map((pct) => ((BigInt(Math.round(pct * 10)) * WAD) / 1000n).toString()),
    openPositionCount: positions.filter((p) => p.hashClosed === null).length, cumulativePositionCount: positions.length, liquidationCount: liquidations.length,
  }));
  return { entities: out.entities, block, timestamp };
}
