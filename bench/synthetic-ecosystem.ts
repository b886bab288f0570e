import { Rng } from '../scripts/ecosystem/prng.js';
import type { ToyEcosystem } from '../test/helpers/toy-ecosystem.js';

const ASSETS = [
  { symbol: 'USDC', priceUsd: 1 },
  { symbol: 'WETH', priceUsd: 1816.85 },
  { symbol: 'wstETH', priceUsd: 2080.52 },
  { symbol: 'WBTC', priceUsd: 34814.14 },
  { symbol: 'LINK', priceUsd: 11.1 },
];
const COLLATERAL = [
  { asset: 'WETH', liquidationThreshold: 0.83, liquidationBonus: 0.05, weight: 0.45 },
  { asset: 'wstETH', liquidationThreshold: 0.81, liquidationBonus: 0.06, weight: 0.3 },
  { asset: 'WBTC', liquidationThreshold: 0.78, liquidationBonus: 0.05, weight: 0.2 },
  { asset: 'LINK', liquidationThreshold: 0.68, liquidationBonus: 0.07, weight: 0.05 },
];

/**
 * A seeded synthetic ecosystem of `accounts` borrowers over four protocols: 1–2 collaterals each,
 * stablecoin debt, health factors 1 + lognormal (median 1.7) and never below 1, and pools whose depth
 * grows with the ecosystem so that cascades at every size look alike (~1/4 of collateral value).
 */
export function syntheticEcosystem(accounts: number, seed = 7): ToyEcosystem {
  const rng = Rng.stream(seed, `bench-ecosystem-${accounts}`);
  const pick = (): (typeof COLLATERAL)[number] => {
    let u = rng.next();
    for (const c of COLLATERAL) if ((u -= c.weight) < 0) return c;
    return COLLATERAL[0]!;
  };
  const collateralUsd = new Map<string, number>();
  const rows: ToyEcosystem['accounts'] = [];
  for (let i = 0; i < accounts; i++) {
    const first = pick();
    const second = rng.next() < 0.3 ? pick() : undefined;
    const chosen = second === undefined || second.asset === first.asset ? [first] : [first, second];
    let weighted = 0;
    const collateral = chosen.map((c) => {
      const usd = Math.exp(rng.uniform(Math.log(1_000), Math.log(5_000_000)));
      const price = ASSETS.find((a) => a.symbol === c.asset)!.priceUsd;
      collateralUsd.set(c.asset, (collateralUsd.get(c.asset) ?? 0) + usd);
      weighted += usd * c.liquidationThreshold;
      return { asset: c.asset, amount: usd / price, liquidationThreshold: c.liquidationThreshold, liquidationBonus: c.liquidationBonus };
    });
    // HF − 1 lognormal (median 0.7, σ 0.7), floored at 0.005: about a quarter of the debt sits
    // below HF 1.43 and is liquidated by a 30% shock, as in the embedded dataset.
    const gaussian = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const healthFactor = 1 + Math.max(0.005, 0.7 * Math.exp(0.7 * gaussian));
    rows.push({ protocol: `lender-${i % 4}`, account: `0x${i.toString(16).padStart(40, '0')}`, collateral, debt: [{ asset: 'USDC', amount: weighted / healthFactor }] });
  }
  return {
    assets: ASSETS,
    protocols: [
      { name: 'lender-0', closeFactor: 0.5, fullCloseBelowHf: 0.95 },
      { name: 'lender-1', closeFactor: 0.5, fullCloseBelowHf: 0.95 },
      { name: 'lender-2', closeFactor: 1 },
      { name: 'lender-3', closeFactor: 1 },
    ],
    accounts: rows,
    pools: [...collateralUsd].map(([asset, usd]) => ({ asset, usdReserve: usd / 4, assetReserve: usd / 4 / ASSETS.find((a) => a.symbol === asset)!.priceUsd })),
  };
}
