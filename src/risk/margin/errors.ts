/**
 * A margin solver was given input it cannot run on: a column of the wrong length, an index out of
 * range, a non-finite or non-positive price, strike, expiry or vol, a malformed scenario grid. The
 * message names the record (option, position, scenario, account) and the field at fault. Problems
 * that do not stop the computation (a shocked vol clamped at its floor, an expired option valued
 * at intrinsic) are warnings in the result instead.
 */
export class MarginError extends Error {
  constructor(message: string) {
    super(message.startsWith('contagion/') ? message : `contagion/risk/margin: ${message}`);
    this.name = 'MarginError';
  }
}

/** Collects warnings once each, counting repeats (the Observable Plot `warn()` habit). */
export class WarningLog {
  private readonly counts = new Map<string, number>();

  warn(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }

  /** Messages in first-seen order; a repeated one carries ` (×n)`. */
  list(): string[] {
    return [...this.counts].map(([message, n]) => (n > 1 ? `${message} (×${n})` : message));
  }
}
