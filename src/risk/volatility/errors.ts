/**
 * A volatility model was given input it cannot use: a non-positive or non-finite price, too short a
 * history, a parameter out of range. The message names the record (price index, option) and field.
 * A fit that stops without converging is not an error: it is reported in the result's
 * `convergence` and `warnings`.
 */
export class VolatilityError extends Error {
  constructor(message: string) {
    super(message.startsWith('contagion/') ? message : `contagion/risk/volatility: ${message}`);
    this.name = 'VolatilityError';
  }
}
