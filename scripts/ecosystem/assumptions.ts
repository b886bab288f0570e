/**
 * Every number in the dataset that no public source gives: account counts, how each protocol's
 * borrowing splits across kinds of borrower, health-factor and size distributions, cross-protocol
 * reuse of addresses, liquidator shares. data/README.md repeats each one in prose. Published
 * figures live in published-params.json, never here.
 */

export const DEFAULT_SEED = 20231031;

/** Health factor h = 1 + medianExcess * exp(sigma * z), except a `tailShare` drawn uniformly in [tailLo, tailHi]. */
export interface HfDist {
  medianExcess: number;
  sigma: number;
  tailShare: number;
  tailLo: number;
  tailHi: number;
}

/** Ordinary borrowers: median HF 1.5, 90% between about 1.2 and 2.1, 4% in [1.005, 1.10]. */
export const HF_REGULAR: HfDist = { medianExcess: 0.5, sigma: 0.5, tailShare: 0.04, tailLo: 1.005, tailHi: 1.1 };
/**
 * LST/ETH loops. The reference model has no e-mode, so loops are held to HF >= 1 under the normal
 * liquidation threshold: median 1.15. They do not react to an ETH-only shock of both legs alike.
 */
export const HF_LOOP: HfDist = { medianExcess: 0.15, sigma: 0.45, tailShare: 0.03, tailLo: 1.005, tailHi: 1.05 };

/** Log-space sigma of position sizes: heavy right tail, largest account a few % of a market. */
export const SIZE_SIGMA = 1.5;

/** One collateral slot: with probability `p`, one asset of `assets` not already used by the account. */
export interface CollateralSlot {
  assets: readonly string[];
  p: number;
}

export interface Archetype {
  name: string;
  accounts: number;
  /** USD share of the protocol's total borrowing of each asset taken by this kind of borrower. */
  debtShare: Record<string, number>;
  /** Probability of borrowing a second asset (pooled accounts borrow one or two). */
  secondDebt: number;
  /** First slot is the main collateral (p = 1); at most three collateral assets per account. */
  collateral: readonly CollateralSlot[];
  hf: 'regular' | 'loop';
}

export interface PooledPlan {
  protocol: string;
  suppliers: number;
  archetypes: readonly Archetype[];
  /** The largest wstETH supplier, a loop sized as a share of the market (research §1d). */
  whale?: { collateral: string; shareOfSupply: number; debt: string; hf: number };
}

const STABLES = ['USDC', 'USDT', 'DAI'] as const;
const stables = (share: number): Record<string, number> => ({ USDC: share, USDT: share, DAI: share });
const ANY_STABLE: CollateralSlot = { assets: STABLES, p: 1 };

/** Aave v3 Ethereum: ETH collateral with stable debt dominates; wstETH/WETH loops carry most WETH debt. */
export const AAVE_ETH_PLAN: PooledPlan = {
  protocol: 'aave-v3',
  suppliers: 899,
  whale: { collateral: 'wstETH', shareOfSupply: 0.1, debt: 'WETH', hf: 1.6 },
  archetypes: [
    { name: 'eth-stable', accounts: 820, debtShare: stables(0.416), secondDebt: 0.3, hf: 'regular',
      collateral: [{ assets: ['WETH'], p: 1 }, { assets: ['WBTC'], p: 0.15 }, { assets: ['wstETH'], p: 0.1 }, { assets: ['LINK'], p: 0.08 }, { assets: STABLES, p: 0.08 }] },
    { name: 'lst-stable', accounts: 380, debtShare: stables(0.24), secondDebt: 0.3, hf: 'regular',
      collateral: [{ assets: ['wstETH'], p: 1 }, { assets: ['WETH'], p: 0.2 }, { assets: ['cbETH'], p: 0.02 }] },
    { name: 'btc-stable', accounts: 330, debtShare: stables(0.17), secondDebt: 0.3, hf: 'regular',
      collateral: [{ assets: ['WBTC'], p: 1 }, { assets: ['WETH'], p: 0.25 }] },
    // One stablecoin borrowed against another (two borrowed stables would force the third as collateral).
    { name: 'stable-stable', accounts: 230, debtShare: stables(0.16), secondDebt: 0, hf: 'regular',
      collateral: [ANY_STABLE, { assets: STABLES, p: 0.3 }] },
    { name: 'link', accounts: 110, debtShare: { ...stables(0.012), WETH: 0.01 }, secondDebt: 0.2, hf: 'regular',
      collateral: [{ assets: ['LINK'], p: 1 }, { assets: ['WETH'], p: 0.2 }] },
    // UNI has a debt ceiling (isolation mode): UNI as the only collateral, one stable as debt.
    { name: 'uni-isolated', accounts: 50, debtShare: stables(0.002), secondDebt: 0, hf: 'regular',
      collateral: [{ assets: ['UNI'], p: 1 }] },
    { name: 'stable-short', accounts: 150, debtShare: { WETH: 0.16, WBTC: 0.4, UNI: 0.5 }, secondDebt: 0.15, hf: 'regular',
      collateral: [ANY_STABLE, { assets: STABLES, p: 0.3 }] },
    { name: 'wsteth-loop', accounts: 330, debtShare: { WETH: 0.728 }, secondDebt: 0, hf: 'loop',
      collateral: [{ assets: ['wstETH'], p: 1 }] },
    { name: 'cbeth-loop', accounts: 40, debtShare: { WETH: 0.012 }, secondDebt: 0, hf: 'loop',
      collateral: [{ assets: ['cbETH'], p: 1 }, { assets: ['wstETH'], p: 0.2 }] },
    { name: 'btc-eth', accounts: 60, debtShare: { WETH: 0.09 }, secondDebt: 0, hf: 'regular',
      collateral: [{ assets: ['WBTC'], p: 1 }] },
    { name: 'eth-btc', accounts: 60, debtShare: { WBTC: 0.6, UNI: 0.5 }, secondDebt: 0.2, hf: 'regular',
      collateral: [{ assets: ['WETH'], p: 1 }, { assets: ['wstETH'], p: 0.2 }] },
    { name: 'eth-lst', accounts: 40, debtShare: { wstETH: 1, cbETH: 1 }, secondDebt: 0.2, hf: 'regular',
      collateral: [{ assets: ['WETH'], p: 1 }, { assets: STABLES, p: 0.2 }] },
  ],
};

/**
 * Aave v3 Arbitrum: same kinds of borrower, no cbETH or UNI reserves, no whale. Stablecoin
 * utilization is high there (USDC: 56M borrowed of 63M supplied), so stablecoin-collateral
 * borrowers mostly borrow USDT/DAI against the larger USDC supply.
 */
/** DAI on Arbitrum is a $7M market: kept out of borrower collateral, held by pure suppliers only. */
const ARB_STABLE: CollateralSlot = { assets: ['USDC', 'USDT'], p: 1 };

export const AAVE_ARB_PLAN: PooledPlan = {
  protocol: 'aave-v3-arbitrum',
  suppliers: 200,
  archetypes: [
    { name: 'eth-stable', accounts: 250, debtShare: { USDC: 0.45, USDT: 0.3, DAI: 0.3 }, secondDebt: 0.3, hf: 'regular',
      collateral: [{ assets: ['WETH'], p: 1 }, { assets: ['WBTC'], p: 0.12 }, { assets: ['LINK'], p: 0.08 }] },
    { name: 'lst-stable', accounts: 70, debtShare: { USDC: 0.25, USDT: 0.15, DAI: 0.15 }, secondDebt: 0.3, hf: 'regular',
      collateral: [{ assets: ['wstETH'], p: 1 }, { assets: ['WETH'], p: 0.1 }] },
    { name: 'btc-stable', accounts: 90, debtShare: { USDC: 0.25, USDT: 0.15, DAI: 0.15 }, secondDebt: 0.3, hf: 'regular',
      collateral: [{ assets: ['WBTC'], p: 1 }, { assets: ['WETH'], p: 0.1 }] },
    // Borrow USDT or DAI against the much larger USDC supply.
    { name: 'stable-stable', accounts: 80, debtShare: { USDT: 0.35, DAI: 0.35 }, secondDebt: 0, hf: 'regular',
      collateral: [ARB_STABLE, { assets: ['USDC', 'USDT'], p: 0.3 }] },
    { name: 'link', accounts: 35, debtShare: { ...stables(0.05), WETH: 0.05 }, secondDebt: 0.2, hf: 'regular',
      collateral: [{ assets: ['LINK'], p: 1 }, { assets: ['WETH'], p: 0.1 }] },
    { name: 'stable-short', accounts: 50, debtShare: { WETH: 0.35, WBTC: 0.4 }, secondDebt: 0.15, hf: 'regular',
      collateral: [ARB_STABLE, { assets: ['USDC', 'USDT'], p: 0.3 }] },
    { name: 'wsteth-loop', accounts: 80, debtShare: { WETH: 0.45 }, secondDebt: 0, hf: 'loop',
      collateral: [{ assets: ['wstETH'], p: 1 }] },
    { name: 'btc-eth', accounts: 25, debtShare: { WETH: 0.15 }, secondDebt: 0, hf: 'regular',
      collateral: [{ assets: ['WBTC'], p: 1 }] },
    { name: 'eth-alt', accounts: 20, debtShare: { LINK: 1, WBTC: 0.6, wstETH: 1 }, secondDebt: 0.2, hf: 'regular',
      collateral: [{ assets: ['WETH'], p: 1 }, { assets: ['USDC', 'USDT'], p: 0.2 }] },
  ],
};

/** Compound v3: risk accounts per collateral asset (one collateral, base-asset debt, per the brief). */
export const COMET_ACCOUNTS: Record<string, Record<string, number>> = {
  cUSDCv3: { WETH: 330, WBTC: 190, LINK: 90, UNI: 90 },
  cWETHv3: { wstETH: 255, cbETH: 45 },
};
/**
 * cWETHv3 wstETH/cbETH split of the $52.65M collateral (USD share of wstETH). Not published; July
 * 2023 cap usage (wstETH 39.6%, cbETH 2.1%) says cbETH was the small one.
 */
export const CWETH_WSTETH_USD_SHARE = 0.9;

/** Morpho Blue: share of the $50M borrows per market (54% wstETH/WETH is published), accounts, HF. */
export const MORPHO_PLAN: Record<string, { borrowShare: number; accounts: number; hfMedianExcess: number; hf: 'regular' | 'loop' }> = {
  '0xc54d7acf14de29e0e5527cabd7a576506870346a78a11a6762e2cca66322ec41': { borrowShare: 0.54, accounts: 120, hfMedianExcess: 0.1, hf: 'loop' },
  '0xb323495f7e4148be5643a4ea4a8221eef163e4bccfdedc2a6f4696baacbc86cc': { borrowShare: 0.16, accounts: 70, hfMedianExcess: 0.5, hf: 'regular' },
  '0x3a85e619751152991742810df6ec69ce473daef99e28a64ab2340d7b7ccfee49': { borrowShare: 0.12, accounts: 55, hfMedianExcess: 0.5, hf: 'regular' },
  '0x7dde86a1e94561d9690ec678db673c1a6396365f7d1d65e129c5fff0990ff758': { borrowShare: 0.07, accounts: 45, hfMedianExcess: 0.5, hf: 'regular' },
  '0xe7e9694b754c4d4f7e21faf7223f6fa71abaeb10296a4c43a54a7977149687d2': { borrowShare: 0.05, accounts: 25, hfMedianExcess: 0.5, hf: 'regular' },
  '0xa921ef34e2fc7a27ccc50ae7e4b154e16c9799d3387076c421423ef52ac4df99': { borrowShare: 0.06, accounts: 35, hfMedianExcess: 0.5, hf: 'regular' },
};

/**
 * Probability that a risk account of a later protocol reuses an address already active in an
 * earlier one (processed in protocol order). Tuned so about 12% of distinct addresses appear in
 * two or more protocols; no public figure exists for this overlap.
 */
export const ADDRESS_REUSE: Record<string, number> = { 'aave-v3': 0, 'aave-v3-arbitrum': 0.25, 'compound-v3': 0.3, 'morpho-blue': 0.4 };
/** Share of cWETHv3 accounts that also hold a cUSDCv3 account (same protocol, other market). */
export const COMET_CROSS_MARKET_REUSE = 0.08;

/** Liquidators: count is published (70, Chaos Labs 2024-04-13); the Zipf exponent is assumed. */
export const LIQUIDATOR_ZIPF = 1.1;
export const SYNTHETIC_EVENTS: Record<string, number> = { 'compound-v3': 300, 'morpho-blue': 250 };
/** Smaller protocols are served by a subset of the same pool (bots that also liquidate on Aave). */
export const SYNTHETIC_LIQUIDATOR_POOL: Record<string, number> = { 'compound-v3': 20, 'morpho-blue': 25 };
/** Median and log-sigma of the USD repaid per liquidation (synthetic amounts). */
export const EVENT_SIZE = { medianUsd: 2500, sigma: 1.6 };
