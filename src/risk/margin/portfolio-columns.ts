/**
 * The columnar inputs of the margin solvers (row order = index, as in src/model/ecosystem.ts's
 * OptionTable / OptionPositionTable) and their checks. Sizes are in units of the underlying
 * (+ long, − short); spot, strike and values in USD.
 */
import { MarginError } from './errors.js';

export interface OptionColumns {
  /** Index into `spot` of the underlying. */
  underlying: Int32Array;
  /** 1 for a call, 0 for a put. */
  isCall: Uint8Array;
  strike: Float64Array;
  /** Years to expiry (ACT/365); ≤ 0 once expired: valued at intrinsic. */
  years: Float64Array;
  /** Annualised implied vol used to price the option (not read once expired). */
  vol: Float64Array;
}

export interface PositionColumns {
  account: Int32Array;
  option: Int32Array;
  /** Signed size: + long, − short. */
  size: Float64Array;
}

/** Linear exposure to an underlying that the venue margins with the options (collateral held in it, perps). */
export interface LinearColumns {
  account: Int32Array;
  underlying: Int32Array;
  /** Signed quantity of the underlying. */
  quantity: Float64Array;
}

export interface MarginPortfolio {
  accountCount: number;
  /** Spot price per underlying (asset index). */
  spot: Float64Array;
  options: OptionColumns;
  positions: PositionColumns;
  linear?: LinearColumns;
}

function sameLength(record: string, columns: Record<string, ArrayLike<number>>): number {
  const entries = Object.entries(columns);
  const n = entries[0]![1].length;
  for (const [field, column] of entries) {
    if (column.length !== n) throw new MarginError(`${record}: column ${field} has ${column.length} rows, ${entries[0]![0]} has ${n}`);
  }
  return n;
}

/**
 * Checks lengths, index ranges and numbers; returns a mask of the options some position refers
 * to (only those are checked and priced, so an unused option with a missing vol does no harm).
 */
export function checkMarginPortfolio(input: MarginPortfolio): Uint8Array {
  const { accountCount, spot, options, positions, linear } = input;
  if (!(Number.isInteger(accountCount) && accountCount >= 0)) throw new MarginError(`input: accountCount must be an integer ≥ 0, got ${accountCount}`);
  const optionCount = sameLength('options', {
    underlying: options.underlying, isCall: options.isCall, strike: options.strike, years: options.years, vol: options.vol,
  });
  const positionCount = sameLength('positions', { account: positions.account, option: positions.option, size: positions.size });
  const referenced = new Uint8Array(optionCount);
  for (let p = 0; p < positionCount; p++) {
    const a = positions.account[p]!;
    const o = positions.option[p]!;
    if (!(a >= 0 && a < accountCount)) throw new MarginError(`position ${p}: field account ${a} is outside [0, ${accountCount})`);
    if (!(o >= 0 && o < optionCount)) throw new MarginError(`position ${p}: field option ${o} is outside [0, ${optionCount})`);
    if (!Number.isFinite(positions.size[p]!)) throw new MarginError(`position ${p}: field size must be finite, got ${positions.size[p]}`);
    referenced[o] = 1;
  }
  for (let o = 0; o < optionCount; o++) {
    if (referenced[o] === 0) continue;
    const u = options.underlying[o]!;
    if (!(u >= 0 && u < spot.length)) throw new MarginError(`option ${o}: field underlying ${u} is outside [0, ${spot.length})`);
    if (!(spot[u]! > 0 && Number.isFinite(spot[u]!))) throw new MarginError(`spot ${u}: must be finite and > 0 (option ${o} refers to it), got ${spot[u]}`);
    if (!(options.strike[o]! > 0 && Number.isFinite(options.strike[o]!))) throw new MarginError(`option ${o}: field strike must be finite and > 0, got ${options.strike[o]}`);
    const years = options.years[o]!;
    if (!Number.isFinite(years)) throw new MarginError(`option ${o}: field years must be finite, got ${years}`);
    if (years > 0 && !(options.vol[o]! > 0 && Number.isFinite(options.vol[o]!))) {
      throw new MarginError(`option ${o}: field vol must be finite and > 0 for an unexpired option, got ${options.vol[o]}`);
    }
    if (options.isCall[o]! > 1) throw new MarginError(`option ${o}: field isCall must be 0 or 1, got ${options.isCall[o]}`);
  }
  if (linear !== undefined) {
    const n = sameLength('linear', { account: linear.account, underlying: linear.underlying, quantity: linear.quantity });
    for (let i = 0; i < n; i++) {
      const a = linear.account[i]!;
      const u = linear.underlying[i]!;
      if (!(a >= 0 && a < accountCount)) throw new MarginError(`linear ${i}: field account ${a} is outside [0, ${accountCount})`);
      if (!(u >= 0 && u < spot.length)) throw new MarginError(`linear ${i}: field underlying ${u} is outside [0, ${spot.length})`);
      if (!(spot[u]! > 0 && Number.isFinite(spot[u]!))) throw new MarginError(`spot ${u}: must be finite and > 0 (linear ${i} refers to it), got ${spot[u]}`);
      if (!Number.isFinite(linear.quantity[i]!)) throw new MarginError(`linear ${i}: field quantity must be finite, got ${linear.quantity[i]}`);
    }
  }
  return referenced;
}
