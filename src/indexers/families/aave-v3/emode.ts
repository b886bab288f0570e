/**
 * Aave v3 efficiency mode. A user in e-mode category k borrows against collateral of that category
 * at the category's LTV, liquidation threshold and liquidation bonus instead of the reserve's
 * (aave/aave-v3-core GenericLogic.calculateUserAccountData and LiquidationLogic._getConfigurationData
 * @ 782f51917056a53a2c228701058a6c3fb233684a; aave-dao/aave-v3-origin LiquidationLogic
 * @ 027aaed77f89f3d7453764bd94159b5693450169 for v3.2+). The tables model this as extra markets:
 * collateral of such a user in an asset of the category sits in market `<symbol>@emode-<k>`, whose
 * row carries the category's parameters. The protocol stays pooled (one risk account per user);
 * the market only selects the parameters.
 *
 * Which assets count as collateral in category k: from Aave v3.2 on, the category's collateral
 * bitmap, which the subgraph writes as EModeCategoryConfig (`collateral: true`); before v3.2, the
 * reserves whose own category (`Reserve.eMode`) is k. A category with any config entity is read the
 * v3.2 way, one without the legacy way. Category 0 is "no e-mode"; categories whose liquidation
 * threshold is 0 are the subgraph's placeholders (configs seen before EModeCategoryAdded) and left out.
 */
import type { Origin } from '../../units.js';
import type { EModeCategoryConfigItem, EModeCategoryItem, ReserveItem } from './items.js';
import { riskParams, type RiskParams } from './risk-params.js';

export interface EModeCategory extends RiskParams {
  id: string;
  label: string;
}

export const EMODE_SUFFIX = '@emode-';

export class EModes {
  private readonly categories = new Map<string, EModeCategory>();
  private readonly collateralOf = new Map<string, Set<string>>();
  readonly warnings: string[] = [];

  constructor(categories: readonly EModeCategoryItem[], configs: readonly EModeCategoryConfigItem[], reserves: readonly ReserveItem[], source: string) {
    for (const c of categories) {
      if (c.id === '0') continue;
      const origin: Origin = { source, entity: 'eModeCategories', id: c.id };
      const params = riskParams(c.ltv, c.liquidationThreshold, c.liquidationBonus, origin, ['ltv', 'liquidationThreshold', 'liquidationBonus']);
      if (params.liquidationThreshold === 0) {
        this.warnings.push(`e-mode category ${c.id} (${c.label}) has a liquidation threshold of 0 (a placeholder); it is left out`);
        continue;
      }
      this.categories.set(c.id, { id: c.id, label: c.label, ...params });
    }
    const configured = new Set(configs.map((c) => c.category.id));
    for (const c of configs) if (c.collateral) this.member(c.category.id).add(c.asset.toLowerCase());
    for (const r of reserves) {
      const k = r.eMode?.id;
      if (k !== undefined && k !== '0' && !configured.has(k)) this.member(k).add(r.underlyingAsset.toLowerCase());
    }
  }

  private member(category: string): Set<string> {
    let set = this.collateralOf.get(category);
    if (set === undefined) this.collateralOf.set(category, (set = new Set()));
    return set;
  }

  /** The category a user is in, or null (not in e-mode, or in a category left out). */
  categoryOf(userCategoryId: string | null | undefined): EModeCategory | null {
    if (userCategoryId === null || userCategoryId === undefined || userCategoryId === '0') return null;
    return this.categories.get(userCategoryId) ?? null;
  }

  /** Whether collateral in `underlying` gets category `category`'s parameters. */
  isCollateralIn(category: EModeCategory, underlying: string): boolean {
    return this.collateralOf.get(category.id)?.has(underlying.toLowerCase()) ?? false;
  }

  /** Every (category, collateral asset) pair, for the e-mode market rows. */
  pairs(): { category: EModeCategory; underlying: string }[] {
    return [...this.categories.values()].flatMap((category) => [...(this.collateralOf.get(category.id) ?? [])].sort().map((underlying) => ({ category, underlying })));
  }
}
