/**
 * Dynamic portfolio margin: each underlying's scenario spot moves scaled by its forecast
 * volatility relative to a base (dynamic-scan-range.ts), then the portfolio margin of
 * src/risk/margin on the scaled grid. The result carries every figure it used, per underlying:
 * model and its parameters (λ, or ω/α/β with the log-likelihood), forecast vol, base vol, scale
 * and scan range.
 *
 *   scenario spot_u,s = spot_u × (1 + (m_s − 1) · scale_u)
 *
 * The grid's own scan range (the base) is its largest spot move counted in full (weight 1): 0.15
 * for SPAN at ±15% (its 2× extremes scale with it), 0.20 for Derive PMRM, 0.16 for Deribit-like.
 * Vol moves are not rescaled. An underlying with no price history keeps scale 1 (a warning says so).
 */
import {
  portfolioMargin, type MarginPortfolio, type PortfolioMarginOptions, type PortfolioMarginResult, type ScenarioGrid,
} from '../margin/index.js';
import { dynamicScanRange, type DynamicScanRange, type ScanRangeOptions } from './dynamic-scan-range.js';
import { VolatilityError } from './errors.js';
import { forecastVolatility, type ForecastOptions, type VolatilityForecast } from './volatility-forecast.js';

export interface PriceHistory {
  /** Asset index of the underlying (index into the portfolio's `spot`). */
  underlying: number;
  /** Prices in time order, one per period. */
  prices: Float64Array;
}

export interface DynamicMarginOptions {
  forecast?: ForecastOptions;
  scanRange?: Omit<ScanRangeOptions, 'baseScanRange'>;
  margin?: PortfolioMarginOptions;
}

export interface DynamicMarginResult {
  margin: PortfolioMarginResult;
  underlyings: { underlying: number; forecast: VolatilityForecast; scanRange: DynamicScanRange }[];
  /** Scale applied per underlying (1 where there was no history). */
  spotMoveScale: Float64Array;
  /** The grid's full-weight scan range the scales apply to. */
  baseScanRange: number;
  warnings: string[];
}

/** Largest |m − 1| among the grid's scenarios counted in full. */
export function fullWeightScanRange(grid: ScenarioGrid): number {
  let range = 0;
  grid.spotMultiplier.forEach((m, s) => {
    if (grid.lossWeight[s] === 1) range = Math.max(range, Math.abs(m - 1));
  });
  return range;
}

export function dynamicMargin(
  input: MarginPortfolio,
  grid: ScenarioGrid,
  histories: readonly PriceHistory[],
  options: DynamicMarginOptions = {},
): DynamicMarginResult {
  const baseScanRange = fullWeightScanRange(grid);
  if (!(baseScanRange > 0)) throw new VolatilityError(`grid "${grid.name}": has no full-weight spot move to scale`);
  const spotMoveScale = new Float64Array(input.spot.length).fill(1);
  const underlyings: DynamicMarginResult['underlyings'] = [];
  const warnings: string[] = [];
  const seen = new Set<number>();
  histories.forEach((h, i) => {
    if (!(Number.isInteger(h.underlying) && h.underlying >= 0 && h.underlying < input.spot.length)) {
      throw new VolatilityError(`history ${i}: field underlying ${h.underlying} is outside [0, ${input.spot.length})`);
    }
    if (seen.has(h.underlying)) throw new VolatilityError(`history ${i}: underlying ${h.underlying} has a history already`);
    seen.add(h.underlying);
    const forecast = forecastVolatility(h.prices, options.forecast);
    const scanRange = dynamicScanRange(forecast, { ...options.scanRange, baseScanRange });
    spotMoveScale[h.underlying] = scanRange.scale;
    underlyings.push({ underlying: h.underlying, forecast, scanRange });
    for (const w of forecast.warnings) warnings.push(`underlying ${h.underlying}: ${w}`);
    if (scanRange.clamped !== 'none') {
      warnings.push(`contagion/risk/volatility/dynamic-margin: underlying ${h.underlying} scale ${scanRange.rawScale.toFixed(3)} clamped at the ${scanRange.clamped} (${scanRange.scale})`);
    }
  });
  const held = new Set(Array.from(input.positions.option, (o) => input.options.underlying[o]!));
  for (const u of held) {
    if (!seen.has(u)) warnings.push(`contagion/risk/volatility/dynamic-margin: underlying ${u} has no price history; its scan range stays at the grid's ${baseScanRange}`);
  }
  const margin = portfolioMargin(input, grid, { ...options.margin, spotMoveScale });
  return { margin, underlyings, spotMoveScale, baseScanRange, warnings: [...warnings, ...margin.warnings] };
}
