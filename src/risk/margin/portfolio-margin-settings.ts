/**
 * Settings of portfolio-margin.ts: the caller's options, their DEFAULTS (Derive PMRM's mainnet
 * values, derive-pmrm-grid.ts) and their checks.
 */
import { checkCrossUnderlyingRule, type CrossUnderlyingRule } from './cross-underlying.js';
import { DERIVE_PMRM } from './derive-pmrm-grid.js';
import { MarginError } from './errors.js';
import type { OptionPricer } from './pricer.js';
import { resolveOptions } from './resolve-options.js';
import type { MarginScratch } from './scratch.js';

export interface PortfolioMarginOptions {
  /** Defaults to the pricing engine's BSM (bsm-pricer.ts). */
  pricer?: OptionPricer;
  /** IM = imFactor × MM (Derive imFactor 1.25). */
  imFactor?: number;
  /** Contingency per unit of net short option, fraction of spot (Derive optionPercent 0.02). */
  optionContingencyRate?: number;
  /** Contingency per unit of |linear quantity|, fraction of spot (Derive basePercent / perpPercent 0.03). */
  linearContingencyRate?: number;
  /** `per-option`: shorts netted against longs of the same option first (Derive nets per strike); `gross`: every short position row. */
  contingencyNetting?: 'per-option' | 'gross';
  crossUnderlying?: CrossUnderlyingRule;
  /** Rate and carry yield passed to the pricer (Derive prices with discount 1: both 0). */
  rate?: number;
  carry?: number;
  /** Floor on a shocked vol (an engineering guard; PMRMLib floors at 0). */
  minVol?: number;
  /**
   * Per underlying (asset index), a factor on every spot move of the grid: the scenario spot is
   * spot × (1 + (m − 1)·scale). Dynamic margin (src/risk/volatility) sets it from forecast vol.
   */
  spotMoveScale?: Float64Array;
  /** Reuse buffers across calls. */
  scratch?: MarginScratch;
}

export type PortfolioMarginSettings = Required<Omit<PortfolioMarginOptions, 'pricer' | 'scratch' | 'spotMoveScale'>>;

export const PORTFOLIO_MARGIN_DEFAULTS: Readonly<PortfolioMarginSettings> = {
  imFactor: DERIVE_PMRM.imFactor,
  optionContingencyRate: DERIVE_PMRM.optionContingencyRate,
  linearContingencyRate: DERIVE_PMRM.baseContingencyRate,
  contingencyNetting: 'per-option',
  crossUnderlying: { kind: 'none' },
  rate: 0,
  carry: 0,
  minVol: 1e-4,
};

/** DEFAULTS resolved against `options`, checked. */
export function resolvePortfolioMarginSettings(options: Partial<PortfolioMarginSettings>): PortfolioMarginSettings {
  const settings = resolveOptions<PortfolioMarginSettings>(PORTFOLIO_MARGIN_DEFAULTS, options);
  for (const field of ['imFactor', 'optionContingencyRate', 'linearContingencyRate', 'minVol'] as const) {
    if (!(Number.isFinite(settings[field]) && settings[field] >= 0)) throw new MarginError(`options: ${field} must be finite and ≥ 0, got ${settings[field]}`);
  }
  for (const field of ['rate', 'carry'] as const) {
    if (!Number.isFinite(settings[field])) throw new MarginError(`options: ${field} must be finite, got ${settings[field]}`);
  }
  if (settings.contingencyNetting !== 'per-option' && settings.contingencyNetting !== 'gross') {
    throw new MarginError(`options: contingencyNetting must be 'per-option' or 'gross', got ${JSON.stringify(settings.contingencyNetting)}`);
  }
  checkCrossUnderlyingRule(settings.crossUnderlying);
  return settings;
}

/** `null` when absent; otherwise one finite factor ≥ 0 per underlying. */
export function checkSpotMoveScale(scale: Float64Array | undefined, underlyings: number): Float64Array | null {
  if (scale === undefined) return null;
  if (scale.length !== underlyings) throw new MarginError(`options: spotMoveScale has ${scale.length} rows, spot has ${underlyings}`);
  scale.forEach((x, u) => {
    if (!(Number.isFinite(x) && x >= 0)) throw new MarginError(`options: spotMoveScale ${u} must be finite and ≥ 0, got ${x}`);
  });
  return scale;
}
