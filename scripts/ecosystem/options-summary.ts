/**
 * Checks and printed summary of the options venue and the price history, computed from the
 * amounts as written (collateral rounded as in positions.csv, sizes in whole lots). The run fails
 * when an option's longs differ from its shorts, the open interest or the collateral misses its
 * published figure by more than 2%, or any account starts below the venue's maintenance margin.
 */
import { fixed } from './csv.js';
import { LOT, STRESS_PREVIEW } from './options-assumptions.js';
import { legsOf, type OptionAccount } from './options-flows.js';
import type { OptionChain } from './options-chain.js';
import { openInterestLots } from './options-market-makers.js';
import type { ParamBook } from './params.js';
import { pmrmMargin, type PmrmMarket, type PmrmParams } from './pmrm.js';
import { realisedVol, type PriceHistoryRow } from './price-history.js';
import type { Universe } from './types.js';
import { amountText } from './write.js';

const TOLERANCE = 0.02;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const musd = (x: number) => `$${(x / 1e6).toFixed(3)}M`;

export interface OptionsSummaryInput {
  u: Universe;
  p: ParamBook;
  chain: OptionChain;
  pmrm: PmrmParams;
  accounts: readonly OptionAccount[];
  lendingAddresses: ReadonlySet<string>;
  priceHistory: readonly PriceHistoryRow[];
}

function written(u: Universe, a: OptionAccount, asset: string): number {
  return a.collateral.filter((c) => c.asset === asset).reduce((s, c) => s + Number(amountText(u, c)), 0);
}

function quantiles(values: number[]): string {
  const v = [...values].sort((x, y) => x - y);
  const q = (f: number) => v[Math.min(v.length - 1, Math.floor(f * v.length))];
  return `min ${v[0].toFixed(4)}  p1 ${q(0.01).toFixed(3)}  p5 ${q(0.05).toFixed(3)}  p25 ${q(0.25).toFixed(3)}  median ${q(0.5).toFixed(3)}  p75 ${q(0.75).toFixed(3)}  p95 ${q(0.95).toFixed(3)}`;
}

export function summarizeOptions(x: OptionsSummaryInput): { lines: string[]; failures: string[] } {
  const { u, p, chain, accounts } = x;
  const lines: string[] = [];
  const failures: string[] = [];
  const price = (s: string) => u.assets.get(s)?.price ?? NaN;
  const stable = price('USDC');
  const kinds = [...new Set(accounts.map((a) => a.archetype))];
  const cross = accounts.filter((a) => x.lendingAddresses.has(a.address)).length;
  lines.push(`Options venue: ${accounts.length} accounts (${kinds.map((k) => `${k} ${accounts.filter((a) => a.archetype === k).length}`).join(', ')}); ` +
    `${cross} also active in a lending protocol; ${chain.contracts.length} listed options, ETH 30-day ATM vol ${pct(chain.atm30)}`);

  const oi = openInterestLots(accounts);
  for (const [id, e] of oi) if (e.long !== e.short) failures.push(`options: ${id} has ${e.long} long lots and ${e.short} short lots`);
  const oiUsd = [...oi.values()].reduce((s, e) => s + e.long * LOT, 0) * chain.spot;
  const f = 'lyra-short-put-2023-07-06';
  const oiTarget = p.fig(f, 'arbitrum_open_interest_usd') + p.fig(f, 'optimism_open_interest_usd');
  const tvlTarget = p.fig(f, 'arbitrum_tvl_usd') + p.fig(f, 'optimism_tvl_usd');
  const collUsd = accounts.reduce((s, a) => s + written(u, a, 'USDC') * stable + written(u, a, 'WETH') * price('WETH'), 0);
  for (const [what, actual, target] of [['open interest (notional at spot)', oiUsd, oiTarget], ['collateral (TVL)', collUsd, tvlTarget]] as const) {
    const diff = actual / target - 1;
    lines.push(`  ${what.padEnd(34)} target ${musd(target)}  actual ${musd(actual)}  ${(diff * 100).toFixed(4)}%`);
    if (!(Math.abs(diff) <= TOLERANCE)) failures.push(`options ${what}: ${fixed(actual, 2)} vs target ${fixed(target, 2)}`);
  }

  const at = (a: OptionAccount, m: PmrmMarket) => pmrmMargin(x.pmrm, { cash: written(u, a, 'USDC'), base: written(u, a, 'WETH'), legs: legsOf(chain, a.holdings) }, m);
  const snap: PmrmMarket = { spot: chain.spot, stablePrice: stable };
  const base = accounts.map((a) => ({ a, m: at(a, snap) }));
  const ratios = base.map((r) => r.m.ratio).filter(Number.isFinite);
  lines.push(`  margin ratio equity / maintenance (Derive PMRM, ${ratios.length} accounts with a requirement): ${quantiles(ratios)}`);
  lines.push(`  below 1.10: ${ratios.filter((r) => r < 1.1).length} accounts; below initial margin (ratio < ${x.pmrm.imFactor}): ${ratios.filter((r) => r < x.pmrm.imFactor).length}`);
  for (const k of kinds) {
    const rs = base.filter((r) => r.a.archetype === k).map((r) => r.m.ratio).sort((a, b) => a - b);
    lines.push(`    ${k.padEnd(24)} min ${rs[0].toFixed(3)}  median ${rs[Math.floor(rs.length / 2)].toFixed(3)}`);
  }
  for (const r of base) if (!(r.m.maintenance >= 0)) failures.push(`options ${r.a.archetype} ${r.a.address}: margin ratio ${r.m.ratio}`);

  lines.push('  stress preview (ETH spot × m, every implied vol × v; re-margined at the new state):');
  for (const s of STRESS_PREVIEW) {
    const res = accounts.map((a) => ({ a, m: at(a, { spot: chain.spot * s.spot, stablePrice: stable, volScale: s.volScale }) }));
    const liq = res.filter((r) => r.m.maintenance < 0);
    const bust = res.filter((r) => r.m.equity < 0);
    const byKind = kinds.map((k) => `${k} ${liq.filter((r) => r.a.archetype === k).length}`).filter((t) => !t.endsWith(' 0')).join(', ');
    lines.push(`    m ${s.spot} v ${s.volScale}: ${liq.length} below maintenance (${byKind || 'none'}), ${bust.length} with negative equity, shortfall ${musd(-bust.reduce((t, r) => t + r.m.equity, 0))}`);
  }
  return { lines, failures };
}

export function summarizeHistory(u: Universe, rows: readonly PriceHistoryRow[], atm30: number): string[] {
  const lines = [`Price history: ${rows.length} rows (${[...new Set(rows.map((r) => r.asset))].join(', ')}), ${rows[0].timestamp} to ${rows[rows.length - 1].timestamp}`];
  for (const asset of ['ETH', 'WBTC']) {
    const last = rows.filter((r) => r.asset === asset).at(-1);
    const oracle = u.assets.get(asset)?.price ?? NaN;
    if (last === undefined) continue;
    lines.push(`  ${asset}: close ${last.priceText} (${last.timestamp}) vs Chainlink ${oracle} at the Aave report block: ${((Number(last.priceText) / oracle - 1) * 100).toFixed(3)}%; ` +
      `realised vol over the window ${pct(realisedVol(rows, asset))}${asset === 'ETH' ? ` (assumed 30-day ATM implied ${pct(atm30)})` : ''}`);
  }
  return lines;
}
