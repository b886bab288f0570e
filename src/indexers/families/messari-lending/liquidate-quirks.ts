/**
 * Messari implementations whose `Liquidate` departs from the schema's meaning ("market: the market of
 * the collateral being used", "asset: asset repaid", "amount: amount of collateral liquidated in
 * native units"), read from their mappings in messari/subgraphs @ 2711ac91e and found by protocol slug
 * (LendingProtocol.slug):
 *
 *   Compound v2 forks   subgraphs/compound-forks/src/mapping.ts _handleLiquidateBorrow: amount is
 *                       `seizeTokens`, the collateral seized in cTokens (the market's output token)
 *   inverse-finance     subgraphs/inverse-finance/src/common/helpers.ts updateLiquidate: market is the
 *                       cToken repaid, asset the collateral cToken (a market id too), amount in cTokens
 *   burrow-near         subgraphs/burrow/src/handlers/liquidate.ts: market is the market repaid, asset
 *                       the collateral's market, amount the debt repaid (with Burrow's extra decimals)
 *
 * Whatever a quirk changes is said in the source's warnings and kept in the row's `extra`.
 */

export interface LiquidateQuirk {
  slug: string;
  /** `market` is the debt's market and `asset` the collateral's market (or token): the schema's roles swapped. */
  rolesSwapped: boolean;
  /** What `amount` counts: the collateral in its own units (the schema), or a figure the row cannot hold. */
  amount: 'collateral' | 'collateral-in-output-token' | 'debt-repaid';
  /** Why, for the warning. */
  note: string;
}

const COMPOUND_FORK_NOTE = 'amount is the collateral seized in cTokens (compound-forks _handleLiquidateBorrow), so collateralAmount is left empty and the raw cToken amount kept in extra';

// Slugs as the compound-forks protocols set them (protocols/<name>/src/mapping.ts, new ProtocolData(…)).
const COMPOUND_FORKS = [
  'aurigami', 'banker-joe', 'bastion-protocol', 'benqi', 'compound-v2', 'cream-finance', 'dforce-v2', 'iron-bank', 'moonwell', 'rari-fuse', 'scream',
  'sonne-finance', 'tectonic', 'venus',
];

const QUIRKS: ReadonlyMap<string, LiquidateQuirk> = new Map([
  ...COMPOUND_FORKS.map((slug): [string, LiquidateQuirk] => [slug, { slug, rolesSwapped: false, amount: 'collateral-in-output-token', note: COMPOUND_FORK_NOTE }]),
  ['inverse-finance', {
    slug: 'inverse-finance', rolesSwapped: true, amount: 'collateral-in-output-token',
    note: 'market is the market repaid and asset the collateral cToken (updateLiquidate), so the roles are swapped back; amount is in cTokens, so collateralAmount is left empty',
  }],
  ['burrow-near', {
    slug: 'burrow-near', rolesSwapped: true, amount: 'debt-repaid',
    note: 'market is the market repaid and asset the collateral market, so the roles are swapped back; amount is the debt repaid in Burrow units, so collateralAmount is left empty',
  }],
]);

export const liquidateQuirkOf = (protocolSlug: string): LiquidateQuirk | null => QUIRKS.get(protocolSlug.toLowerCase()) ?? null;
