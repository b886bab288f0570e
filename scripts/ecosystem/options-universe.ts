/**
 * The options venue's protocol row and collateral markets, from the Derive values in
 * published-params.json (scripts/config-mainnet.sol). How each published value becomes a column
 * of the import format (docs/import-format.md, "Options venues"):
 *
 *   im_factor            = imFactor 1.25 (IM = 1.25 × the scenario and contingency part)
 *   liquidation_mode     = dutch-auction; close_factor 1 (an auction may take the whole portfolio)
 *   liquidation_bonus    = 1 − startingMtMPercentage 0.95 = 0.05: an auction opens at 95% of the
 *                          portfolio's mark-to-market, the discount a fixed-bonus liquidation would give
 *   USDC haircut         = 1: cash counts at face value in PMRM (a depeg below 0.99 raises IM only)
 *   WETH haircut         = 1 − basePercent 0.03 = 0.97: PMRM revalues WETH with spot in every scenario and
 *                          adds 3% of spot per unit as a contingency; as a haircut that is 0.97 (ltv:
 *                          1 − 1.25·0.03 = 0.9625, the contingency at initial margin)
 *   wstETH haircut       = SRM marginFactor 0.8 (ltv 0.8·IMScale 0.9375 = 0.75): wstETH is standard-manager
 *                          collateral at Derive, not a PMRM v1 asset; listed, held by no account here.
 *
 * baseStaticDiscount 0.95 is not a collateral haircut: PMRMLib multiplies the positive shocked
 * value of each expiry's options by 0.95·e^(−0.12·T) (pmrm.ts).
 */
import { fixed } from './csv.js';
import { OPTIONS_CHAIN, OPTIONS_PROTOCOL } from './options-assumptions.js';
import type { ParamBook } from './params.js';
import type { MarketRow, ProtocolRow } from './types.js';
import { literal, row } from './universe.js';

const wad = (p: ParamBook, id: string) => Number(literal(p.str(`derive.${id}`))) / 1e18;

export function optionsProtocol(p: ParamBook): ProtocolRow {
  return {
    protocol: OPTIONS_PROTOCOL, kind: 'options', closeFactor: 1, fullCloseBelowHf: null, isolation: 'pooled', chain: OPTIONS_CHAIN,
    // No published size of Derive's Security Module was found: left empty (data/README.md).
    insuranceFundUsd: null,
    venue: { marginModel: 'portfolio', marginGrid: 'derive-pmrm', imFactor: wad(p, 'imFactor'), liquidationMode: 'dutch-auction' },
  };
}

export function optionsMarkets(p: ParamBook): MarketRow[] {
  const bonus = fixed(1 - wad(p, 'startingMtMPercentage'), 6);
  const base = wad(p, 'basePercent');
  const im = wad(p, 'imFactor');
  const srm = wad(p, 'srm.WSTETH.marginFactor');
  return [
    row(OPTIONS_PROTOCOL, 'USDC', 'USDC', 1, 1, bonus),
    row(OPTIONS_PROTOCOL, 'WETH', 'WETH', Number(fixed(1 - im * base, 6)), Number(fixed(1 - base, 6)), bonus),
    row(OPTIONS_PROTOCOL, 'wstETH', 'wstETH', Number(fixed(srm * wad(p, 'srm.WSTETH.IMScale'), 6)), srm, bonus),
  ];
}
