/**
 * Equity and margin state of options accounts (Derive's and Deribit's cross-margined account: one
 * collateral pool for every position):
 *
 *   collateral value = Σ_assets amount × price × (1 − haircut)     (a debt, amount < 0, at full value)
 *   options value    = Σ_positions size × mark                      (long +, short −)
 *   equity           = collateral value + options value
 *   margin ratio     = equity / maintenance                         (+Infinity when maintenance = 0
 *                                                                    and equity ≥ 0, −Infinity when < 0)
 *   liquidatable     = equity < maintenance
 *
 * The haircut is the venue's per-asset discount for margin (Derive's SRM `marginFactor` on base
 * assets, e.g. 0.8 for ETH, 0.75 for BTC in derivexyz/v2-core scripts/config-mainnet.sol: haircut
 * = 1 − marginFactor). `maintenance` comes from src/risk/margin (portfolio or strategy margin).
 */
import type { PositionColumns } from '../margin/index.js';
import { OptionsAccountError } from './errors.js';

export interface CollateralColumns {
  account: Int32Array;
  asset: Int32Array;
  /** Units of the asset; < 0 for a debt (borrowed cash). */
  amount: Float64Array;
}

export interface OptionsAccountsInput {
  accountCount: number;
  /** USD price per asset. */
  assetPrice: Float64Array;
  /** Per asset, fraction of value not counted for margin, in [0, 1]. */
  haircut: Float64Array;
  collateral: CollateralColumns;
  positions: PositionColumns;
  /** USD mark per option per unit. */
  mark: Float64Array;
  /** Maintenance margin per account (USD). */
  maintenance: Float64Array;
}

export interface AccountEquity {
  collateralValue: Float64Array;
  collateralMarketValue: Float64Array;
  longValue: Float64Array;
  /** Σ |size| × mark of shorts, ≥ 0. */
  shortValue: Float64Array;
  equity: Float64Array;
  marginRatio: Float64Array;
  liquidatable: Uint8Array;
}

export function accountEquity(input: OptionsAccountsInput): AccountEquity {
  const A = input.accountCount;
  const { collateral, positions, assetPrice, haircut, mark, maintenance } = input;
  if (maintenance.length !== A) throw new OptionsAccountError(`input: maintenance has ${maintenance.length} rows, accountCount is ${A}`);
  if (haircut.length !== assetPrice.length) throw new OptionsAccountError(`input: haircut has ${haircut.length} rows, assetPrice has ${assetPrice.length}`);
  const out: AccountEquity = {
    collateralValue: new Float64Array(A),
    collateralMarketValue: new Float64Array(A),
    longValue: new Float64Array(A),
    shortValue: new Float64Array(A),
    equity: new Float64Array(A),
    marginRatio: new Float64Array(A),
    liquidatable: new Uint8Array(A),
  };
  for (let i = 0; i < collateral.account.length; i++) {
    const a = collateral.account[i]!;
    const k = collateral.asset[i]!;
    const amount = collateral.amount[i]!;
    if (!(a >= 0 && a < A)) throw new OptionsAccountError(`collateral ${i}: field account ${a} is outside [0, ${A})`);
    if (!(k >= 0 && k < assetPrice.length)) throw new OptionsAccountError(`collateral ${i}: field asset ${k} is outside [0, ${assetPrice.length})`);
    const price = assetPrice[k]!;
    const h = haircut[k]!;
    if (!(price >= 0 && price < Infinity)) throw new OptionsAccountError(`asset ${k}: field price must be finite and ≥ 0, got ${price}`);
    if (!(h >= 0 && h <= 1)) throw new OptionsAccountError(`asset ${k}: field haircut must be in [0, 1], got ${h}`);
    if (!Number.isFinite(amount)) throw new OptionsAccountError(`collateral ${i}: field amount must be finite, got ${amount}`);
    const value = amount * price;
    out.collateralMarketValue[a]! += value;
    out.collateralValue[a]! += value > 0 ? value * (1 - h) : value;
  }
  for (let p = 0; p < positions.account.length; p++) {
    const a = positions.account[p]!;
    const o = positions.option[p]!;
    if (!(a >= 0 && a < A)) throw new OptionsAccountError(`position ${p}: field account ${a} is outside [0, ${A})`);
    if (!(o >= 0 && o < mark.length)) throw new OptionsAccountError(`position ${p}: field option ${o} is outside [0, ${mark.length})`);
    const m = mark[o]!;
    if (!(m >= 0 && m < Infinity)) throw new OptionsAccountError(`option ${o}: field mark must be finite and ≥ 0 (position ${p} holds it), got ${m}`);
    const q = positions.size[p]!;
    if (q >= 0) out.longValue[a]! += q * m;
    else out.shortValue[a]! -= q * m;
  }
  for (let a = 0; a < A; a++) {
    const equity = out.collateralValue[a]! + out.longValue[a]! - out.shortValue[a]!;
    const mm = maintenance[a]!;
    if (!(mm >= 0 && mm < Infinity)) throw new OptionsAccountError(`account ${a}: field maintenance must be finite and ≥ 0, got ${mm}`);
    out.equity[a] = equity;
    out.marginRatio[a] = mm > 0 ? equity / mm : equity >= 0 ? Infinity : -Infinity;
    out.liquidatable[a] = equity < mm ? 1 : 0;
  }
  return out;
}
