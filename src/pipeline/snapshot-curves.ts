/**
 * A snapshot's depth curves for `liquidity: 'curves'`, built once per snapshot and shared by every
 * scenario run on it (venues are immutable; each cascade's `CurveImpact` moves its own copies).
 *
 * Constant-product rows are merged into one pool per asset (`mergeConstantProduct`): at the one
 * price arbitrage gives them at the start of a cascade, an optimal router splits a sale between
 * them as the pool of their summed reserves sells (prepare-cascade.ts), so merging changes no
 * number and spares the router a bisection per sale. Rows without the detail their model needs
 * (no `liquidityDetails` at all, as for a snapshot held only in memory) are read from their
 * constant-product-equivalent reserves, with one warning per reason.
 */
import { liquidityCurves, venueDetails, type DetailSource, type LiquidityCurves } from '../contagion/liquidity/index.js';
import type { EcosystemSnapshot } from '../model/ecosystem.js';

export function snapshotCurves(snapshot: Pick<EcosystemSnapshot, 'assets' | 'liquidity'>, liquidityDetails?: readonly DetailSource[]): LiquidityCurves {
  const parsed = liquidityDetails === undefined ? null : venueDetails(liquidityDetails);
  return liquidityCurves(
    { assets: snapshot.assets, liquidity: snapshot.liquidity, ...(parsed === null ? {} : { details: parsed.details, problems: parsed.problems }) },
    { mergeConstantProduct: true },
  );
}
