/**
 * Calibration targets in whole tokens, each derived by arithmetic on published figures only
 * (cap × average cap usage, USD ÷ snapshot price). Where a split is not published the assumption
 * is imported from assumptions.ts and named in `basis`.
 */
import { CWETH_WSTETH_USD_SHARE, MORPHO_PLAN } from './assumptions.js';
import type { ParamBook } from './params.js';
import { COMET_COLLATERAL } from './param-spec.js';
import { price, type Target, type Universe } from './types.js';
import { morphoMarketName } from './universe.js';

function aaveTargets(p: ParamBook, protocol: string, group: string, symbols: readonly string[]): Target[] {
  const out: Target[] = [];
  for (const sym of symbols) {
    const sc = p.fig(group, `${sym}.supply_cap`);
    const su = p.fig(group, `${sym}.supply_cap_usage`);
    const bc = p.fig(group, `${sym}.borrow_cap`);
    const bu = p.fig(group, `${sym}.borrow_cap_usage`);
    out.push({ protocol, market: null, asset: sym, side: 'collateral', amount: sc * su, basis: `${group}: supply cap ${sc} x usage ${su}` });
    out.push({ protocol, market: null, asset: sym, side: 'debt', amount: bc * bu, basis: `${group}: borrow cap ${bc} x usage ${bu}` });
  }
  return out;
}

function cometTargets(p: ParamBook, u: Universe): Target[] {
  const out: Target[] = [];
  const jul = 'gauntlet-comet-usdc-2023-07-20';
  for (const sym of COMET_COLLATERAL.cUSDCv3) {
    const cap = p.fig(jul, `${sym}.supply_cap`);
    const use = p.fig(jul, `${sym}.supply_cap_usage`);
    out.push({ protocol: 'compound-v3', market: 'cUSDCv3', asset: sym, side: 'collateral', amount: cap * use, basis: `${jul}: supply cap ${cap} x usage ${use}` });
  }
  const borrowsUsd = p.fig('gauntlet-comet-usdc-2023-07-28', 'usdc_borrows_usd');
  out.push({ protocol: 'compound-v3', market: 'cUSDCv3', asset: 'USDC', side: 'debt', amount: borrowsUsd / price(u, 'USDC'),
    basis: `gauntlet-comet-usdc-2023-07-28: borrows $${borrowsUsd} / USDC price` });
  const nov = 'gauntlet-comet-weth-2023-11-03';
  const collUsd = p.fig(nov, 'total_collateral_usd');
  for (const [sym, share] of [['wstETH', CWETH_WSTETH_USD_SHARE], ['cbETH', 1 - CWETH_WSTETH_USD_SHARE]] as const) {
    out.push({ protocol: 'compound-v3', market: 'cWETHv3', asset: sym, side: 'collateral', amount: (collUsd * share) / price(u, sym),
      basis: `${nov}: collateral $${collUsd} x assumed ${sym} share ${share.toFixed(2)} / price` });
  }
  out.push({ protocol: 'compound-v3', market: 'cWETHv3', asset: 'WETH', side: 'debt', amount: p.fig(nov, 'weth_borrows_tokens'),
    basis: `${nov}: WETH borrows (tokens)` });
  return out;
}

function morphoTargets(p: ParamBook, u: Universe): Target[] {
  const g = 'block-analitica-morpho-2024-02-20';
  const borrowsUsd = p.fig(g, 'borrows_usd');
  return Object.entries(MORPHO_PLAN).map(([id, plan]) => {
    const loan = p.str(`morpho-blue.${id}.loan_symbol`);
    const published = plan.borrowShare === p.fig(g, 'wsteth_weth_borrow_share');
    return {
      protocol: 'morpho-blue', market: morphoMarketName(p, id), asset: loan, side: 'debt' as const,
      amount: (borrowsUsd * plan.borrowShare) / price(u, loan),
      basis: `${g}: borrows $${borrowsUsd} x ${published ? 'published' : 'assumed'} share ${plan.borrowShare}`,
    };
  });
}

export function buildTargets(p: ParamBook, u: Universe): Target[] {
  return [
    ...aaveTargets(p, 'aave-v3', 'gauntlet-aave-eth-2024-01-25', ['WETH', 'wstETH', 'cbETH', 'WBTC', 'USDC', 'USDT', 'DAI', 'UNI', 'LINK']),
    ...aaveTargets(p, 'aave-v3-arbitrum', 'gauntlet-aave-arb-2024-02-01', ['WETH', 'wstETH', 'WBTC', 'USDC', 'USDT', 'DAI', 'LINK']),
    ...cometTargets(p, u),
    ...morphoTargets(p, u),
  ];
}

/** Targets of one protocol and side as asset -> tokens (pooled protocols have one market per asset). */
export function targetMap(targets: readonly Target[], protocol: string, side: 'collateral' | 'debt', market: string | null = null): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of targets) if (t.protocol === protocol && t.side === side && t.market === market) out.set(t.asset, t.amount);
  return out;
}
