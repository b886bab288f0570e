/**
 * Liquidation terms the lending subgraphs do not carry: how much of an account's debt one
 * liquidation may repay (close factor) and below which health factor all of it may go
 * (full-close threshold), per protocol family, each read from the protocol's own code. A source's
 * config (`closeFactor`, `fullCloseBelowHf`, `isolation`) always wins; a protocol of no known family
 * with no config values is an error, never a silent default.
 */
import type { IsolationMode } from '../../model/ecosystem.js';
import { IndexerError } from '../errors.js';
import type { ResolvedSource } from '../source-family.js';

export type LendingFamily = 'aave-v2' | 'aave-v3' | 'compound-v2' | 'compound-v3' | 'morpho-blue' | 'liquity' | 'makerdao';

export interface LiquidationTerms {
  closeFactor: number;
  fullCloseBelowHf: number | null;
  /** Where the figures came from: a family name, or "config". */
  basis: string;
}

const FAMILY_TERMS: Record<LendingFamily, { closeFactor: number; fullCloseBelowHf: number | null }> = {
  // aave/protocol-v2 contracts/protocol/lendingpool/LendingPoolCollateralManager.sol
  // @ ce53c4a8c8620125063168620eba0a8a92854eb8: LIQUIDATION_CLOSE_FACTOR_PERCENT = 5000, no HF threshold.
  'aave-v2': { closeFactor: 0.5, fullCloseBelowHf: null },
  // aave/aave-v3-core contracts/protocol/libraries/logic/LiquidationLogic.sol
  // @ 782f51917056a53a2c228701058a6c3fb233684a: DEFAULT_LIQUIDATION_CLOSE_FACTOR = 0.5e4,
  // MAX_LIQUIDATION_CLOSE_FACTOR = 1e4 when HF <= CLOSE_FACTOR_HF_THRESHOLD = 0.95e18. Same constants in
  // sparkdotfi/sparklend-v1-core (same path) @ 077cc8c208dfad3a9d6e2766740daf81da6387b4. Aave v3.3
  // (aave-dao/aave-v3-origin src/contracts/protocol/libraries/logic/LiquidationLogic.sol
  // @ 027aaed77f89f3d7453764bd94159b5693450169) keeps 0.5 / 0.95 and also closes 100% when the reserve's
  // collateral or debt is below MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = $2,000; the table has no column for that.
  'aave-v3': { closeFactor: 0.5, fullCloseBelowHf: 0.95 },
  // Comptroller.closeFactorMantissa, bounded to [0.05, 0.9] in compound-finance/compound-protocol
  // contracts/Comptroller.sol @ a3214f67b73310d547e00fc578e8355911c9d376 and set by governance. 0.5 on
  // Compound's mainnet Comptroller per https://academy.zealynx.io/blog/compound-v2-close-factor-50-pct and
  // https://docs.exact.ly/guides/features/dynamic-close-factor (secondary sources; not read from chain).
  // Forks set their own value, so only Compound itself is mapped here.
  'compound-v2': { closeFactor: 0.5, fullCloseBelowHf: null },
  // compound-finance/comet contracts/Comet.sol @ d5a30b0aaeff7755f1431e87f818990902237b03, absorbInternal():
  // every collateral balance of the account is zeroed and its whole debt written off.
  'compound-v3': { closeFactor: 1, fullCloseBelowHf: null },
  // morpho-org/morpho-blue src/Morpho.sol @ 3085651a79553bbabbfd8be309c262dab45b686e, liquidate(): the
  // liquidator chooses seizedAssets or repaidShares freely, up to the whole position.
  'morpho-blue': { closeFactor: 1, fullCloseBelowHf: null },
  // liquity/dev packages/contracts/contracts/TroveManager.sol @ 39f1f7f881de23200c296a892b891a6e2fc6e98f,
  // _liquidateNormalMode(): entireTroveDebt is offset or redistributed and the trove closed.
  liquity: { closeFactor: 1, fullCloseBelowHf: null },
  // makerdao/dss src/dog.sol @ fa4f6630afb0624d04a003e920b0d71a00331d98, bark(): the whole vault goes to
  // auction, less only when the Hole/hole room is short (partial bark), which a snapshot cannot know.
  makerdao: { closeFactor: 1, fullCloseBelowHf: null },
};

/**
 * Messari protocol slugs (LendingProtocol.slug, as set in messari/subgraphs @ 2711ac91e) and Aave's own
 * subgraph by family. The Aave v2/v3 forks are the ones Messari builds from its aave-forks code base;
 * they deploy Aave's liquidation code unchanged (checked for Spark above, assumed for the others).
 */
const SLUG_FAMILY: Record<string, LendingFamily> = {
  'aave-v2': 'aave-v2', 'aave-amm': 'aave-v2', 'aave-arc': 'aave-v2', 'aave-rwa': 'aave-v2',
  'geist-finance': 'aave-v2', 'radiant-capital': 'aave-v2', 'radiant-capital-v2': 'aave-v2', 'uwu-lend': 'aave-v2',
  'aave-v3': 'aave-v3', 'spark-lend': 'aave-v3', zerolend: 'aave-v3', 'seamless-protocol': 'aave-v3',
  'kinza-finance': 'aave-v3', 'pac-finance': 'aave-v3', seismic: 'aave-v3', 'superlend-v3': 'aave-v3',
  'compound-v2': 'compound-v2',
  'compound-v3': 'compound-v3',
  'morpho-blue': 'morpho-blue',
  liquity: 'liquity',
  makerdao: 'makerdao',
};

/** Families whose risk is kept per account and market (one Comet, one Morpho market), not per account. */
const ISOLATED: ReadonlySet<LendingFamily> = new Set(['compound-v3', 'morpho-blue']);

export const lendingFamilyOf = (protocolSlug: string): LendingFamily | null => SLUG_FAMILY[protocolSlug.toLowerCase()] ?? null;

/** Close factor and full-close threshold for a protocol: the source's config first, then its family. */
export function liquidationTermsFor(protocolSlug: string, source: ResolvedSource): LiquidationTerms {
  const { config } = source;
  const family = lendingFamilyOf(protocolSlug);
  const known = family === null ? null : FAMILY_TERMS[family];
  if (config.closeFactor !== undefined) {
    const fullCloseBelowHf = config.fullCloseBelowHf !== undefined ? config.fullCloseBelowHf : (known?.fullCloseBelowHf ?? null);
    return { closeFactor: config.closeFactor, fullCloseBelowHf, basis: 'config' };
  }
  if (known === null) {
    throw new IndexerError(
      `protocol ${JSON.stringify(protocolSlug)} is of no lending family with known liquidation terms; set "closeFactor" (and "fullCloseBelowHf", or null if it has none) in the source's config`,
      { source: config.name },
    );
  }
  const fullCloseBelowHf = config.fullCloseBelowHf !== undefined ? config.fullCloseBelowHf : known.fullCloseBelowHf;
  return { closeFactor: known.closeFactor, fullCloseBelowHf, basis: config.fullCloseBelowHf !== undefined ? `${family} + config` : family! };
}

/** Pooled (one health factor per account) unless the config says otherwise or the family is isolated. */
export function isolationFor(protocolSlug: string, source: ResolvedSource): IsolationMode {
  if (source.config.isolation !== undefined) return source.config.isolation;
  const family = lendingFamilyOf(protocolSlug);
  return family !== null && ISOLATED.has(family) ? 'market' : 'pooled';
}
