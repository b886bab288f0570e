import type { Scenario } from './scenario.js';
import { ScenarioError } from './load-scenario.js';

/**
 * Checks a scenario against a snapshot's assets. An unknown symbol is an error; a shocked asset
 * whose derivatives (assets naming it as `underlying`) are left unshocked gets a warning, because
 * the reference cascade moves only the prices a scenario names (unless derived pricing is on).
 */
export function checkScenarioAgainstAssets(
  scenario: Scenario,
  assets: { symbol: readonly string[]; underlying: readonly (string | null)[] },
  derivedPricing = false,
): string[] {
  const known = new Set(assets.symbol);
  for (const symbol of Object.keys(scenario.shocks)) {
    if (!known.has(symbol)) {
      throw new ScenarioError(`scenario ${scenario.name}: field "shocks.${symbol}": asset ${JSON.stringify(symbol)} is not in the snapshot (assets: ${assets.symbol.join(', ')})`);
    }
  }
  for (const symbol of Object.keys(scenario.volShocks)) {
    if (!known.has(symbol)) {
      throw new ScenarioError(`scenario ${scenario.name}: field "volShocks.${symbol}": asset ${JSON.stringify(symbol)} is not in the snapshot`);
    }
  }
  for (const symbol of Object.keys(scenario.pegs ?? {})) {
    if (!known.has(symbol)) throw new ScenarioError(`scenario ${scenario.name}: field "pegs.${symbol}": asset ${JSON.stringify(symbol)} is not in the snapshot`);
  }
  const warnings: string[] = [];
  // With derived pricing, unshocked derivatives follow their underlying (src/contagion/derived-assets.ts).
  if (derivedPricing) return warnings;
  for (const symbol of Object.keys(scenario.shocks)) {
    const unshocked = assets.symbol.filter((s, i) => assets.underlying[i] === symbol && !(s in scenario.shocks));
    if (unshocked.length > 0) {
      warnings.push(`contagion/scenarios: scenario ${scenario.name} shocks ${symbol} but not ${unshocked.join(', ')}, whose underlying it is; they keep their price`);
    }
  }
  return warnings;
}
