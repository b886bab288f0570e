import { LP_MODELS, type LpComponentSpec, type LpModel } from '../model/ecosystem.js';
import { StoreError } from './errors.js';

/**
 * The stored form of an LP token's components (`assets.lp_components`, schema 4): a JSON array of
 * `{"symbol": "WETH", "units": 0.5}`, one object per component in the order given, the model in
 * its own column `lp_model`. Pure converters; the writer and the loader are their only users.
 */
export function lpComponentsJson(spec: LpComponentSpec): string {
  return JSON.stringify(spec.symbol.map((symbol, k) => ({ symbol, units: spec.units[k] })));
}

/** Reads one asset's stored components back; `null` when the asset has none. */
export function lpComponentsFromStore(asset: string, json: string | null, model: string | null): LpComponentSpec | null {
  if (json === null && model === null) return null;
  const fail = (problem: string): never => {
    throw new StoreError(`asset ${asset}: lp_components ${problem}`);
  };
  if (json === null || model === null) return fail('and lp_model must be stored together');
  if (!(LP_MODELS as readonly string[]).includes(model)) return fail(`has unknown lp_model ${JSON.stringify(model)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return fail(`is not valid JSON: ${json}`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return fail(`must be a non-empty JSON array, got ${json}`);
  const symbol: string[] = [];
  const units: number[] = [];
  for (const item of parsed as unknown[]) {
    const { symbol: s, units: u } = (item ?? {}) as { symbol?: unknown; units?: unknown };
    if (typeof s !== 'string' || typeof u !== 'number') return fail(`entries must be {"symbol": text, "units": number}, got ${JSON.stringify(item)}`);
    symbol.push(s);
    units.push(u);
  }
  return { symbol, units, model: model as LpModel };
}
