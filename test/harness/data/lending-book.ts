/**
 * The shape every lending generator shares: accounts that post collateral and borrow against it
 * at a drawn health factor (HF = Σ collateral × liquidation threshold / Σ debt). Most accounts
 * sit between 1.02 and 3; about 5% are below 1, so liquidation scans find something. Pooled
 * books (Aave, Messari lending) count all of an account's collateral against all its debt;
 * isolated books (Morpho Blue) pair collateral and debt within one market.
 */
import type { Rng } from './prng.js';
import type { CatalogueToken } from './token-catalogue.js';

export interface BookMarket {
  readonly id: string;
  /** Token posted as collateral (the market's token in a pooled book). */
  readonly collateralToken: CatalogueToken;
  /** Token borrowed (the same as `collateralToken` in a pooled book). */
  readonly debtToken: CatalogueToken;
  readonly canBeCollateral: boolean;
  readonly liquidationThresholdPct: number;
}

export interface BookPosition {
  readonly account: string;
  readonly market: BookMarket;
  /** `supply` lends the debt token without backing a loan (Morpho's suppliers). */
  readonly side: 'collateral' | 'debt' | 'supply';
  readonly token: CatalogueToken;
  readonly usd: number;
  /** Human units of `token` (e.g. 1.5 for 1.5 WETH). */
  readonly amount: number;
  /** For collateral: counted in the health factor (Aave's usage-as-collateral switch). */
  readonly enabled: boolean;
}

export interface BookAccount {
  readonly address: string;
  readonly positions: readonly BookPosition[];
  /** The drawn health factor, or null for an account without debt. */
  readonly healthFactor: number | null;
}

export const position = (account: string, market: BookMarket, side: BookPosition['side'], usd: number, enabled = true): BookPosition => {
  const token = side === 'collateral' ? market.collateralToken : market.debtToken;
  return { account, market, side, token, usd, amount: usd / token.priceUsd, enabled };
};

const drawHealthFactor = (rng: Rng): number => (rng.chance(0.05) ? rng.float(0.85, 1) : rng.float(1.02, 3));

/** Accounts of a pooled lender; `borrowShare` of them borrow, preferring stablecoin markets. */
export function planPooledBook(rng: Rng, markets: readonly BookMarket[], accounts: number, borrowShare = 0.7): BookAccount[] {
  const collateralMarkets = markets.filter((m) => m.canBeCollateral);
  const stableMarkets = markets.filter((m) => m.debtToken.stable);
  if (collateralMarkets.length === 0) throw new Error('test/harness/data/lending-book: no market can be used as collateral');
  const book: BookAccount[] = [];
  for (let a = 0; a < accounts; a++) {
    const address = rng.address();
    const positions = rng
      .sample(collateralMarkets, rng.int(1, Math.min(3, collateralMarkets.length)))
      .map((market) => position(address, market, 'collateral', rng.lognormal(20_000, 1.5), !rng.chance(0.08)));
    const weighted = positions.filter((p) => p.enabled).reduce((sum, p) => sum + (p.usd * p.market.liquidationThresholdPct) / 100, 0);
    let healthFactor: number | null = null;
    if (weighted > 0 && rng.chance(borrowShare)) {
      healthFactor = drawHealthFactor(rng);
      const pool = stableMarkets.length > 0 && rng.chance(0.7) ? stableMarkets : markets;
      const borrowed = rng.sample(pool, rng.int(1, Math.min(2, pool.length)));
      const shares = borrowed.map(() => rng.float(0.2, 1));
      const total = shares.reduce((s, x) => s + x, 0);
      borrowed.forEach((market, i) => positions.push(position(address, market, 'debt', ((weighted / healthFactor!) * shares[i]!) / total)));
    }
    book.push({ address, positions, healthFactor });
  }
  // Borrowers can only take what suppliers put in: top up any market used above 90% with a
  // supplier who lends without using it as collateral, to 75% utilization.
  for (const market of markets) {
    const sum = (side: 'collateral' | 'debt') => book.reduce((s, a) => s + a.positions.filter((p) => p.market === market && p.side === side).reduce((t, p) => t + p.usd, 0), 0);
    const supplied = sum('collateral');
    const borrowed = sum('debt');
    if (borrowed <= 0.9 * supplied) continue;
    const address = rng.address();
    book.push({ address, positions: [position(address, market, 'collateral', borrowed / 0.75 - supplied, false)], healthFactor: null });
  }
  return book;
}

/** Accounts of an isolated-market lender: each uses one or two markets, borrowing in each. */
export function planIsolatedBook(rng: Rng, markets: readonly BookMarket[], accounts: number, borrowShare = 0.8): BookAccount[] {
  const book: BookAccount[] = [];
  for (let a = 0; a < accounts; a++) {
    const address = rng.address();
    const positions: BookPosition[] = [];
    let lowest: number | null = null;
    for (const market of rng.sample(markets, rng.int(1, Math.min(2, markets.length)))) {
      const collateralUsd = rng.lognormal(30_000, 1.5);
      positions.push(position(address, market, 'collateral', collateralUsd));
      if (!rng.chance(borrowShare)) continue;
      const healthFactor = drawHealthFactor(rng);
      lowest = lowest === null ? healthFactor : Math.min(lowest, healthFactor);
      positions.push(position(address, market, 'debt', (collateralUsd * market.liquidationThresholdPct) / 100 / healthFactor));
    }
    book.push({ address, positions, healthFactor: lowest });
  }
  return book;
}

/** A past liquidation: part of a debt repaid, collateral seized with the liquidation bonus. */
export interface PlannedLiquidation {
  readonly debt: BookPosition;
  readonly collateral: BookPosition;
  readonly repaidUsd: number;
  readonly seizedUsd: number;
}

/** `count` liquidations of borrowing accounts (collateral from the debt's market when isolated). */
export function planLiquidations(rng: Rng, book: readonly BookAccount[], count: number, bonusPct: (p: BookPosition) => number): PlannedLiquidation[] {
  const borrowers = book.filter((a) => a.healthFactor !== null);
  const out: PlannedLiquidation[] = [];
  for (let i = 0; i < count && borrowers.length > 0; i++) {
    const account = rng.pick(borrowers);
    const debt = rng.pick(account.positions.filter((p) => p.side === 'debt'));
    const sameMarket = account.positions.find((p) => p.side === 'collateral' && p.market.id === debt.market.id);
    const collateral = sameMarket ?? rng.pick(account.positions.filter((p) => p.side === 'collateral'));
    const repaidUsd = Math.min(debt.usd, rng.lognormal(2_000, 1));
    out.push({ debt, collateral, repaidUsd, seizedUsd: repaidUsd * (1 + bonusPct(collateral) / 100) });
  }
  return out;
}
