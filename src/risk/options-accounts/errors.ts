/**
 * An options-account solver was given input it cannot run on (a column of the wrong length, an
 * index out of range, a negative haircut, an amount too large to count in cents exactly), or a
 * reconciliation failed. The message names the record and field at fault.
 */
export class OptionsAccountError extends Error {
  constructor(message: string) {
    super(message.startsWith('contagion/') ? message : `contagion/risk/options-accounts: ${message}`);
    this.name = 'OptionsAccountError';
  }
}
