/**
 * Vectorised implied volatility: one BSM implied vol per row of typed columns, by the same solver
 * as `impliedVolBsm` (implied-vol-core.ts; normalisation after P. Jäckel, "Let's be rational",
 * Wilmott 2015). Black-76 quotes go through it too: pass the forward as `spot` and set
 * `dividendYield` equal to `rate` (Black-76 is BSM with q = r).
 *
 * Results are written into preallocated columns:
 *   vol[i]        the implied vol, or NaN where none exists (status[i] ≠ 0);
 *   status[i]     the index of the row's status in IMPLIED_VOL_STATUS (0 = 'ok');
 *   iterations[i] solver iterations (optional column).
 * The returned summary counts the rows per status, so callers can report failures without
 * scanning the columns. Bad fields (non-positive spot, negative expiry, NaN price, …) throw a
 * `PricingError` naming the row and field before anything is written.
 */
import { checkColumnLengths, checkOptionRow, requireFinite } from './check-inputs.js';
import {
  IMPLIED_VOL_STATUS,
  impliedVolCore,
  resolveImpliedVolSettings,
  type ImpliedVolOptions,
  type ImpliedVolStatus,
  type ImpliedVolWork,
} from './implied-vol-core.js';

/** Observed prices and the option terms, one row per option; `isCall` is 1 for a call, 0 for a put. */
export interface QuoteColumns {
  price: Float64Array;
  spot: Float64Array;
  strike: Float64Array;
  expiry: Float64Array;
  rate: Float64Array;
  dividendYield: Float64Array;
  isCall: Uint8Array;
}

export interface ImpliedVolColumns {
  vol: Float64Array;
  status: Uint8Array;
  iterations?: Uint16Array;
}

export interface ImpliedVolSummary {
  solved: number;
  failed: number;
  /** Rows per status, every status present (0 where none). */
  byStatus: Record<ImpliedVolStatus, number>;
}

const work: ImpliedVolWork = { vol: NaN, iterations: 0, intrinsic: 0, upperBound: 0 };

/** Allocates the output columns for `n` rows (reuse them across calls). */
export function allocateImpliedVolColumns(n: number, withIterations = false): ImpliedVolColumns {
  const columns: ImpliedVolColumns = { vol: new Float64Array(n), status: new Uint8Array(n) };
  if (withIterations) columns.iterations = new Uint16Array(n);
  return columns;
}

/** Implied vol of every row of `quotes` into `out` (allocated when omitted); see the banner. */
export function impliedVolColumns(
  quotes: QuoteColumns,
  out: ImpliedVolColumns = allocateImpliedVolColumns(quotes.price.length),
  options: ImpliedVolOptions = {},
): { out: ImpliedVolColumns; summary: ImpliedVolSummary } {
  const settings = resolveImpliedVolSettings(options);
  const { price, spot, strike, expiry, rate, dividendYield, isCall } = quotes;
  const record = 'implied-vol columns';
  const outputs: Record<string, ArrayLike<number>> = { vol: out.vol, status: out.status };
  if (out.iterations) outputs.iterations = out.iterations;
  const n = checkColumnLengths(record, { price, spot, strike, expiry, rate, dividendYield, isCall }, outputs);
  for (let i = 0; i < n; i++) {
    checkOptionRow(record, i, 'spot', spot[i]!, strike[i]!, expiry[i]!, 0, rate[i]!, dividendYield[i]!);
    requireFinite(price[i]!, `${record} row ${i}`, 'price');
  }
  const counts = new Array<number>(IMPLIED_VOL_STATUS.length).fill(0);
  for (let i = 0; i < n; i++) {
    const T = expiry[i]!;
    const A = spot[i]! * Math.exp(-dividendYield[i]! * T);
    const B = strike[i]! * Math.exp(-rate[i]! * T);
    const status = impliedVolCore(price[i]!, A, B, T, isCall[i] !== 0, settings, work);
    out.vol[i] = work.vol;
    out.status[i] = status;
    if (out.iterations) out.iterations[i] = work.iterations;
    counts[status]!++;
  }
  const byStatus = Object.fromEntries(IMPLIED_VOL_STATUS.map((name, code) => [name, counts[code]!])) as Record<ImpliedVolStatus, number>;
  return { out, summary: { solved: byStatus.ok, failed: n - byStatus.ok, byStatus } };
}
