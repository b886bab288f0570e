/**
 * A volatility surface was asked to build from, or evaluate at, input it cannot use: a missing or
 * non-positive forward, a malformed option, a non-positive query expiry. The message names the
 * record and the field at fault. Bad market quotes are not errors: they are dropped and reported
 * as warnings in the surface (see `vol-surface-warnings.ts`).
 */
export class VolSurfaceError extends Error {
  constructor(message: string) {
    super(message.startsWith('contagion/') ? message : `contagion/risk/vol-surface: ${message}`);
    this.name = 'VolSurfaceError';
  }
}
