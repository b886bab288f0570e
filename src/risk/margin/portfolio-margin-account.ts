/**
 * The hot loop of portfolio-margin.ts for one account: add each position's row of the per-unit
 * P&L table (scaled by its size) into a per-underlying scenario P&L vector, add linear holdings,
 * then take the worst weighted loss per underlying and the contingency on net shorts. All state
 * is preallocated scratch; what it touches it resets before returning. Written with every array
 * in a local and no helper calls in the loops: this is where the solver spends its time.
 */
import type { AccountIndex } from './account-index.js';
import type { MarginPortfolio } from './portfolio-columns.js';
import type { ScenarioGrid } from './scenario-grid.js';
import type { GridRepricing } from './scenario-repricing.js';

export interface AccountLoopState {
  input: MarginPortfolio;
  grid: ScenarioGrid;
  repricing: GridRepricing;
  settings: { optionContingencyRate: number; linearContingencyRate: number; contingencyNetting: 'per-option' | 'gross' };
  spotMoveScale: Float64Array | null;
  positionsByAccount: AccountIndex;
  linearByAccount: AccountIndex | null;
  /** underlying → slot of the current account; −1 when the account holds none (scratch, reset after each account). */
  slotOfUnderlying: Int32Array;
  /** slot → underlying. */
  touched: Int32Array;
  /** slot · S + s → P&L. */
  pnl: Float64Array;
  slotMargin: Float64Array;
  slotContingency: Float64Array;
  slotWorst: Int32Array;
  netSize: Float64Array;
  optionSeen: Uint8Array;
  touchedOptions: Int32Array;
  /** Output of the last call: Σ size × value now. */
  optionsValue: number;
}

/** Fills slots 0 … (returned count − 1) for account `a` and sets `state.optionsValue`. */
export function accumulateAccount(state: AccountLoopState, a: number): number {
  const { input, repricing, settings, pnl, netSize, optionSeen, touchedOptions, slotContingency, slotOfUnderlying, touched } = state;
  const S = state.grid.spotMultiplier.length;
  const { unitPnl, basePrice } = repricing;
  const { option, size } = input.positions;
  const { underlying } = input.options;
  const spot = input.spot;
  const gross = settings.contingencyNetting === 'gross';
  const optionRate = settings.optionContingencyRate;
  let held = 0;
  let value = 0;
  let optionsTouched = 0;
  const { start, order } = state.positionsByAccount;
  for (let i = start[a]!, end = start[a + 1]!; i < end; i++) {
    const p = order[i]!;
    const o = option[p]!;
    const q = size[p]!;
    const u = underlying[o]!;
    let slot = slotOfUnderlying[u]!;
    if (slot < 0) {
      slot = held++;
      slotOfUnderlying[u] = slot;
      touched[slot] = u;
      slotContingency[slot] = 0;
      for (let s = slot * S, e = s + S; s < e; s++) pnl[s] = 0;
    }
    value += q * basePrice[o]!;
    const from = o * S;
    const to = slot * S;
    let s = 0; // unrolled by 4: the one loop the solver's time goes into
    for (; s + 3 < S; s += 4) {
      pnl[to + s]! += q * unitPnl[from + s]!;
      pnl[to + s + 1]! += q * unitPnl[from + s + 1]!;
      pnl[to + s + 2]! += q * unitPnl[from + s + 2]!;
      pnl[to + s + 3]! += q * unitPnl[from + s + 3]!;
    }
    for (; s < S; s++) pnl[to + s]! += q * unitPnl[from + s]!;
    if (gross) {
      if (q < 0) slotContingency[slot]! -= q * optionRate * spot[u]!;
    } else {
      if (optionSeen[o] === 0) {
        optionSeen[o] = 1;
        touchedOptions[optionsTouched++] = o;
      }
      netSize[o]! += q;
    }
  }
  for (let k = 0; k < optionsTouched; k++) {
    const o = touchedOptions[k]!;
    const net = netSize[o]!;
    if (net < 0) {
      const u = underlying[o]!;
      slotContingency[slotOfUnderlying[u]!]! -= net * optionRate * spot[u]!;
    }
    netSize[o] = 0;
    optionSeen[o] = 0;
  }
  const linear = input.linear;
  if (state.linearByAccount !== null && linear !== undefined) {
    const { start: ls, order: lo } = state.linearByAccount;
    const m = state.grid.spotMultiplier;
    const moveScale = state.spotMoveScale;
    for (let i = ls[a]!, end = ls[a + 1]!; i < end; i++) {
      const r = lo[i]!;
      const u = linear.underlying[r]!;
      let slot = slotOfUnderlying[u]!;
      if (slot < 0) {
        slot = held++;
        slotOfUnderlying[u] = slot;
        touched[slot] = u;
        slotContingency[slot] = 0;
        for (let s = slot * S, e = s + S; s < e; s++) pnl[s] = 0;
      }
      const exposure = linear.quantity[r]! * spot[u]!;
      const scaled = moveScale === null ? exposure : exposure * moveScale[u]!;
      const to = slot * S;
      for (let s = 0; s < S; s++) pnl[to + s]! += scaled * (m[s]! - 1);
      slotContingency[slot]! += Math.abs(exposure) * settings.linearContingencyRate;
    }
  }
  const w = state.grid.lossWeight;
  const { slotMargin, slotWorst } = state;
  for (let k = 0; k < held; k++) {
    const row = k * S;
    let worst = -Infinity;
    let worstAt = 0;
    for (let s = 0; s < S; s++) {
      const loss = -pnl[row + s]! * w[s]!;
      if (loss > worst) {
        worst = loss;
        worstAt = s;
      }
    }
    slotMargin[k] = worst > 0 ? worst : 0;
    slotWorst[k] = worstAt;
    slotOfUnderlying[touched[k]!] = -1;
  }
  state.optionsValue = value;
  return held;
}
