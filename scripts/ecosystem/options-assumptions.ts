/**
 * Every number of the options venue that no public source gives: the listed expiries and strikes,
 * the shape of the volatility surface around the sourced ATM level, the kinds of account, their
 * counts, sizes and margin ratios, and the stress preview. data/README.md ("Options venue")
 * repeats each one in prose. Published values (Derive parameters, Lyra size, vol figures) live in
 * published-params.json, never here.
 */

export const OPTIONS_PROTOCOL = 'derive-options';
/** Derive's own OP-stack rollup (Lyra Chain, later Derive Chain); collateral tokens are the Ethereum ones, bridged. */
export const OPTIONS_CHAIN = 'lyra-chain';
/** Marks, vols and times to expiry are taken at the snapshot's time stamp (snapshot.json `taken_at`). */
export const VALUATION_TIME = '2023-10-31T00:00:00Z';

/** Friday 08:00 UTC expiries (Deribit and Derive style): two weeklies, the November and January monthlies, two quarterlies. */
export const EXPIRY_DATES = ['2023-11-03', '2023-11-10', '2023-11-24', '2023-12-29', '2024-01-26', '2024-03-29'] as const;
export const EXPIRY_HOUR_UTC = '08:00:00';

/** Strikes every 100 USD within ±clamp(4·σ_ATM·√T, 10%, 40%) of spot: weeklies list fewer strikes than quarterlies. */
export const STRIKE_GRID = { step: 100, sigmas: 4, minWidth: 0.1, maxWidth: 0.4 };

/**
 * Implied-vol surface around the sourced 30-day ATM level σ30 (published-params: Block Scholes
 * "mid-50s" less BitOoda's ~3-point BTC premium = 52%):
 *   σ_ATM(T) = σ30 · (max(T, 3 days) / 30 days)^(−termPower)      (mildly inverted: the front end was bid after the late-October rally)
 *   σ(K, T)  = σ_ATM(T) · (1 + skew·x + curvature·x²),  x = clamp(ln(K/S) / (σ_ATM(T)·√T), ±xClamp)
 * skew > 0 is a call skew (both Block Scholes and BitOoda describe Oct 2023 smiles skewed to calls).
 */
export const VOL_SURFACE = { termPower: 0.05, minDays: 3, skew: 0.02, curvature: 0.035, xClamp: 2.5 };

/** Sizes are whole lots of 0.01 ETH, so that per option the longs equal the shorts exactly. */
export const LOT = 0.01;
/** Smallest position of a non-market-maker account, in ETH. */
export const MIN_SIZE = 0.1;

/** Share of the customer (non-market-maker) notional per kind of account, before scaling to the published open interest. */
export const FLOW_SHARE = { buyers: 0.5, straddleSellers: 0.2, coveredCallVaults: 0.18, putVaults: 0.12 };

/** Directional buyers: small long calls or puts (70% calls, after the call demand of Oct 2023), some two-legged. */
export const BUYERS = {
  accounts: 680,
  callShare: 0.7,
  secondLeg: 0.12,
  sizeSigma: 1.3,
  /** Weight of each expiry of EXPIRY_DATES. */
  expiryWeights: [0.25, 0.2, 0.2, 0.2, 0.1, 0.05],
  /** Strike choice: weight exp(−|x − xCentre| / xWidth) over the expiry's out-of-the-money strikes (x in standard deviations). */
  xCentre: 0.6,
  xWidth: 0.6,
  /** USDC left over after paying premium, as a multiple of the premium: lognormal median and log-sigma. */
  cashMedian: 0.6,
  cashSigma: 1,
  minCashUsd: 25,
};

/** Short straddle and strangle sellers on thin margin: USDC only, margin ratio drawn near 1. */
export const STRADDLE_SELLERS = {
  accounts: 130,
  /** Weights of EXPIRY_DATES (no weeklies closer than a week; none beyond December). */
  expiryWeights: [0, 0.35, 0.4, 0.25, 0, 0],
  strangleShare: 0.5,
  /** Strangle legs at about ±0.8 standard deviations. */
  strangleX: 0.8,
  sizeSigma: 1.1,
  /** Margin ratio r = 1 + medianExcess·exp(sigma·z); a tail share drawn uniformly in [tailLo, tailHi]. */
  ratio: { medianExcess: 0.4, sigma: 0.55, tailShare: 0.1, tailLo: 1.005, tailHi: 1.08 },
};

/**
 * Theta vaults (the Ribbon / Lyra-vault pattern): covered calls hold 1 WETH per call sold, cash-secured
 * puts hold the strike in USDC per put sold; weekly vaults sell the 2023-11-03 expiry, monthly ones 2023-11-24.
 */
export const VAULTS = {
  coveredCall: { accounts: 8, weekly: 5, weeklyMoneyness: 1.1, monthlyMoneyness: 1.15 },
  cashSecuredPut: { accounts: 6, weekly: 4, weeklyMoneyness: 0.9, monthlyMoneyness: 0.85 },
  sizeSigma: 0.8,
};

/**
 * Market makers take the other side of every customer position (so each option's longs equal its
 * shorts), split across them by random appetite; each holds WETH equal to its book's negative delta
 * (a positive delta stays unhedged on the venue), and USDC so that the venue's collateral adds up to
 * the published TVL, shared so their margin ratios scatter around a common level.
 */
export const MARKET_MAKERS = { accounts: 10, participation: 0.7, appetiteSigma: 0.7, ratioSigma: 0.25, minRatio: 1.5 };

/** Cross-venue users: probability that an account reuses an address already active in a lending protocol. */
export const OPTIONS_ADDRESS_REUSE: Record<string, number> = { buyer: 0.25, 'straddle-seller': 0.3, 'covered-call-vault': 0, 'cash-secured-put-vault': 0, 'market-maker': 0 };

/** Stress preview printed by the generator: ETH down 30% with every implied vol ×1.5. */
export const STRESS_PREVIEW = [
  { spot: 0.9, volScale: 1.2 },
  { spot: 0.8, volScale: 1.35 },
  { spot: 0.7, volScale: 1.5 },
];

/** Price history written to price_history.csv: one year of daily UTC closes ending on the snapshot day. */
export const HISTORY = { from: '2022-10-31', to: '2023-10-31', closeTime: 'T23:59:59Z' };
/** Which Yahoo series feeds which asset (WBTC takes BTC-USD: it tracks BTC, see data/README.md). */
export const HISTORY_SERIES: readonly { asset: string; source: string; label: string }[] = [
  { asset: 'ETH', source: 'yahoo-eth-usd', label: 'yahoo-finance:ETH-USD' },
  { asset: 'WETH', source: 'yahoo-eth-usd', label: 'yahoo-finance:ETH-USD' },
  { asset: 'WBTC', source: 'yahoo-btc-usd', label: 'yahoo-finance:BTC-USD' },
];
