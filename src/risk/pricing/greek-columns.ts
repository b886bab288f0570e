/**
 * Vectorised Black–Scholes–Merton and Black-76: price and Greeks of many European options held
 * as typed columns, written into preallocated output columns. Same formulas, units and
 * degenerate cases as the scalar pricers, which run through the same row loop (black-kernel.ts),
 * so the results are bit for bit theirs; Black & Scholes (1973), Merton (1973), Black (1976).
 *
 * Every row is checked first (a `PricingError` names the row and field, and nothing is written);
 * the pricing loop then allocates nothing: pass the same output columns on every call
 * (`allocateGreekColumns(n)`) to keep a revaluation loop free of garbage.
 *
 *   const out = allocateGreekColumns(n);
 *   bsmColumns({ spot, strike, expiry, vol, rate, dividendYield, isCall }, out);
 *   out.delta[i]  // ∂V/∂S of row i
 */
import { black76Rho } from './black-76.js';
import { bsmRows } from './black-kernel.js';
import { checkColumnLengths, checkOptionRow } from './check-inputs.js';
import { allocateGreekColumns, type Black76Columns, type BsmColumns, type GreekColumns } from './option-types.js';

/**
 * Prices every row of `input` with BSM into `out` (allocated when omitted) and returns `out`.
 * Throws a `PricingError` naming the column or the row and field of the first bad input.
 */
export function bsmColumns(input: BsmColumns, out: GreekColumns = allocateGreekColumns(input.spot.length)): GreekColumns {
  const { spot, strike, expiry, vol, rate, dividendYield, isCall } = input;
  const n = checkColumnLengths('bsm columns', { spot, strike, expiry, vol, rate, dividendYield, isCall }, { ...out });
  for (let i = 0; i < n; i++) {
    checkOptionRow('bsm columns', i, 'spot', spot[i]!, strike[i]!, expiry[i]!, vol[i]!, rate[i]!, dividendYield[i]!);
  }
  bsmRows(input, out, n);
  return out;
}

/**
 * Prices every row of `input` with Black-76 into `out` (allocated when omitted) and returns `out`.
 * Throws a `PricingError` naming the column or the row and field of the first bad input.
 */
export function black76Columns(input: Black76Columns, out: GreekColumns = allocateGreekColumns(input.forward.length)): GreekColumns {
  const { forward, strike, expiry, vol, rate, isCall } = input;
  const n = checkColumnLengths('black76 columns', { forward, strike, expiry, vol, rate, isCall }, { ...out });
  for (let i = 0; i < n; i++) {
    checkOptionRow('black76 columns', i, 'forward', forward[i]!, strike[i]!, expiry[i]!, vol[i]!, rate[i]!, 0);
  }
  // Black-76 is BSM with S = F and q = r; then rho at fixed F is −T·V.
  bsmRows({ spot: forward, strike, expiry, vol, rate, dividendYield: rate, isCall }, out, n);
  for (let i = 0; i < n; i++) out.rho[i] = black76Rho(expiry[i]!, out.price[i]!);
  return out;
}
