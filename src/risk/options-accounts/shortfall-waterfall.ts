/**
 * Who bears the shortfall of closed-out accounts, in integer cents (cents.ts) so that the parts
 * reconcile exactly:
 *
 *   1. the venue's insurance fund absorbs what it can (Derive: the Security Module; Deribit: the
 *      insurance fund);
 *   2. the rest is socialised pro rata across profitable accounts, up to what each has
 *      (Deribit: "socialised among that day's winners"; Derive `CashAsset.socializeLoss` dilutes
 *      every cash holder pro rata). The base is a caller's column, labelled by `basis`:
 *      `positive-pnl` (Deribit: each account's positive P&L) or `positive-equity` (Derive:
 *      cash / equity). Accounts in shortfall are never charged;
 *   3. what neither covers is bad debt, reported, never hidden.
 *
 *   shortfall = insurance absorbed + socialised + bad debt      (to the cent, checked)
 *
 * Per shortfall account, the three parts are attributed pro rata to its shortfall (largest
 * remainder, pro-rata.ts), so each account's row adds up as well; per profitable account, its
 * socialised loss. A real fund pays in the order auctions finish; pro rata is the order-free
 * choice for a one-shot stress result.
 */
import { resolveOptions } from '../margin/index.js';
import { addCents, toCents } from './cents.js';
import { OptionsAccountError } from './errors.js';
import { splitProRata } from './pro-rata.js';

export interface WaterfallInput {
  /** USD per account, ≥ 0 (close-out.ts `shortfall`). */
  shortfallUsd: Float64Array;
  insuranceFundUsd: number;
  /** USD per account; only the positive part counts (P&L or equity, see `basis`). */
  socialisationBaseUsd: Float64Array;
}

export interface WaterfallOptions {
  basis?: 'positive-pnl' | 'positive-equity';
}

export const WATERFALL_DEFAULTS: Readonly<Required<WaterfallOptions>> = {
  /** Deribit's rule: losses go to the winners, in proportion to their profit. */
  basis: 'positive-pnl',
};

export interface WaterfallResult {
  basis: 'positive-pnl' | 'positive-equity';
  shortfallCents: number;
  insuranceAbsorbedCents: number;
  socialisedCents: number;
  badDebtCents: number;
  insuranceFundRemainingCents: number;
  /** Per account, whole cents (Float64Array holding safe integers). */
  accountShortfallCents: Float64Array;
  accountInsuranceCents: Float64Array;
  accountSocialisedCoverCents: Float64Array;
  accountBadDebtCents: Float64Array;
  /** Loss charged to each profitable account. */
  socialisedLossCents: Float64Array;
  warnings: string[];
}

export function shortfallWaterfall(input: WaterfallInput, options: WaterfallOptions = {}): WaterfallResult {
  const { basis } = resolveOptions<Required<WaterfallOptions>>(WATERFALL_DEFAULTS, options);
  if (basis !== 'positive-pnl' && basis !== 'positive-equity') throw new OptionsAccountError(`options: basis must be 'positive-pnl' or 'positive-equity', got ${JSON.stringify(basis)}`);
  const A = input.shortfallUsd.length;
  if (input.socialisationBaseUsd.length !== A) throw new OptionsAccountError(`input: socialisationBaseUsd has ${input.socialisationBaseUsd.length} rows, shortfallUsd ${A}`);
  const fund = toCents(input.insuranceFundUsd, 'insuranceFundUsd');
  if (fund < 0) throw new OptionsAccountError(`insuranceFundUsd: must be ≥ 0, got ${input.insuranceFundUsd}`);
  const shortfall = new Float64Array(A);
  const base = new Float64Array(A);
  let S = 0;
  let B = 0;
  for (let a = 0; a < A; a++) {
    const s = toCents(input.shortfallUsd[a]!, `account ${a}: field shortfallUsd`);
    if (s < 0) throw new OptionsAccountError(`account ${a}: field shortfallUsd must be ≥ 0, got ${input.shortfallUsd[a]}`);
    shortfall[a] = s;
    S = addCents(S, s, 'total shortfall');
    if (s === 0) {
      const b = Math.max(0, toCents(input.socialisationBaseUsd[a]!, `account ${a}: field socialisationBaseUsd`));
      base[a] = b;
      B = addCents(B, b, 'total socialisation base');
    }
  }
  const insurance = Math.min(fund, S);
  const remaining = S - insurance;
  const socialised = Math.min(remaining, B);
  const badDebt = remaining - socialised;
  const accountInsurance = splitProRata(insurance, shortfall, 'insurance attribution');
  const left = Float64Array.from(shortfall, (s, a) => s - accountInsurance[a]!);
  const accountSocialised = splitProRata(socialised, left, 'socialisation attribution');
  const accountBadDebt = Float64Array.from(left, (l, a) => l - accountSocialised[a]!);
  const socialisedLoss = splitProRata(socialised, base, 'socialised loss');
  const sum = (x: Float64Array) => x.reduce((t, v) => addCents(t, v, 'reconciliation'), 0);
  if (
    insurance + socialised + badDebt !== S || sum(accountInsurance) !== insurance || sum(accountSocialised) !== socialised
    || sum(accountBadDebt) !== badDebt || sum(socialisedLoss) !== socialised || socialisedLoss.some((x, a) => x > base[a]!)
  ) {
    throw new OptionsAccountError('shortfall waterfall: parts do not reconcile to the cent');
  }
  const warnings: string[] = [];
  if (S > 0 && insurance === fund) warnings.push(`contagion/risk/options-accounts/waterfall: insurance fund exhausted (${fund} cents); ${remaining} cents passed on`);
  if (badDebt > 0) {
    warnings.push(B === 0
      ? `contagion/risk/options-accounts/waterfall: no profitable accounts to socialise over; ${badDebt} cents remain bad debt`
      : `contagion/risk/options-accounts/waterfall: profitable accounts' ${basis} (${B} cents) covers only part; ${badDebt} cents remain bad debt`);
  }
  return {
    basis, shortfallCents: S, insuranceAbsorbedCents: insurance, socialisedCents: socialised, badDebtCents: badDebt,
    insuranceFundRemainingCents: fund - insurance, accountShortfallCents: shortfall, accountInsuranceCents: accountInsurance,
    accountSocialisedCoverCents: accountSocialised, accountBadDebtCents: accountBadDebt, socialisedLossCents: socialisedLoss, warnings,
  };
}
