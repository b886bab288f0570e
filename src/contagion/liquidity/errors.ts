/**
 * Errors of the liquidity models. A `LiquidityError` is a `CascadeError` (a solver was given input
 * it cannot run on), its message prefixed with the module path and naming the venue and field.
 */
import { CascadeError } from '../errors.js';

export class LiquidityError extends CascadeError {
  /** `module` is the file's name under contagion/liquidity (e.g. `route-sale`). */
  constructor(module: string, message: string) {
    super(`contagion/liquidity/${module}: ${message}`);
    this.name = 'LiquidityError';
  }
}

/** Throws unless `units` is a finite amount ≥ 0. */
export function checkUnits(module: string, venue: string, units: number): void {
  if (!Number.isFinite(units) || units < 0) throw new LiquidityError(module, `venue ${venue}: units to sell must be a finite amount ≥ 0, got ${units}`);
}

/** Throws unless `value` is finite and > 0. */
export function checkPositive(module: string, venue: string, field: string, value: number): void {
  if (!Number.isFinite(value) || !(value > 0)) throw new LiquidityError(module, `venue ${venue}: ${field} must be a finite number > 0, got ${value}`);
}

/** Throws unless `fraction` lies in [0, 1). */
export function checkFee(module: string, venue: string, fraction: number): void {
  if (!Number.isFinite(fraction) || fraction < 0 || fraction >= 1) throw new LiquidityError(module, `venue ${venue}: fee must be a fraction in [0, 1), got ${fraction}`);
}
