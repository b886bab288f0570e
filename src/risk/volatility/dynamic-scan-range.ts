/**
 * A scan range that moves with forecast volatility: margins rise when the market turns volatile
 * and fall back when it calms (the essay's "dynamic margin requirements"), within a floor and a cap:
 *
 *   scale = clamp(forecast annualised vol / base vol, minScale, maxScale)
 *   scanRange = baseScanRange × scale
 *
 * `baseVol` is the vol at which the venue's published grid applies: by default the long-run vol
 * of the same history (GARCH's σ̄, EWMA's root mean square), or a number. The floor and cap are
 * assumptions of this project (a calm market at most halves the scan range, a crisis at most
 * triples it); anti-procyclicality rules for CCPs (EU EMIR RTS 153/2013 Art. 28) are why a floor
 * exists at all. Set them per venue.
 */
import { resolveOptions } from '../margin/index.js';
import { VolatilityError } from './errors.js';
import type { VolatilityForecast } from './volatility-forecast.js';

export interface ScanRangeOptions {
  baseScanRange?: number;
  baseVol?: number | 'long-run';
  minScale?: number;
  maxScale?: number;
}

export const SCAN_RANGE_DEFAULTS = {
  baseScanRange: 0.15, // the SPAN preset's default scan range (span-grid.ts)
  baseVol: 'long-run' as number | 'long-run',
  minScale: 0.5,
  maxScale: 3,
};

export interface DynamicScanRange {
  scanRange: number;
  scale: number;
  /** Scale before the floor and cap. */
  rawScale: number;
  baseVol: number;
  forecastVol: number;
  baseScanRange: number;
  clamped: 'floor' | 'cap' | 'none';
}

export function dynamicScanRange(forecast: VolatilityForecast, options: ScanRangeOptions = {}): DynamicScanRange {
  const o = resolveOptions<Required<ScanRangeOptions>>(SCAN_RANGE_DEFAULTS, options);
  const baseVol = o.baseVol === 'long-run' ? forecast.longRunAnnualisedVol : o.baseVol;
  if (!(baseVol > 0 && baseVol < Infinity)) throw new VolatilityError(`options: baseVol must be finite and > 0, got ${baseVol}`);
  if (!(o.minScale >= 0 && o.maxScale >= o.minScale)) throw new VolatilityError(`options: need 0 ≤ minScale ≤ maxScale, got ${o.minScale}, ${o.maxScale}`);
  if (!(o.baseScanRange > 0)) throw new VolatilityError(`options: baseScanRange must be > 0, got ${o.baseScanRange}`);
  const rawScale = forecast.annualisedVol / baseVol;
  const scale = Math.min(o.maxScale, Math.max(o.minScale, rawScale));
  return {
    scanRange: o.baseScanRange * scale,
    scale,
    rawScale,
    baseVol,
    forecastVol: forecast.annualisedVol,
    baseScanRange: o.baseScanRange,
    clamped: rawScale < o.minScale ? 'floor' : rawScale > o.maxScale ? 'cap' : 'none',
  };
}
