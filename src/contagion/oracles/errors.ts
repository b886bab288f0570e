/**
 * An oracle model was given input it cannot run on: a parameter out of range, a column of the wrong
 * length, a non-positive or non-finite price, time running backwards. The message is prefixed with
 * the module path (`contagion/contagion/oracles/<file>`) and names the record and field at fault.
 * Problems that do not stop the computation are warnings in the result instead.
 *
 * A subclass of `CascadeError`, so a caller that catches the solvers' errors catches these too.
 */
import { CascadeError } from '../errors.js';

export class OracleError extends CascadeError {
  constructor(file: string, message: string) {
    super(`contagion/contagion/oracles/${file}: ${message}`);
    this.name = 'OracleError';
  }
}

/** Throws unless `value` is finite and > 0. */
export function requirePositive(file: string, what: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new OracleError(file, `${what} must be a finite number > 0, got ${value}`);
}

/** Throws unless `value` is finite and ≥ 0. */
export function requireNonNegative(file: string, what: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new OracleError(file, `${what} must be a finite number ≥ 0, got ${value}`);
}
