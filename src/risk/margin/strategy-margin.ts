/**
 * Strategy-based margin: each position on its own, no offsets — what early options protocols and
 * brokers' customer accounts used before portfolio margin.
 *
 * - `reg-t` (Cboe Rule 10.3; Cboe "Margin Manual", April 2000, "Short Put or Short Call"): a short
 *   uncovered option needs 100% of the option's proceeds (its mark) plus
 *   max(baseRate × underlying value − out-of-the-money amount, minRate × underlying value) for a
 *   call or max(…, minRate × strike value) for a put; baseRate 20% for equity options (15% for
 *   broad-based index options), minRate 10%. A long option of ≤ 9 months is paid in full (no loan
 *   value); a longer one may be margined at 75% of its market value (Cboe, "Strategy-based Margin").
 * - `fully-collateralised` (Opyn v1 oTokens; Opyn Gamma `contracts/core/MarginCalculator.sol`,
 *   naked case): a short call is backed by one unit of the underlying, a short put by the strike in
 *   the strike asset; longs are not collateral.
 *
 * Two figures per account: `ruleRequirement`, the collateral as the rule states it (premium
 * included), and `requirement`, the same rule in the convention of portfolio-margin.ts — equity an
 * account must hold when equity already counts its options at mark (options-accounts): the short's
 * mark is netted out (requirement = ruleRequirement − |q| × mark for shorts) and a long's mark is
 * added back (it has no or partial loan value).
 */
import { MarginError, WarningLog } from './errors.js';
import { checkMarginPortfolio, type MarginPortfolio } from './portfolio-columns.js';
import { resolveOptions } from './resolve-options.js';

export interface StrategyMarginOptions {
  mode?: 'reg-t' | 'fully-collateralised';
  /** Reg T: share of the underlying value (0.20 equity options; 0.15 broad-based index options). */
  baseRate?: number;
  /** Reg T: minimum share of the underlying value (calls) or strike value (puts). */
  minRate?: number;
  /** Reg T: longs with more than this many years to expiry keep `longLoanValue` of their mark. */
  longMarginableYears?: number;
  longLoanValue?: number;
}

export const STRATEGY_MARGIN_DEFAULTS: Readonly<Required<StrategyMarginOptions>> = {
  mode: 'reg-t',
  baseRate: 0.2, // Cboe Rule 10.3: 20% of underlying value (equity options)
  minRate: 0.1, // Cboe Rule 10.3: minimum 10% of underlying value (calls) / of strike value (puts)
  longMarginableYears: 0.75, // Cboe: longs with more than 9 months to expiry are marginable
  longLoanValue: 0.25, // Cboe: 75% of market value required, so 25% loan value
};

export interface StrategyMarginResult {
  requirement: Float64Array;
  ruleRequirement: Float64Array;
  /** Per position row, in the `requirement` convention. */
  positionRequirement: Float64Array;
  parameters: Required<StrategyMarginOptions>;
  warnings: string[];
}

/** `mark` per option (USD per unit): the venue's mark or the model value. */
export function strategyMargin(input: MarginPortfolio, mark: Float64Array, options?: StrategyMarginOptions): StrategyMarginResult {
  const settings = resolveOptions<Required<StrategyMarginOptions>>(STRATEGY_MARGIN_DEFAULTS, options);
  if (settings.mode !== 'reg-t' && settings.mode !== 'fully-collateralised') throw new MarginError(`options: unknown mode ${JSON.stringify(settings.mode)}`);
  const referenced = checkMarginPortfolio(input);
  if (mark.length !== referenced.length) throw new MarginError(`input: mark has ${mark.length} rows, options have ${referenced.length}`);
  const warnings = new WarningLog();
  const { account, option, size } = input.positions;
  const { underlying, isCall, strike, years } = input.options;
  const result: StrategyMarginResult = {
    requirement: new Float64Array(input.accountCount),
    ruleRequirement: new Float64Array(input.accountCount),
    positionRequirement: new Float64Array(account.length),
    parameters: settings,
    warnings: [],
  };
  for (let p = 0; p < account.length; p++) {
    const o = option[p]!;
    const q = size[p]!;
    const m = mark[o]!;
    if (!(Number.isFinite(m) && m >= 0)) throw new MarginError(`option ${o}: field mark must be finite and ≥ 0 (position ${p} holds it), got ${m}`);
    const s = input.spot[underlying[o]!]!;
    const k = strike[o]!;
    const call = isCall[o] === 1;
    let rule: number;
    let equityConvention: number;
    if (q >= 0) {
      const loanValue = settings.mode === 'reg-t' && years[o]! > settings.longMarginableYears ? settings.longLoanValue : 0;
      rule = q * m * (1 - loanValue);
      equityConvention = rule;
    } else if (settings.mode === 'reg-t') {
      const otm = call ? Math.max(k - s, 0) : Math.max(s - k, 0);
      const charge = Math.max(settings.baseRate * s - otm, settings.minRate * (call ? s : k));
      rule = -q * (m + charge);
      equityConvention = -q * charge;
    } else {
      rule = -q * (call ? s : k);
      equityConvention = rule + q * m;
    }
    result.positionRequirement[p] = equityConvention;
    result.requirement[account[p]!]! += equityConvention;
    result.ruleRequirement[account[p]!]! += rule;
  }
  result.warnings = warnings.list();
  return result;
}
