/**
 * European option pricing for the risk engine: pure functions over records and typed columns.
 *
 *   normal.ts                  Φ and φ (Cody 1969)
 *   black-kernel.ts            the one BSM evaluation (price + Greeks) everything goes through
 *   black-scholes-merton.ts    bsm(option)               ┐ scalar, typed result
 *   black-76.ts                black76(option)           ┘
 *   greek-columns.ts           bsmColumns / black76Columns: Float64Array in, preallocated out
 *   merton-jump-diffusion.ts   Merton (1976) jump-diffusion, Poisson sum of BSM terms
 *   merton-jump-share.ts       the same from (total vol V, jump share G, intensity L)
 *   implied-vol*.ts            implied vol, scalar and columnar, tagged failures
 *
 * Units (option-types.ts): T in years; σ, r, q decimals per year; vega and rho per 1.00 of vol and
 * rate; theta per year of calendar time. Bad inputs throw `PricingError` naming the field;
 * prices that imply no vol, and truncated jump sums, come back tagged in the result.
 */
export { PricingError } from './errors.js';
export { normCdf, normPdf } from './normal.js';
export {
  allocateGreekColumns,
  type Black76Columns,
  type Black76Option,
  type BsmColumns,
  type BsmOption,
  type GreekColumns,
  type OptionGreeks,
} from './option-types.js';
export { bsm, bsmPrice } from './black-scholes-merton.js';
export { black76, black76Price } from './black-76.js';
export { bsmColumns, black76Columns } from './greek-columns.js';
export {
  MERTON_DEFAULTS,
  mertonJumpDiffusion,
  type MertonJumpOption,
  type MertonOptions,
  type MertonResult,
} from './merton-jump-diffusion.js';
export {
  JUMP_SHARE_DEFAULTS,
  jumpShareParameters,
  mertonJumpShare,
  type JumpCentring,
  type JumpShareOption,
  type JumpShareOptions,
  type MertonParameters,
} from './merton-jump-share.js';
export { IMPLIED_VOL_DEFAULTS, IMPLIED_VOL_STATUS, type ImpliedVolOptions, type ImpliedVolStatus } from './implied-vol-core.js';
export {
  impliedVolBlack76,
  impliedVolBsm,
  type Black76Quote,
  type BsmQuote,
  type ImpliedVolFailureReason,
  type ImpliedVolResult,
} from './implied-vol.js';
export {
  allocateImpliedVolColumns,
  impliedVolColumns,
  type ImpliedVolColumns,
  type ImpliedVolSummary,
  type QuoteColumns,
} from './implied-vol-columns.js';
