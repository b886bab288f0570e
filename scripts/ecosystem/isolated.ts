/**
 * Accounts of isolated markets: one collateral and one debt asset per risk account.
 *   Compound v3: per-collateral totals and the market's borrows are both published, so collateral
 *     is split first and the health-factor level (median) is solved so the debts add up exactly.
 *   Morpho Blue: only borrows are published (per market by assumption beyond the 54%), so debt is
 *     split first and collateral follows from the drawn health factors.
 */
import { COMET_ACCOUNTS, HF_LOOP, HF_REGULAR, MORPHO_PLAN, SIZE_SIGMA, type HfDist } from './assumptions.js';
import { drawHf, hfValue, solveMedianExcess, type HfDraw } from './hf.js';
import type { ParamBook } from './params.js';
import type { Rng } from './prng.js';
import { targetMap } from './targets.js';
import { market, price, type GenAccount, type Target, type Universe } from './types.js';
import { morphoMarketName } from './universe.js';

/** Splits `total` over `n` heavy-tailed shares. */
function split(rng: Rng, total: number, n: number): number[] {
  const sizes = Array.from({ length: n }, () => rng.lognormal(1, SIZE_SIGMA));
  const sum = sizes.reduce((s, v) => s + v, 0);
  return sizes.map((s) => (total * s) / sum);
}

function account(protocol: string, marketName: string, archetype: string, coll: string, collAmt: number, debt: string, debtAmt: number): GenAccount {
  return {
    protocol, market: marketName, role: 'borrower', archetype, address: '',
    positions: [{ asset: coll, side: 'collateral', amount: collAmt }, { asset: debt, side: 'debt', amount: debtAmt }],
  };
}

export interface SolvedMarket {
  market: string;
  medianExcess: number;
}

export function generateComet(u: Universe, p: ParamBook, targets: readonly Target[], rng: Rng): { accounts: GenAccount[]; solved: SolvedMarket[] } {
  const accounts: GenAccount[] = [];
  const solved: SolvedMarket[] = [];
  for (const [name, perAsset] of Object.entries(COMET_ACCOUNTS)) {
    const base = p.str(`compound-v3.${name}.baseToken`);
    // cWETHv3 collateral is LSTs borrowed against with WETH: the same loop profile as on Aave.
    const dist: HfDist = name === 'cWETHv3' ? HF_LOOP : HF_REGULAR;
    const coll = targetMap(targets, 'compound-v3', 'collateral', name);
    const debtTokens = targetMap(targets, 'compound-v3', 'debt', name).get(base) ?? 0;
    const rows: { asset: string; amount: number; capacity: number; draw: HfDraw }[] = [];
    for (const [asset, n] of Object.entries(perAsset)) {
      const lt = market(u, 'compound-v3', name, asset).liquidationThreshold;
      for (const amount of split(rng, coll.get(asset) ?? 0, n)) {
        rows.push({ asset, amount, capacity: amount * price(u, asset) * lt, draw: drawHf(rng, dist) });
      }
    }
    const m = solveMedianExcess(rows.map((r) => r.capacity), rows.map((r) => r.draw), dist, debtTokens * price(u, base));
    solved.push({ market: name, medianExcess: m });
    for (const r of rows) {
      const debt = r.capacity / hfValue(r.draw, dist, m) / price(u, base);
      accounts.push(account('compound-v3', name, `${r.asset}-${base}`, r.asset, r.amount, base, debt));
    }
  }
  return { accounts, solved };
}

export function generateMorpho(u: Universe, p: ParamBook, targets: readonly Target[], rng: Rng): GenAccount[] {
  const accounts: GenAccount[] = [];
  for (const [id, plan] of Object.entries(MORPHO_PLAN)) {
    const name = morphoMarketName(p, id);
    const loan = p.str(`morpho-blue.${id}.loan_symbol`);
    const collAsset = p.str(`morpho-blue.${id}.collateral_symbol`);
    const lltv = market(u, 'morpho-blue', name, collAsset).liquidationThreshold;
    const dist = plan.hf === 'loop' ? HF_LOOP : HF_REGULAR;
    const debtTokens = targetMap(targets, 'morpho-blue', 'debt', name).get(loan) ?? 0;
    for (const debt of split(rng, debtTokens, plan.accounts)) {
      const hf = hfValue(drawHf(rng, dist), dist, plan.hfMedianExcess);
      const collAmt = (debt * price(u, loan) * hf) / (lltv * price(u, collAsset));
      accounts.push(account('morpho-blue', name, `${collAsset}-${loan}`, collAsset, collAmt, loan, debt));
    }
  }
  return accounts;
}
