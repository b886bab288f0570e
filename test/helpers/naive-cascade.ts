import type { ToyEcosystem } from './toy-ecosystem.js';

/**
 * A second, deliberately plain implementation of the reference cascade semantics
 * (docs/reference-cascade.md), written from the text over row objects and maps: every round
 * revisits every account, nothing is indexed. It is the oracle the columnar solver is checked
 * against, and the baseline of the cascade benchmark.
 */
export interface NaiveResult {
  rounds: number;
  totalBadDebtUsd: number;
  badDebtByProtocol: Record<string, number>;
  liquidatedDebtUsdByProtocol: Record<string, number>;
  seizedCollateralUsd: number;
  finalPrices: Record<string, number>;
}

export function naiveCascade(toy: ToyEcosystem, shocks: Record<string, number>, maxRounds = 100): NaiveResult {
  const prices = new Map(toy.assets.map((a) => [a.symbol, a.priceUsd * (shocks[a.symbol] ?? 1)]));
  const pools = new Map<string, { x: number; y: number }>();
  for (const pool of toy.pools ?? []) {
    const existing = pools.get(pool.asset) ?? { x: 0, y: 0 };
    pools.set(pool.asset, { x: existing.x + pool.assetReserve, y: existing.y + pool.usdReserve });
  }
  for (const [asset, pool] of pools) {
    const k = pool.x * pool.y;
    const p = prices.get(asset)!;
    pools.set(asset, { x: Math.sqrt(k / p), y: Math.sqrt(k * p) });
  }
  const protocols = new Map(toy.protocols.map((p) => [p.name, p]));
  const accounts = toy.accounts.map((a) => ({
    protocol: a.protocol,
    closeFactor: a.closeFactor ?? protocols.get(a.protocol)!.closeFactor,
    collateral: a.collateral.map((c) => ({ ...c })),
    debt: a.debt.map((d) => ({ ...d })),
  }));
  const badDebt: Record<string, number> = Object.fromEntries(toy.protocols.map((p) => [p.name, 0]));
  const repaidBy: Record<string, number> = Object.fromEntries(toy.protocols.map((p) => [p.name, 0]));
  let seizedTotal = 0;
  let rounds = 0;

  for (let round = 1; round <= maxRounds; round++) {
    const sold = new Map<string, number>();
    let liquidated = 0;
    for (const account of accounts) {
      const price = (asset: string): number => prices.get(asset)!;
      const debt = account.debt.reduce((s, d) => s + d.amount * price(d.asset), 0);
      const weighted = account.collateral.reduce((s, c) => s + c.amount * price(c.asset) * c.liquidationThreshold, 0);
      if (debt <= 0 || weighted / debt >= 1) continue;
      liquidated++;
      const protocol = protocols.get(account.protocol)!;
      const closeFactor = weighted / debt < (protocol.fullCloseBelowHf ?? NaN) ? 1 : account.closeFactor;
      let owed = closeFactor * debt;
      const seizable = account.collateral
        .map((c, index) => ({ c, index }))
        .filter(({ c }) => c.liquidationThreshold > 0 && c.amount > 0)
        .sort((a, b) => b.c.amount * price(b.c.asset) - a.c.amount * price(a.c.asset) || a.index - b.index);
      let exhausted = 0;
      for (const { c } of seizable) {
        if (owed <= 0) break;
        const worth = c.amount * price(c.asset);
        const covers = worth / (1 + c.liquidationBonus);
        const repay = Math.min(covers, owed);
        const units = covers <= owed ? c.amount : (repay * (1 + c.liquidationBonus)) / price(c.asset);
        if (covers <= owed) exhausted++;
        c.amount = covers <= owed ? 0 : c.amount - units;
        sold.set(c.asset, (sold.get(c.asset) ?? 0) + units);
        seizedTotal += repay * (1 + c.liquidationBonus);
        owed -= repay;
      }
      const repaid = closeFactor * debt - Math.max(owed, 0);
      repaidBy[account.protocol]! += repaid;
      const runsOut = owed > 0 || (exhausted === seizable.length && repaid < debt);
      if (runsOut) {
        badDebt[account.protocol]! += debt - repaid;
        for (const d of account.debt) d.amount = 0;
      } else {
        for (const d of account.debt) d.amount = repaid >= debt ? 0 : d.amount * (1 - repaid / debt);
      }
    }
    if (liquidated === 0) break;
    rounds++;
    for (const [asset, units] of sold) {
      const pool = pools.get(asset);
      if (pool === undefined || units <= 0) continue;
      const k = pool.x * pool.y;
      pool.x += units;
      pool.y = k / pool.x;
      prices.set(asset, pool.y / pool.x);
    }
  }
  return {
    rounds,
    totalBadDebtUsd: Object.values(badDebt).reduce((s, v) => s + v, 0),
    badDebtByProtocol: badDebt,
    liquidatedDebtUsdByProtocol: repaidBy,
    seizedCollateralUsd: seizedTotal,
    finalPrices: Object.fromEntries(prices),
  };
}
