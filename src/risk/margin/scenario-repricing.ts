/**
 * Every (option, scenario) repriced once: the per-unit P&L table that portfolio margin aggregates
 * by positions (SPAN's "risk array": CME Group, SPAN Methodology Overview). Options are priced in
 * chunks through the vectorised pricer, the current value and the grid's scenarios side by side:
 * spot_u × (1 + (spotMultiplier_s − 1)·scale_u), vol shocked by the grid's rule (vol-shock.ts), years less the grid's
 * horizon. Two cases never reach the pricer: an option at or past expiry in a scenario is valued
 * at intrinsic, and one whose scenario spot is 0 (a "spot to zero" grid) at its S → 0 limit
 * (call 0, put K·e^{−rT}).
 */
import { WarningLog } from './errors.js';
import type { OptionPricer } from './pricer.js';
import { intrinsicValue } from './pricer.js';
import type { OptionColumns } from './portfolio-columns.js';
import type { ScenarioGrid } from './scenario-grid.js';
import type { MarginScratch } from './scratch.js';
import { applyVolShock, termStructureScale } from './vol-shock.js';

export interface RepricingSettings {
  rate: number;
  carry: number;
  /** Floor on a shocked vol. */
  minVol: number;
  /** Per underlying, scales every spot move: spot × (1 + (m − 1)·scale); `null` = 1 everywhere. */
  spotMoveScale: Float64Array | null;
}

export interface GridRepricing {
  scenarioCount: number;
  /** Value now per unit of each option; NaN where not priced (no position refers to the option). */
  basePrice: Float64Array;
  /** Per-unit P&L of option o in scenario s at [o·S + s] (scenario value − value now); NaN where not priced. */
  unitPnl: Float64Array;
  pricedOptions: number;
  /** Pricer evaluations (options × (scenarios + 1)). */
  repricings: number;
}

const CHUNK_OPTIONS = 2048;

/** Value without the pricer: intrinsic at or past expiry, the S → 0 limit at zero spot. */
export function directValue(spot: number, strike: number, years: number, isCall: boolean, rate: number): number {
  if (years <= 0) return intrinsicValue(spot, strike, isCall);
  return isCall ? 0 : strike * Math.exp(-rate * years);
}

export function repriceOnGrid(
  options: OptionColumns,
  spot: Float64Array,
  grid: ScenarioGrid,
  referenced: Uint8Array,
  pricer: OptionPricer,
  settings: RepricingSettings,
  scratch: MarginScratch,
  warnings: WarningLog,
): GridRepricing {
  const S = grid.spotMultiplier.length;
  const W = S + 1; // column 0: value now
  const optionCount = referenced.length;
  const basePrice = scratch.float64('reprice.base', optionCount).fill(NaN);
  const unitPnl = scratch.float64('reprice.pnl', optionCount * S).fill(NaN);
  const batch = CHUNK_OPTIONS * W;
  const bSpot = scratch.float64('reprice.spot', batch);
  const bStrike = scratch.float64('reprice.strike', batch);
  const bYears = scratch.float64('reprice.years', batch);
  const bVol = scratch.float64('reprice.vol', batch);
  const bCall = scratch.uint8('reprice.call', batch);
  const bDirect = scratch.uint8('reprice.direct', batch);
  const bOut = scratch.float64('reprice.out', batch);
  const chunkOptions = scratch.int32('reprice.options', CHUNK_OPTIONS);
  const { spotMultiplier, volMove, volShock, horizonYears } = grid;
  let priced = 0;
  let clamped = 0;
  let expired = 0;
  let o = 0;
  while (o < optionCount) {
    let count = 0;
    for (; o < optionCount && count < CHUNK_OPTIONS; o++) if (referenced[o] === 1) chunkOptions[count++] = o;
    const n = count * W;
    for (let i = 0; i < count; i++) {
      const opt = chunkOptions[i]!;
      const u = options.underlying[opt]!;
      const s0 = spot[u]!;
      const scale = settings.spotMoveScale === null ? 1 : settings.spotMoveScale[u]!;
      const strike = options.strike[opt]!;
      const years = options.years[opt]!;
      const vol = options.vol[opt]!;
      const call = options.isCall[opt]!;
      const termScale = volShock.kind === 'term-structure' ? termStructureScale(volShock, years) : 1;
      const up = volShock.up * termScale;
      const down = volShock.down * termScale;
      const row = i * W;
      for (let j = 0; j < W; j++) {
        const e = row + j;
        const t = j === 0 ? years : years - horizonYears;
        bSpot[e] = j === 0 ? s0 : s0 * (1 + (spotMultiplier[j - 1]! - 1) * scale);
        bStrike[e] = strike;
        bCall[e] = call;
        if (t > 0 && bSpot[e]! > 0) {
          let v = j === 0 ? vol : applyVolShock(volShock.kind, vol, up, down, volMove[j - 1]!);
          if (!(v >= settings.minVol)) {
            v = settings.minVol;
            clamped++;
          }
          bYears[e] = t;
          bVol[e] = v;
          bDirect[e] = 0;
        } else {
          bYears[e] = t; // kept for the direct valuation below; the pricer gets placeholders
          bVol[e] = 1;
          bDirect[e] = 1;
          if (j === 0 && t <= 0) expired++;
        }
      }
    }
    const directYears = scratch.float64('reprice.directYears', n);
    const directSpot = scratch.float64('reprice.directSpot', n);
    for (let e = 0; e < n; e++) {
      if (bDirect[e] === 0) continue;
      directYears[e] = bYears[e]!;
      directSpot[e] = bSpot[e]!;
      bYears[e] = 1;
      bSpot[e] = 1;
    }
    pricer.priceInto(
      bSpot.subarray(0, n), bStrike.subarray(0, n), bYears.subarray(0, n), bVol.subarray(0, n),
      settings.rate, settings.carry, bCall.subarray(0, n), bOut.subarray(0, n),
    );
    for (let e = 0; e < n; e++) {
      if (bDirect[e] === 1) bOut[e] = directValue(directSpot[e]!, bStrike[e]!, directYears[e]!, bCall[e] === 1, settings.rate);
    }
    for (let i = 0; i < count; i++) {
      const opt = chunkOptions[i]!;
      const row = i * W;
      const now = bOut[row]!;
      basePrice[opt] = now;
      const out = opt * S;
      for (let s = 0; s < S; s++) unitPnl[out + s] = bOut[row + 1 + s]! - now;
    }
    priced += count;
  }
  if (clamped > 0) warnings.warn(`contagion/risk/margin: ${clamped} shocked vols fell below minVol ${settings.minVol} and were clamped to it`);
  if (expired > 0) warnings.warn(`contagion/risk/margin: ${expired} options at or past expiry valued at intrinsic`);
  return { scenarioCount: S, basePrice, unitPnl, pricedOptions: priced, repricings: priced * W };
}
