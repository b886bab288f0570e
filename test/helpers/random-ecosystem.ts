import fc from 'fast-check';
import type { ToyEcosystem } from './toy-ecosystem.js';

/** Risky assets the random ecosystems draw collateral from; USDC is the unit of debt. */
export const RISKY = ['WETH', 'WBTC', 'LINK'] as const;
const PRICES: Record<string, number> = { USDC: 1, WETH: 2000, WBTC: 35_000, LINK: 11, DAI: 1 };

export interface RandomEcosystemOptions {
  withPools: boolean;
  /** Allow debt in a risky asset as well as in stablecoins. */
  riskyDebt: boolean;
  maxAccounts: number;
}

/**
 * Random lending ecosystems in which every account starts with HF ≥ 1: collateral is drawn first,
 * then debt is sized to hit a drawn health factor in [1, 3].
 */
export function arbitraryEcosystem(options: RandomEcosystemOptions): fc.Arbitrary<ToyEcosystem> {
  const protocol = fc.record({
    closeFactor: fc.constantFrom(0.5, 1),
    fullCloseBelowHf: fc.option(fc.constantFrom(0.95, 0.9), { nil: undefined }),
  });
  const collateral = fc.record({
    asset: fc.constantFrom(...RISKY, 'DAI'),
    amount: fc.double({ min: 0.01, max: 1_000, noNaN: true }),
    liquidationThreshold: fc.double({ min: 0.5, max: 0.9, noNaN: true }),
    liquidationBonus: fc.double({ min: 0, max: 0.1, noNaN: true }),
  });
  const account = fc.record({
    protocolIndex: fc.nat(),
    collateral: fc.uniqueArray(collateral, { minLength: 1, maxLength: 3, selector: (c) => c.asset }),
    debtAssets: fc.uniqueArray(fc.constantFrom(...(options.riskyDebt ? ['USDC', 'WETH', 'DAI'] : ['USDC'])), { minLength: 1, maxLength: 2 }),
    healthFactor: fc.double({ min: 1, max: 3, noNaN: true }),
    split: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
  });
  const pool = fc.record({ asset: fc.constantFrom(...RISKY, 'DAI'), depthUsd: fc.double({ min: 1e4, max: 1e8, noNaN: true }) });
  return fc
    .record({
      protocols: fc.array(protocol, { minLength: 1, maxLength: 3 }),
      accounts: fc.array(account, { minLength: 1, maxLength: options.maxAccounts }),
      pools: fc.uniqueArray(pool, { maxLength: options.withPools ? 4 : 0, selector: (p) => p.asset }),
    })
    .map(({ protocols, accounts, pools }): ToyEcosystem => {
      const named = protocols.map((p, i) => ({ name: `p${i}`, ...p }));
      return {
        assets: Object.entries(PRICES).map(([symbol, priceUsd]) => ({ symbol, priceUsd })),
        protocols: named,
        accounts: accounts.map((a, i) => {
          const weighted = a.collateral.reduce((sum, c) => sum + c.amount * PRICES[c.asset]! * c.liquidationThreshold, 0);
          const debtUsd = weighted / a.healthFactor;
          const shares = a.debtAssets.length === 1 ? [1] : [a.split, 1 - a.split];
          return {
            protocol: named[a.protocolIndex % named.length]!.name,
            account: `0x${i.toString(16)}`,
            collateral: a.collateral,
            // Rounded down so that HF ≥ 1 survives floating point.
            debt: a.debtAssets.map((asset, j) => ({ asset, amount: (debtUsd * shares[j]! * (1 - 1e-12)) / PRICES[asset]! })),
          };
        }),
        pools: pools.map((p) => ({ asset: p.asset, assetReserve: p.depthUsd / PRICES[p.asset]!, usdReserve: p.depthUsd })),
      };
    });
}

/** The same multiplier on every risky asset (and on DAI by `daiShock`, a depeg). */
export const uniformShock = (multiplier: number): Record<string, number> => Object.fromEntries(RISKY.map((a) => [a, multiplier]));
