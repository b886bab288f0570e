/**
 * Customer (non-market-maker) positions of the options venue, in three steps:
 *   1. draw each kind of account's legs with relative sizes (options-assumptions.ts);
 *   2. scale every size by one factor so that the venue's open interest, Σ over options of
 *      max(customer longs, customer shorts) (market makers take the difference), meets the
 *      published figure, and round to whole lots of 0.01 ETH;
 *   3. collateral: theta vaults are fully covered, buyers keep some USDC beside their premium, and
 *      straddle sellers hold just enough USDC for a drawn margin ratio under the venue's own rule.
 */
import { BUYERS, EXPIRY_DATES, FLOW_SHARE, LOT, MIN_SIZE, STRADDLE_SELLERS, VAULTS } from './options-assumptions.js';
import { atmVol, stdMoneyness, type OptionChain, type OptionContract } from './options-chain.js';
import { pmrmMargin, type PmrmLeg, type PmrmParams } from './pmrm.js';
import type { Rng } from './prng.js';
import type { Position } from './types.js';

export type OptionArchetype = 'buyer' | 'straddle-seller' | 'covered-call-vault' | 'cash-secured-put-vault' | 'market-maker';

export interface OptionHolding {
  optionId: string;
  /** Signed whole lots of 0.01 ETH: + long, − short. */
  lots: number;
}

export interface OptionAccount {
  archetype: OptionArchetype;
  holdings: OptionHolding[];
  collateral: Position[];
  /** Filled in by assignOptionAddresses. */
  address: string;
}

interface Draft {
  archetype: OptionArchetype;
  legs: { contract: OptionContract; weight: number; sign: 1 | -1 }[];
  ratio?: number;
}

const ofExpiry = (chain: OptionChain, i: number, type: 'call' | 'put') => chain.contracts.filter((c) => c.expiryIndex === i && c.type === type);
const nearest = (list: readonly OptionContract[], strike: number) =>
  list.reduce((best, c) => (Math.abs(c.strike - strike) < Math.abs(best.strike - strike) ? c : best));

function buyerLeg(rng: Rng, chain: OptionChain, expiry: number, type: 'call' | 'put'): OptionContract {
  const list = ofExpiry(chain, expiry, type);
  const atm = atmVol(chain.atm30, list[0].years);
  const x = (c: OptionContract) => stdMoneyness(chain.spot, c.strike, atm, c.years) * (type === 'call' ? 1 : -1);
  const otm = list.filter((c) => x(c) >= -0.1);
  return otm[rng.weighted(otm.map((c) => Math.exp(-Math.abs(x(c) - BUYERS.xCentre) / BUYERS.xWidth)))];
}

function draftBuyers(rng: Rng, chain: OptionChain): Draft[] {
  return Array.from({ length: BUYERS.accounts }, () => {
    const expiry = rng.weighted(BUYERS.expiryWeights);
    const type = rng.chance(BUYERS.callShare) ? 'call' : 'put';
    const size = rng.lognormal(1, BUYERS.sizeSigma);
    const legs = [{ contract: buyerLeg(rng, chain, expiry, type), weight: size, sign: 1 as const }];
    if (rng.chance(BUYERS.secondLeg)) legs.push({ contract: buyerLeg(rng, chain, expiry, type === 'call' ? 'put' : 'call'), weight: size, sign: 1 });
    return { archetype: 'buyer' as const, legs };
  });
}

function draftSellers(rng: Rng, chain: OptionChain): Draft[] {
  const r = STRADDLE_SELLERS.ratio;
  return Array.from({ length: STRADDLE_SELLERS.accounts }, () => {
    const expiry = rng.weighted(STRADDLE_SELLERS.expiryWeights);
    const calls = ofExpiry(chain, expiry, 'call');
    const puts = ofExpiry(chain, expiry, 'put');
    const width = rng.chance(STRADDLE_SELLERS.strangleShare) ? STRADDLE_SELLERS.strangleX * atmVol(chain.atm30, calls[0].years) * Math.sqrt(calls[0].years) : 0;
    const atm = nearest(calls, chain.spot).strike;
    const call = nearest(calls.filter((c) => c.strike >= atm + (width > 0 ? 100 : 0)), chain.spot * Math.exp(width));
    const put = nearest(puts.filter((c) => c.strike <= atm - (width > 0 ? 100 : 0)), chain.spot * Math.exp(-width));
    const size = rng.lognormal(1, STRADDLE_SELLERS.sizeSigma);
    // Same number of draws on both branches keeps the stream aligned.
    const tail = rng.chance(r.tailShare);
    const t = rng.uniform(r.tailLo, r.tailHi);
    const z = rng.normal();
    return {
      archetype: 'straddle-seller' as const,
      ratio: tail ? t : 1 + r.medianExcess * Math.exp(r.sigma * z),
      legs: [{ contract: call, weight: size, sign: -1 as const }, { contract: put, weight: size, sign: -1 as const }],
    };
  });
}

function draftVaults(rng: Rng, chain: OptionChain): Draft[] {
  const monthly = EXPIRY_DATES.indexOf('2023-11-24');
  const out: Draft[] = [];
  for (const [archetype, plan, type] of [['covered-call-vault', VAULTS.coveredCall, 'call'], ['cash-secured-put-vault', VAULTS.cashSecuredPut, 'put']] as const) {
    for (let i = 0; i < plan.accounts; i++) {
      const weekly = i < plan.weekly;
      const list = ofExpiry(chain, weekly ? 0 : monthly, type);
      const target = chain.spot * (weekly ? plan.weeklyMoneyness : plan.monthlyMoneyness);
      // Calls: the first strike at or above the target; puts: the last at or below it.
      const contract = type === 'call' ? list.find((c) => c.strike >= target) : [...list].reverse().find((c) => c.strike <= target);
      if (contract === undefined) throw new Error(`options-flows: no ${type} strike near ${target.toFixed(0)} for ${archetype}`);
      out.push({ archetype, legs: [{ contract, weight: rng.lognormal(1, VAULTS.sizeSigma), sign: -1 }] });
    }
  }
  return out;
}

/** Each kind's legs scaled to its FLOW_SHARE of a unit total, then all scaled to the open-interest target. */
function toLots(drafts: Draft[], targetOiEth: number): void {
  const share: Record<string, number> = {
    buyer: FLOW_SHARE.buyers, 'straddle-seller': FLOW_SHARE.straddleSellers,
    'covered-call-vault': FLOW_SHARE.coveredCallVaults, 'cash-secured-put-vault': FLOW_SHARE.putVaults,
  };
  const kindTotal = new Map<string, number>();
  for (const d of drafts) for (const l of d.legs) kindTotal.set(d.archetype, (kindTotal.get(d.archetype) ?? 0) + l.weight);
  for (const d of drafts) for (const l of d.legs) l.weight *= share[d.archetype] / (kindTotal.get(d.archetype) ?? 1);
  const long = new Map<string, number>();
  const short = new Map<string, number>();
  for (const d of drafts) for (const l of d.legs) (l.sign > 0 ? long : short).set(l.contract.id, ((l.sign > 0 ? long : short).get(l.contract.id) ?? 0) + l.weight);
  const ids = new Set([...long.keys(), ...short.keys()]);
  const oiUnits = [...ids].reduce((s, id) => s + Math.max(long.get(id) ?? 0, short.get(id) ?? 0), 0);
  const scale = targetOiEth / oiUnits;
  for (const d of drafts) for (const l of d.legs) l.weight = Math.max(Math.round((l.weight * scale) / LOT), Math.round(MIN_SIZE / LOT));
}

export interface FlowContext {
  chain: OptionChain;
  pmrm: PmrmParams;
  stablePrice: number;
  targetOiEth: number;
  rng: (label: string) => Rng;
}

export function legsOf(chain: OptionChain, holdings: readonly OptionHolding[]): PmrmLeg[] {
  return holdings.map((h) => {
    const c = chain.byId.get(h.optionId);
    if (c === undefined) throw new Error(`options-flows: unknown option ${h.optionId}`);
    return { type: c.type, strike: c.strike, years: c.years, vol: c.vol, size: h.lots * LOT };
  });
}

export function customerAccounts(ctx: FlowContext): OptionAccount[] {
  const { chain } = ctx;
  const drafts = [...draftBuyers(ctx.rng('options:buyers'), chain), ...draftSellers(ctx.rng('options:sellers'), chain), ...draftVaults(ctx.rng('options:vaults'), chain)];
  toLots(drafts, ctx.targetOiEth);
  const cashRng = ctx.rng('options:buyer-cash');
  return drafts.map((d) => {
    const holdings = d.legs.map((l) => ({ optionId: l.contract.id, lots: l.sign * l.weight }));
    const eth = (l: Draft['legs'][number]) => l.weight * LOT;
    let collateral: Position[];
    if (d.archetype === 'covered-call-vault') {
      collateral = [{ asset: 'WETH', side: 'collateral', amount: d.legs.reduce((s, l) => s + eth(l), 0) }];
    } else if (d.archetype === 'cash-secured-put-vault') {
      collateral = [{ asset: 'USDC', side: 'collateral', amount: d.legs.reduce((s, l) => s + eth(l) * l.contract.strike, 0) }];
    } else if (d.archetype === 'buyer') {
      const premium = d.legs.reduce((s, l) => s + eth(l) * l.contract.mark, 0);
      collateral = [{ asset: 'USDC', side: 'collateral', amount: Math.max(BUYERS.minCashUsd, premium * cashRng.lognormal(BUYERS.cashMedian, BUYERS.cashSigma)) }];
    } else {
      // Cash so that equity = ratio × requirement; the requirement does not depend on cash. Rounded up to the cent.
      const m = pmrmMargin(ctx.pmrm, { cash: 0, base: 0, legs: legsOf(chain, holdings) }, { spot: chain.spot, stablePrice: ctx.stablePrice });
      collateral = [{ asset: 'USDC', side: 'collateral', amount: Math.ceil(((d.ratio ?? 1) * m.requirement - m.equity) * 100) / 100 }];
    }
    return { archetype: d.archetype, holdings, collateral, address: '' };
  });
}
