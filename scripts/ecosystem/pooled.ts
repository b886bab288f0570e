/**
 * Accounts of a pooled protocol (Aave v3), built debt-first so that every published total and every
 * drawn health factor hold exactly:
 *   1. each debt asset's total is split across kinds of borrower (Archetype.debtShare) and, within a
 *      kind, across its accounts by heavy-tailed sizes;
 *   2. each borrower draws a health factor h and holds collateral worth h · debt / LT (split across
 *      one to three assets);
 *   3. what is left of each asset's published supply goes to pure suppliers (no debt).
 * The only thing that can fail is step 3 (borrowers needing more of an asset than is supplied);
 * the generator then stops and names the asset, so the plan in assumptions.ts can be corrected.
 */
import { HF_LOOP, HF_REGULAR, SIZE_SIGMA, type Archetype, type PooledPlan } from './assumptions.js';
import { drawHf, hfValue } from './hf.js';
import type { Rng } from './prng.js';
import type { GenAccount, Position } from './types.js';

export interface PooledContext {
  plan: PooledPlan;
  supply: Map<string, number>;
  debt: Map<string, number>;
  price: (symbol: string) => number;
  lt: (symbol: string) => number;
  rng: Rng;
}

interface Draft {
  arch: Archetype;
  size: number;
  debtWeight: Map<string, number>;
  hf: number;
}

function weightedKey(rng: Rng, keys: readonly string[], weight: (k: string) => number): string {
  return keys[rng.weighted(keys.map(weight))];
}

function draftArchetype(rng: Rng, arch: Archetype, budget: Map<string, number>): Draft[] {
  const assets = Object.keys(arch.debtShare).filter((a) => (budget.get(a) ?? 0) > 0);
  const usd = (a: string) => budget.get(a) ?? 0;
  const dist = arch.hf === 'loop' ? HF_LOOP : HF_REGULAR;
  const drafts: Draft[] = [];
  for (let i = 0; i < arch.accounts; i++) {
    const debtWeight = new Map([[weightedKey(rng, assets, usd), 1]]);
    const rest = assets.filter((a) => !debtWeight.has(a));
    if (rest.length > 0 && rng.chance(arch.secondDebt)) debtWeight.set(weightedKey(rng, rest, usd), rng.uniform(0.15, 0.6));
    const hf = hfValue(drawHf(rng, dist), dist);
    drafts.push({ arch, size: rng.lognormal(1, SIZE_SIGMA), debtWeight, hf });
  }
  // A small budget may have drawn no borrower: give it to single-debt accounts, scanning from a random start.
  for (const a of assets) {
    if (drafts.some((d) => d.debtWeight.has(a))) continue;
    const start = rng.int(drafts.length);
    const host = [...drafts.slice(start), ...drafts.slice(0, start)].find((d) => d.debtWeight.size === 1) ?? drafts[start];
    host.debtWeight.set(a, rng.uniform(0.15, 0.6));
  }
  return drafts;
}

/**
 * Where a slot offers several assets (any stablecoin), the one with the most supply still unheld
 * by borrowers is favoured, and an optional extra whose supply is used up is skipped: this keeps
 * one large account from claiming more of a small market than exists.
 */
function pickCollateral(ctx: PooledContext, arch: Archetype, exclude: ReadonlySet<string>, held: Map<string, number>): Map<string, number> {
  const { rng } = ctx;
  const room = (a: string) => Math.max(0, 0.9 * (ctx.supply.get(a) ?? 0) - (held.get(a) ?? 0)) * ctx.price(a);
  const chosen = new Map<string, number>();
  arch.collateral.forEach((slot, i) => {
    if (chosen.size >= 3 || (i > 0 && !rng.chance(slot.p))) return;
    const options = slot.assets.filter((a) => !exclude.has(a) && !chosen.has(a) && (i === 0 || room(a) > 0));
    if (options.length === 0) return;
    const pick = options.some((a) => room(a) > 0) ? weightedKey(rng, options, room) : options[0];
    chosen.set(pick, i === 0 ? 1 : rng.uniform(0.15, 0.5));
  });
  if (chosen.size === 0) throw new Error(`${arch.name}: no collateral left after excluding the debt assets`);
  return chosen;
}

function borrowerPositions(ctx: PooledContext, d: Draft, debtUsd: Map<string, number>, held: Map<string, number>): Position[] {
  const total = [...debtUsd.values()].reduce((s, v) => s + v, 0);
  const coll = pickCollateral(ctx, d.arch, new Set(debtUsd.keys()), held);
  const wsum = [...coll.values()].reduce((s, v) => s + v, 0);
  const out: Position[] = [];
  // Σ collateral·price·LT = h · Σ debt·price, exactly.
  for (const [a, w] of coll) {
    const amount = (d.hf * total * (w / wsum)) / (ctx.lt(a) * ctx.price(a));
    held.set(a, (held.get(a) ?? 0) + amount);
    out.push({ asset: a, side: 'collateral', amount });
  }
  for (const [a, usd] of debtUsd) out.push({ asset: a, side: 'debt', amount: usd / ctx.price(a) });
  return out;
}

function whaleAccount(ctx: PooledContext, budget: Map<string, number>): GenAccount | null {
  const w = ctx.plan.whale;
  if (w === undefined) return null;
  const coll = (ctx.supply.get(w.collateral) ?? 0) * w.shareOfSupply;
  const debtUsd = (coll * ctx.price(w.collateral) * ctx.lt(w.collateral)) / w.hf;
  budget.set(w.debt, (budget.get(w.debt) ?? 0) - debtUsd);
  return {
    protocol: ctx.plan.protocol, market: null, role: 'borrower', archetype: 'largest-wsteth-supplier', address: '',
    positions: [{ asset: w.collateral, side: 'collateral', amount: coll }, { asset: w.debt, side: 'debt', amount: debtUsd / ctx.price(w.debt) }],
  };
}

export function generatePooled(ctx: PooledContext): { accounts: GenAccount[]; borrowerShare: Map<string, number> } {
  const budget = new Map<string, number>();
  for (const [a, tokens] of ctx.debt) budget.set(a, tokens * ctx.price(a));
  const whale = whaleAccount(ctx, budget);
  const held = new Map<string, number>();
  for (const p of whale?.positions ?? []) if (p.side === 'collateral') held.set(p.asset, p.amount);
  const borrowers: { draft: Draft; debtUsd: Map<string, number>; total: number }[] = [];
  for (const arch of ctx.plan.archetypes) {
    const drafts = draftArchetype(ctx.rng, arch, budget);
    const weightSum = new Map<string, number>();
    for (const d of drafts) for (const [a, w] of d.debtWeight) weightSum.set(a, (weightSum.get(a) ?? 0) + d.size * w);
    for (const draft of drafts) {
      const debtUsd = new Map<string, number>();
      for (const [a, w] of draft.debtWeight) {
        const archBudget = (budget.get(a) ?? 0) * (arch.debtShare[a] ?? 0);
        debtUsd.set(a, (archBudget * draft.size * w) / (weightSum.get(a) ?? 1));
      }
      borrowers.push({ draft, debtUsd, total: [...debtUsd.values()].reduce((s, v) => s + v, 0) });
    }
  }
  // Largest borrowers choose collateral first, while every market still has room.
  const order = borrowers.map((_, i) => i).sort((i, j) => borrowers[j].total - borrowers[i].total || i - j);
  const built = new Array<GenAccount>(borrowers.length);
  for (const i of order) {
    const { draft, debtUsd } = borrowers[i];
    built[i] = { protocol: ctx.plan.protocol, market: null, role: 'borrower', archetype: draft.arch.name, address: '', positions: borrowerPositions(ctx, draft, debtUsd, held) };
  }
  const accounts = whale ? [whale, ...built] : built;
  const borrowerShare = new Map<string, number>();
  for (const [a, s] of ctx.supply) borrowerShare.set(a, (held.get(a) ?? 0) / s);
  if ([...borrowerShare.values()].some((s) => s > 0.98)) {
    const shares = [...borrowerShare].map(([a, s]) => `${a} ${(s * 100).toFixed(1)}%`).join(', ');
    throw new Error(`${ctx.plan.protocol}: borrowers would need more than 98% of some asset's supply (${shares}); adjust the plan`);
  }
  return { accounts: [...accounts, ...pureSuppliers(ctx, held)], borrowerShare };
}

/** Pure suppliers share the rest of each asset's supply; most hold one asset, a quarter two. */
function pureSuppliers(ctx: PooledContext, held: Map<string, number>): GenAccount[] {
  const residual = new Map<string, number>();
  for (const [a, s] of ctx.supply) residual.set(a, s - (held.get(a) ?? 0));
  const assets = [...residual.keys()];
  // sqrt: large stablecoin pools get more lenders, but not every lender is a stablecoin lender.
  const weight = (a: string) => Math.sqrt((residual.get(a) ?? 0) * ctx.price(a));
  const picks: Map<string, number>[] = [];
  for (let i = 0; i < ctx.plan.suppliers; i++) {
    const m = new Map([[weightedKey(ctx.rng, assets, weight), 1]]);
    if (ctx.rng.chance(0.25)) {
      const rest = assets.filter((a) => !m.has(a));
      m.set(weightedKey(ctx.rng, rest, weight), ctx.rng.uniform(0.2, 1));
    }
    picks.push(m);
  }
  assets.forEach((a, k) => {
    if (!picks.some((m) => m.has(a))) picks[(k * 7) % picks.length].set(a, 1);
  });
  const sizes = picks.map(() => ctx.rng.lognormal(1, SIZE_SIGMA));
  const wsum = new Map<string, number>();
  picks.forEach((m, i) => m.forEach((w, a) => wsum.set(a, (wsum.get(a) ?? 0) + sizes[i] * w)));
  return picks.map((m, i) => ({
    protocol: ctx.plan.protocol, market: null, role: 'supplier' as const, archetype: 'pure-supplier', address: '',
    positions: [...m].map(([a, w]) => ({ asset: a, side: 'collateral' as const, amount: ((residual.get(a) ?? 0) * sizes[i] * w) / (wsum.get(a) ?? 1) })),
  }));
}
