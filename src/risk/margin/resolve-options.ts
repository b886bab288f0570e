/**
 * `DEFAULTS` resolved against a caller's options (the graphology habit): a key the caller leaves
 * out, or sets to `undefined`, takes the default.
 */
export function resolveOptions<T extends object>(defaults: Readonly<T>, options: Partial<T> | undefined): T {
  const resolved = { ...defaults } as T;
  if (options === undefined) return resolved;
  for (const key of Object.keys(options) as (keyof T)[]) {
    const value = options[key];
    if (value !== undefined) resolved[key] = value as T[keyof T];
  }
  return resolved;
}
