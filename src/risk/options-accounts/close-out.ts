/**
 * Closing out liquidatable options accounts, whole, in one of two modes. V is the account's
 * mark-to-market at market prices (collateral without haircuts + options at mark); what remains
 * for the account afterwards is its equity after close-out, negative when the venue is short:
 *
 * - `fixed-bonus`: positions are closed at mark ± a discount d: a short is bought back at
 *   mark × (1 + d), a long sold at mark × (1 − d); collateral counts at market value.
 *     equity after = collateral + Σ long × mark × (1 − d) − Σ |short| × mark × (1 + d)
 *   The default d = 5% is the most common DeFi liquidation bonus (Aave v3 Ethereum WETH
 *   liquidationBonus 10500, shared/data/protocol-params, 2023-10-31), not an options-venue figure.
 * - `dutch-auction` (Derive, dutch-auction.ts): V > 0 → the bidder pays fraction × V for the
 *   account at the time its appetite is met (equity after = fraction × V ≥ 0); V ≤ 0 → the
 *   insolvent auction: the venue pays the bidder −V + premium, all of it shortfall (equity after =
 *   −payment). Derive auctions only the part needed to restore buffer margin; here the whole
 *   account goes, the conservative case for a cascade.
 *
 * Per account: equity after, shortfall = max(0, −equity after), the liquidator's gain
 * V − equity after, the discount, the seconds to clear and the phase.
 */
import { checkAuctionParams, clearInsolventAuction, clearSolventAuction, DERIVE_AUCTION, type DutchAuctionParams, type LiquidatorAppetite } from './dutch-auction.js';
import type { AccountEquity } from './account-equity.js';
import { OptionsAccountError } from './errors.js';

export type LiquidationMode =
  | { kind: 'fixed-bonus'; discount?: number }
  | { kind: 'dutch-auction'; appetite?: LiquidatorAppetite; auction?: DutchAuctionParams };

export const CLOSE_OUT_DEFAULTS = {
  fixedBonusDiscount: 0.05, // Aave v3 WETH liquidationBonus 10500 (see banner)
  /** Assumption: liquidators bid at the end of Derive's fast phase (30% off MtM). */
  appetite: { kind: 'required-discount', discount: 0.3 } as LiquidatorAppetite,
};

/** Index into `phase`: what happened to each account. */
export const CLOSE_OUT_PHASES = ['not-liquidated', 'fixed-bonus', 'fast', 'slow', 'insolvent', 'unsold'] as const;

export interface CloseOutResult {
  closed: Uint8Array;
  equityAfter: Float64Array;
  shortfall: Float64Array;
  liquidatorGain: Float64Array;
  discount: Float64Array;
  secondsToClear: Float64Array;
  /** Index into CLOSE_OUT_PHASES. */
  phase: Uint8Array;
  mode: LiquidationMode;
  warnings: string[];
}

export function closeOutAccounts(equity: AccountEquity, maintenance: Float64Array, mode: LiquidationMode): CloseOutResult {
  const A = equity.equity.length;
  if (maintenance.length !== A) throw new OptionsAccountError(`input: maintenance has ${maintenance.length} rows, accounts ${A}`);
  const out: CloseOutResult = {
    closed: new Uint8Array(A), equityAfter: new Float64Array(A), shortfall: new Float64Array(A), liquidatorGain: new Float64Array(A),
    discount: new Float64Array(A), secondsToClear: new Float64Array(A), phase: new Uint8Array(A), mode, warnings: [],
  };
  const d = mode.kind === 'fixed-bonus' ? mode.discount ?? CLOSE_OUT_DEFAULTS.fixedBonusDiscount : 0;
  if (!(d >= 0 && d <= 1)) throw new OptionsAccountError(`mode: discount must be in [0, 1], got ${d}`);
  const auction = mode.kind === 'dutch-auction' ? mode.auction ?? DERIVE_AUCTION : DERIVE_AUCTION;
  checkAuctionParams(auction);
  const appetite = mode.kind === 'dutch-auction' ? mode.appetite ?? CLOSE_OUT_DEFAULTS.appetite : CLOSE_OUT_DEFAULTS.appetite;
  const solvent = clearSolventAuction(appetite, auction);
  const insolvent = clearInsolventAuction(appetite, auction);
  // Derive: an unsold solvent auction restarts as insolvent; a clearing time counts from the first start.
  const solventEnd = auction.fastAuctionSeconds + auction.slowAuctionSeconds;
  const chained = clearInsolventAuction(
    appetite.kind === 'clearing-time' ? { kind: 'clearing-time', seconds: Math.max(0, appetite.seconds - solventEnd) } : appetite,
    auction,
  );
  let unsold = 0;
  for (let a = 0; a < A; a++) {
    if (equity.liquidatable[a] === 0) {
      out.equityAfter[a] = equity.collateralMarketValue[a]! + equity.longValue[a]! - equity.shortValue[a]!;
      continue;
    }
    out.closed[a] = 1;
    const V = equity.collateralMarketValue[a]! + equity.longValue[a]! - equity.shortValue[a]!;
    let after: number;
    if (mode.kind === 'fixed-bonus') {
      after = equity.collateralMarketValue[a]! + equity.longValue[a]! * (1 - d) - equity.shortValue[a]! * (1 + d);
      out.discount[a] = d;
      out.phase[a] = 1;
    } else {
      const clearing = V <= 0 ? insolvent : solvent.cleared ? solvent : chained;
      const mm = maintenance[a]!;
      after = clearing.phase === 'fast' || clearing.phase === 'slow' ? (1 - clearing.discount) * V : -(Math.max(-V, 0) + clearing.discount * mm);
      out.discount[a] = clearing.discount;
      out.secondsToClear[a] = clearing.seconds + (clearing === chained ? solventEnd : 0);
      out.phase[a] = CLOSE_OUT_PHASES.indexOf(clearing.phase);
      if (!clearing.cleared) unsold++;
    }
    out.equityAfter[a] = after;
    out.shortfall[a] = after < 0 ? -after : 0;
    out.liquidatorGain[a] = V - after;
  }
  if (unsold > 0) out.warnings.push(`contagion/risk/options-accounts/close-out: ${unsold} auctions found no bidder within the schedule; their shortfall is taken at the insolvent auction's cap (−MtM + MM)`);
  return out;
}
