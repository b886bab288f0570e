/**
 * An option pricer or implied-volatility solver was handed an input it cannot price: a negative
 * volatility or expiry, a non-positive spot or strike, a NaN, or columns of unequal length. The
 * message is prefixed with the module path and names the record (the option, or the row of a
 * column set) and the field at fault, e.g.
 * `contagion/risk/pricing: bsm option: field "vol" must be a finite number ≥ 0, got -0.2`.
 *
 * Problems that are answers rather than faults (a price with no implied volatility, a jump series
 * cut at its term limit) are never thrown: they come back tagged in the result.
 */
export class PricingError extends Error {
  constructor(message: string) {
    super(message.startsWith('contagion/') ? message : `contagion/risk/pricing: ${message}`);
    this.name = 'PricingError';
  }
}
