/** Extra lines of the run summary: calibration by-products worth eyeballing, not pass/fail checks. */
import type { EventRow } from './events.js';
import type { SolvedMarket } from './isolated.js';
import type { ParamBook } from './params.js';
import { topHolderShare } from './summary.js';
import type { GenAccount, Universe } from './types.js';
import { amountText } from './write.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function describeRun(
  u: Universe,
  p: ParamBook,
  accounts: readonly GenAccount[],
  events: readonly EventRow[],
  borrowerShare: Map<string, Map<string, number>>,
  solved: readonly SolvedMarket[],
): string[] {
  const lines: string[] = ['Share of each supplied asset held by borrowers (rest: pure suppliers):'];
  for (const [protocol, shares] of borrowerShare) {
    lines.push(`  ${protocol}: ${[...shares].map(([a, s]) => `${a} ${pct(s)}`).join(', ')}`);
  }
  const cs = p.fig('chaos-aave-wsteth-2024-11-25', 'largest_position_tokens') / p.fig('chaos-aave-wsteth-2024-11-25', 'market_tokens');
  lines.push(`Largest aave-v3 wstETH holder: ${pct(topHolderShare(u, accounts, 'aave-v3', 'wstETH'))} of supply (published Nov 2024: ${pct(cs)})`);
  for (const s of solved) lines.push(`compound-v3 ${s.market}: solved median HF ${(1 + s.medianExcess).toFixed(3)}`);

  const usdOf = (protocol: string, side: string) =>
    accounts.filter((a) => a.protocol === protocol).flatMap((a) => a.positions.filter((q) => q.side === side))
      .reduce((s, q) => s + Number(amountText(u, q)) * (u.assets.get(q.asset)?.price ?? 0), 0);
  const mColl = usdOf('morpho-blue', 'collateral');
  const mDebt = usdOf('morpho-blue', 'debt');
  lines.push(`morpho-blue: collateral $${(mColl / 1e6).toFixed(1)}M + borrows $${(mDebt / 1e6).toFixed(1)}M = $${((mColl + mDebt) / 1e6).toFixed(1)}M ` +
    `(published: deposits > $${p.fig('block-analitica-morpho-2024-02-20', 'deposits_usd') / 1e6}M, supply >= borrows)`);

  const byLiq = new Map<string, Set<string>>();
  for (const e of events) (byLiq.get(e.liquidator) ?? byLiq.set(e.liquidator, new Set()).get(e.liquidator))?.add(e.protocol);
  const perProtocol = ['aave-v3', 'compound-v3', 'morpho-blue'].map((pr) => {
    const evs = events.filter((e) => e.protocol === pr);
    const counts = new Map<string, number>();
    for (const e of evs) counts.set(e.liquidator, (counts.get(e.liquidator) ?? 0) + 1);
    return `${pr} ${evs.length} events, ${counts.size} liquidators, top one ${pct(Math.max(...counts.values()) / evs.length)}`;
  });
  lines.push(`Liquidations: ${perProtocol.join('; ')}; ${[...byLiq.values()].filter((s) => s.size >= 2).length} liquidators in 2+ protocols`);
  return lines;
}
