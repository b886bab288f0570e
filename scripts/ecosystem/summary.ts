/**
 * Checks and the printed summary. Everything is computed from the amounts as written (rounded),
 * and the run fails when a calibrated total misses its target by more than 2% or any risk account
 * is below HF 1 at the snapshot prices.
 */
import { fixed } from './csv.js';
import { debtUsd, healthFactor } from './metrics.js';
import type { GenAccount, Position, Target, Universe } from './types.js';
import { amountText } from './write.js';

const TOLERANCE = 0.02;
const ETH_FAMILY = new Set(['ETH', 'WETH', 'wstETH', 'cbETH']);

/** HF and USD debt of one account at the given prices, from the written (rounded) amounts. */
function hfAt(u: Universe, acc: GenAccount, amount: (p: Position) => number, px: (s: string) => number): { hf: number; debt: number } {
  return { hf: healthFactor(u, acc, amount, px), debt: debtUsd(u, acc, amount, px) };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const big = (x: number) => (Math.abs(x) >= 1e6 ? `${(x / 1e6).toFixed(3)}M` : Math.abs(x) >= 1e3 ? `${(x / 1e3).toFixed(3)}K` : x.toFixed(4));

export function summarize(u: Universe, accounts: readonly GenAccount[], targets: readonly Target[]): { lines: string[]; failures: string[] } {
  const lines: string[] = [];
  const failures: string[] = [];
  const amount = (p: Position) => Number(amountText(u, p));
  const px = (s: string) => u.assets.get(s)?.price ?? NaN;

  lines.push('Risk accounts per protocol:');
  for (const { protocol } of u.protocols.filter((pr) => pr.kind === 'lending')) {
    const mine = accounts.filter((a) => a.protocol === protocol);
    const borrowers = mine.filter((a) => a.role === 'borrower').length;
    lines.push(`  ${protocol.padEnd(18)} ${String(mine.length).padStart(5)}  (${borrowers} borrowers, ${mine.length - borrowers} suppliers)`);
  }
  const protocolsOf = new Map<string, Set<string>>();
  for (const a of accounts) (protocolsOf.get(a.address) ?? protocolsOf.set(a.address, new Set()).get(a.address))?.add(a.protocol);
  const multi = [...protocolsOf.values()].filter((s) => s.size >= 2).length;
  lines.push(`  total ${accounts.length} risk accounts, ${protocolsOf.size} distinct addresses, ${multi} (${pct(multi / protocolsOf.size)}) in two or more protocols`);

  const totals = new Map<string, number>();
  for (const a of accounts) for (const p of a.positions) {
    const k = `${a.protocol}|${a.market ?? ''}|${p.asset}|${p.side}`;
    totals.set(k, (totals.get(k) ?? 0) + amount(p));
  }
  lines.push('Totals vs targets (whole tokens):');
  for (const t of targets) {
    const actual = totals.get(`${t.protocol}|${t.market ?? ''}|${t.asset}|${t.side}`) ?? 0;
    const diff = t.amount === 0 ? (actual === 0 ? 0 : Infinity) : actual / t.amount - 1;
    const where = `${t.protocol}${t.market ? ` ${t.market}` : ''} ${t.asset} ${t.side}`;
    lines.push(`  ${where.padEnd(52)} target ${big(t.amount).padStart(12)}  actual ${big(actual).padStart(12)}  ${(diff * 100).toFixed(4).padStart(8)}%`);
    if (!(Math.abs(diff) <= TOLERANCE)) failures.push(`${where}: ${fixed(actual, 6)} vs target ${fixed(t.amount, 6)}`);
  }

  const risk = accounts.map((a) => ({ a, ...hfAt(u, a, amount, px) })).filter((r) => r.debt > 0);
  const hfs = risk.map((r) => r.hf).sort((x, y) => x - y);
  const q = (f: number) => hfs[Math.min(hfs.length - 1, Math.floor(f * hfs.length))];
  const totalDebt = risk.reduce((s, r) => s + r.debt, 0);
  const thin = risk.filter((r) => r.hf < 1.1);
  lines.push(`Health factors (${risk.length} accounts with debt, $${big(totalDebt)} debt):`);
  lines.push(`  min ${hfs[0].toFixed(4)}  p5 ${q(0.05).toFixed(3)}  p25 ${q(0.25).toFixed(3)}  median ${q(0.5).toFixed(3)}  p75 ${q(0.75).toFixed(3)}  p95 ${q(0.95).toFixed(3)}`);
  lines.push(`  share between 1.2 and 3: ${pct(hfs.filter((h) => h >= 1.2 && h <= 3).length / hfs.length)}; HF < 1.1: ${thin.length} accounts (${pct(thin.length / risk.length)}), ${pct(thin.reduce((s, r) => s + r.debt, 0) / totalDebt)} of debt`);
  for (const r of risk) if (r.hf < 1) failures.push(`${r.a.protocol} ${r.a.market ?? ''} ${r.a.address}: HF ${r.hf}`);

  lines.push('ETH-family shock (ETH, WETH, wstETH, cbETH down together), debt of accounts below HF 1:');
  for (const drop of [0.1, 0.2, 0.3]) {
    const shocked = (s: string) => px(s) * (ETH_FAMILY.has(s) ? 1 - drop : 1);
    const under = accounts.map((a) => hfAt(u, a, amount, shocked)).filter((r) => r.debt > 0 && r.hf < 1);
    lines.push(`  -${drop * 100}%: ${under.length} accounts, $${big(under.reduce((s, r) => s + r.debt, 0))} of debt`);
  }
  return { lines, failures };
}

/** Largest single holder's share of an asset's supply in one protocol (concentration check). */
export function topHolderShare(u: Universe, accounts: readonly GenAccount[], protocol: string, asset: string): number {
  const held = accounts
    .filter((a) => a.protocol === protocol)
    .map((a) => a.positions.filter((p) => p.asset === asset && p.side === 'collateral').reduce((s, p) => s + Number(amountText(u, p)), 0));
  const total = held.reduce((s, v) => s + v, 0);
  return total === 0 ? 0 : Math.max(...held) / total;
}
