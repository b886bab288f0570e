/**
 * The reserves of one Aave v3 pool as table markets: one market per reserve named after its token
 * symbol, plus one `<symbol>@emode-<k>` market per e-mode category the asset is collateral in.
 * Isolation mode (an asset with a debt ceiling can only back borrows of `borrowableInIsolation`
 * assets, up to the ceiling) has no column in the tables; the ceiling and flags are kept in `extra`.
 * Caps are whole tokens in Aave v3 (0 = no cap).
 */
import type { MarketRow } from '../../../store/index.js';
import { IndexerError } from '../../errors.js';
import { scaleRawAmount, type Origin } from '../../units.js';
import type { TokenBook } from '../shared/token-book.js';
import { EMODE_SUFFIX, type EModes } from './emode.js';
import type { ReserveItem } from './items.js';
import { reservePriceUsd } from './reserve-price.js';
import { riskParams, type RiskParams } from './risk-params.js';

export class AaveReserves {
  private readonly byId = new Map<string, ReserveItem>();
  private readonly params = new Map<string, RiskParams>();
  private planned: ReserveItem[] = [];
  readonly warnings: string[] = [];

  constructor(
    reserves: readonly ReserveItem[],
    private readonly tokens: TokenBook,
    private readonly source: string,
  ) {
    const priceWarnings = new Set<string>();
    for (const r of reserves) {
      const origin = this.origin(r.id);
      this.byId.set(r.id, r);
      this.params.set(r.id, riskParams(r.baseLTVasCollateral, r.reserveLiquidationThreshold, r.reserveLiquidationBonus, origin, ['baseLTVasCollateral', 'reserveLiquidationThreshold', 'reserveLiquidationBonus']));
      const { priceUsd, warning } = reservePriceUsd(r, origin);
      if (warning !== null) priceWarnings.add(warning);
      tokens.add({ id: r.underlyingAsset, symbol: r.symbol, decimals: r.decimals }, priceUsd, 'price.priceInEth', origin);
    }
    this.warnings.push(...priceWarnings);
  }

  private origin(id: string): Origin {
    return { source: this.source, entity: 'reserves', id };
  }

  get(id: string): ReserveItem | undefined {
    return this.byId.get(id);
  }

  paramsOf(reserve: ReserveItem): RiskParams {
    return this.params.get(reserve.id)!;
  }

  /** Rows for every reserve whose token is priced or held; returns their tokens and the reserves left out. */
  plan(held: ReadonlySet<string>): { tokens: string[]; skipped: string[] } {
    const skipped: string[] = [];
    this.planned = [];
    for (const r of this.byId.values()) {
      const token = r.underlyingAsset.toLowerCase();
      if (held.has(token) || this.tokens.get(token)?.priceUsd != null) this.planned.push(r);
      else skipped.push(r.id);
    }
    return { tokens: this.planned.map((r) => r.underlyingAsset.toLowerCase()), skipped };
  }

  /** Table market of a position key: `<reserve id>` or `<reserve id>@emode-<k>`. */
  nameOf(key: string): string {
    const at = key.indexOf(EMODE_SUFFIX);
    const reserve = this.byId.get(at < 0 ? key : key.slice(0, at));
    if (reserve === undefined) throw new Error(`contagion/indexers/families/aave-v3/reserve-catalog: no reserve for market key ${key}`);
    const symbol = this.tokens.symbolOf(reserve.underlyingAsset);
    return at < 0 ? symbol : `${symbol}${key.slice(at)}`;
  }

  rows(protocol: string, emodes: EModes): MarketRow[] {
    const rows = this.planned.map((r) => this.row(protocol, r, r.id, this.paramsOf(r), {}));
    const planned = new Map(this.planned.map((r) => [r.underlyingAsset.toLowerCase(), r]));
    for (const { category, underlying } of emodes.pairs()) {
      const reserve = planned.get(underlying);
      if (reserve === undefined) continue;
      const key = `${reserve.id}${EMODE_SUFFIX}${category.id}`;
      rows.push(this.row(protocol, reserve, key, category, { emode_category: category.id, emode_label: category.label }));
    }
    return rows;
  }

  private row(protocol: string, r: ReserveItem, key: string, params: RiskParams, emode: Record<string, string>): MarketRow {
    const cap = (raw: string | null, field: string): number | null => {
      if (raw === null || raw === '0') return null;
      const whole = Number(raw);
      if (!Number.isSafeInteger(whole)) throw new IndexerError(`${field} ${raw} of id ${r.id} is not a whole-token cap`, this.origin(r.id));
      return whole;
    };
    const isolated = r.debtCeiling !== null && r.debtCeiling !== '0';
    return {
      protocol, market: this.nameOf(key), asset: this.tokens.symbolOf(r.underlyingAsset), ...params, closeFactor: null,
      supplyCap: cap(r.supplyCap, 'supplyCap'), borrowCap: cap(r.borrowCap, 'borrowCap'),
      extra: {
        reserve: r.id, is_active: String(r.isActive), is_frozen: String(r.isFrozen), is_paused: String(r.isPaused), borrowing_enabled: String(r.borrowingEnabled),
        // Aave keeps the debt ceiling in USD with 2 decimals (ReserveConfiguration.DEBT_CEILING_DECIMALS = 2).
        ...(isolated ? { isolation_mode: 'true', debt_ceiling_usd: scaleRawAmount(r.debtCeiling!, 2, this.origin(r.id), 'debtCeiling') } : {}),
        ...(r.borrowableInIsolation === null ? {} : { borrowable_in_isolation: String(r.borrowableInIsolation) }),
        siloed_borrowing: String(r.siloedBorrowing),
        ...emode,
      },
    };
  }
}
