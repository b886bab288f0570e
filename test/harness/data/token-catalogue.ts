/**
 * Tokens the generators draw from: real Ethereum mainnet addresses (lower-case, as The Graph
 * writes Bytes), decimals, a USD price near the embedded dataset's snapshot (2023-10-31), and
 * lending parameters close to Aave v3 Ethereum's at that time (LTV / liquidation threshold /
 * liquidation bonus, in percent). Past the catalogue, tokens are synthesized from the seed.
 */
import type { Rng } from './prng.js';

export interface CatalogueToken {
  readonly address: string;
  readonly symbol: string;
  readonly name: string;
  readonly decimals: number;
  readonly priceUsd: number;
  readonly ltvPct: number;
  readonly liquidationThresholdPct: number;
  readonly liquidationBonusPct: number;
  /** Stablecoins are borrowed more than they are posted; the generators use this to pick sides. */
  readonly stable: boolean;
  /** ETH and its staking derivatives share an Aave e-mode category. */
  readonly ethCorrelated: boolean;
}

const t = (
  address: string,
  symbol: string,
  name: string,
  decimals: number,
  priceUsd: number,
  [ltvPct, liquidationThresholdPct, liquidationBonusPct]: [number, number, number],
  kind: 'stable' | 'eth' | 'other' = 'other',
): CatalogueToken => ({ address, symbol, name, decimals, priceUsd, ltvPct, liquidationThresholdPct, liquidationBonusPct, stable: kind === 'stable', ethCorrelated: kind === 'eth' });

export const TOKEN_CATALOGUE: readonly CatalogueToken[] = [
  t('0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', 'WETH', 'Wrapped Ether', 18, 1816.85, [80.5, 83, 5], 'eth'),
  t('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', 'USDC', 'USD Coin', 6, 1, [77, 79, 4.5], 'stable'),
  t('0x2260fac5e5542a773aa44fbcfedf7c193bc2c599', 'WBTC', 'Wrapped BTC', 8, 34814.14, [73, 78, 5]),
  t('0x6b175474e89094c44da98b954eedeac495271d0f', 'DAI', 'Dai Stablecoin', 18, 1, [67, 80, 5], 'stable'),
  t('0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0', 'wstETH', 'Wrapped liquid staked Ether 2.0', 18, 2078.4, [78.5, 81, 6], 'eth'),
  t('0xdac17f958d2ee523a2206206994597c13d831ec7', 'USDT', 'Tether USD', 6, 1, [74, 76, 4.5], 'stable'),
  t('0x514910771af9ca656af840dff83e8264ecf986ca', 'LINK', 'ChainLink Token', 18, 11.2, [53, 68, 7]),
  t('0xbe9895146f7af43049ca1c1ae358b0541ea49704', 'cbETH', 'Coinbase Wrapped Staked ETH', 18, 1902.3, [74.5, 77, 7.5], 'eth'),
  t('0xae78736cd615f374d3085123a210448e74fc6393', 'rETH', 'Rocket Pool ETH', 18, 1991.7, [67, 74, 7.5], 'eth'),
  t('0x1f9840a85d5af5bf1d1762f925bdaddc4201f984', 'UNI', 'Uniswap', 18, 4.45, [65, 77, 10]),
  t('0x7fc66500c84a76ad7e9c93437bfc5ac33e2ddae9', 'AAVE', 'Aave Token', 18, 85.3, [66, 73, 7.5]),
  t('0x9f8f72aa9304c8b593d555f12ef6589cc3a579a2', 'MKR', 'Maker', 18, 1405, [65, 70, 8.5]),
];

/** `count` tokens: the catalogue first, then synthetic ones (`TKN13`…) with seeded addresses. */
export function pickTokens(rng: Rng, count: number): CatalogueToken[] {
  const tokens = TOKEN_CATALOGUE.slice(0, count);
  for (let i = tokens.length; i < count; i++) {
    const price = Math.round(rng.lognormal(5, 2) * 100) / 100 || 0.01;
    tokens.push(t(rng.address(), `TKN${i + 1}`, `Synthetic Token ${i + 1}`, rng.pick([6, 8, 18, 18, 18]), price, [60, 70, 8]));
  }
  return tokens;
}
