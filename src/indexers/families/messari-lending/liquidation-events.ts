/**
 * Messari `Liquidate` events as liquidation-event rows. The collateral is the event market's input
 * token and `amount` is the collateral seized (schema 3.1.0). The schema calls `asset` the asset
 * repaid, but Messari's implementations write the collateral there (messari/subgraphs @ 2711ac91e:
 * subgraphs/aave-forks/src/sdk/manager.ts createLiquidate and subgraphs/compound-v3 AbsorbCollateral
 * both pass the collateral), so the debt asset is taken, in order, from: the BORROWER position the
 * event touched (aave-forks append it to `positions`; 2.0.1 and 1.3.x events come without); `asset`
 * when it differs from the collateral (an implementation that follows the schema: Compound v2 forks,
 * Liquity, QiDAO…); the market's `borrowedToken` (Compound v3's base; a 2.0.1/1.3.x CDP's minted token,
 * e.g. MakerDAO's DAI). An event with none of these is left out with a warning. Implementations
 * known to depart further from the schema are read as liquidate-quirks.ts says.
 *
 * No USD figure for the debt repaid is written: aave-forks compute `profitUSD` from the raw,
 * unscaled debt amount (mapping.ts `_handleLiquidate`), so `amountUSD − profitUSD` is not the debt
 * repaid. The collateral's USD value (`amountUSD`) and `profitUSD` are kept in `extra` as reported.
 */
import type { LiquidationEventRow } from '../../../store/index.js';
import { scaleRawAmount } from '../../units.js';
import type { LiquidateItem } from './items.js';
import type { LiquidateQuirk } from './liquidate-quirks.js';
import { blockNumberOf, isoFromSeconds } from '../shared/liquidator-rows.js';
import type { MessariMarkets } from './market-catalog.js';
import type { TokenBook } from '../shared/token-book.js';

export interface LiquidationDraft {
  item: LiquidateItem;
  collateral: string;
  debt: string;
  debtFrom: 'borrower-position' | 'event-asset' | 'market-borrowed-token' | 'event-market';
}

/** A tx hash or id as written: hex lower-cased, anything else (Burrow's base58 on NEAR) kept as it is. */
const canonical = (value: string): string => (/^0x[0-9a-fA-F]*$/.test(value) ? value.toLowerCase() : value);

type EventOrigin = { source: string; entity: string; id: string };

/** Collateral and debt as the schema places them (see the module comment); null when no debt asset is named. */
function schemaDraft(item: LiquidateItem, markets: MessariMarkets, origin: EventOrigin): LiquidationDraft | null {
  const market = markets.require(item.market.id, origin, 'market');
  const collateral = market.inputToken.id.toLowerCase();
  const borrower = item.positions.find((p) => p.side === 'BORROWER');
  const asset = item.asset.id.toLowerCase();
  const borrowed = market.borrowedToken?.id.toLowerCase();
  if (borrower !== undefined) return { item, collateral, debt: borrower.asset.id.toLowerCase(), debtFrom: 'borrower-position' };
  if (asset !== collateral) return { item, collateral, debt: asset, debtFrom: 'event-asset' };
  if (borrowed !== undefined && borrowed !== collateral) return { item, collateral, debt: borrowed, debtFrom: 'market-borrowed-token' };
  return null;
}

/** Collateral and debt of an event whose `market` is the debt's and `asset` the collateral's market or token. */
function swappedDraft(item: LiquidateItem, markets: MessariMarkets, origin: EventOrigin): LiquidationDraft | null {
  const debt = markets.require(item.market.id, origin, 'market').inputToken.id.toLowerCase();
  const collateral = (markets.find(item.asset.id)?.inputToken.id ?? item.asset.id).toLowerCase();
  return collateral === debt ? null : { item, collateral, debt, debtFrom: 'event-market' };
}

/** Events whose collateral and debt tokens are known, and warnings for those that are not. */
export function draftMessariLiquidations(
  items: readonly LiquidateItem[],
  markets: MessariMarkets,
  tokens: TokenBook,
  source: string,
  quirk: LiquidateQuirk | null = null,
): { drafts: LiquidationDraft[]; warnings: string[] } {
  const drafts: LiquidationDraft[] = [];
  const unknownDebt: string[] = [];
  const unpriced: string[] = [];
  for (const item of items) {
    const origin = { source, entity: 'liquidates', id: item.id };
    const draft = quirk?.rolesSwapped === true ? swappedDraft(item, markets, origin) : schemaDraft(item, markets, origin);
    if (draft === null) unknownDebt.push(item.id);
    else if ([draft.collateral, draft.debt].some((t) => tokens.get(t)?.priceUsd == null)) unpriced.push(item.id);
    else drafts.push(draft);
  }
  const warnings: string[] = [];
  if (quirk !== null && items.length > 0) warnings.push(`${items.length} liquidation event(s) are read as Messari's ${quirk.slug} mapping writes them: ${quirk.note}`);
  if (unknownDebt.length > 0) warnings.push(`${unknownDebt.length} liquidation event(s) name no debt asset (no BORROWER position, asset = collateral, no borrowedToken) and are left out, e.g. ${unknownDebt[0]}`);
  if (unpriced.length > 0) warnings.push(`${unpriced.length} liquidation event(s) involve a token the source neither lists nor prices and are left out, e.g. ${unpriced[0]}`);
  return { drafts, warnings };
}

/** Rows of the drafted events; call after the token book assigned symbols. */
export function messariLiquidationRows(
  drafts: readonly LiquidationDraft[],
  tokens: TokenBook,
  protocol: string,
  source: string,
  quirk: LiquidateQuirk | null = null,
): LiquidationEventRow[] {
  const amountIsCollateral = quirk === null || quirk.amount === 'collateral';
  return drafts.map(({ item, collateral, debt, debtFrom }) => {
    const origin = { source, entity: 'liquidates', id: item.id };
    return {
      protocol,
      txHash: canonical(item.hash),
      logIndex: item.logIndex,
      blockNumber: blockNumberOf(item.blockNumber, origin, 'blockNumber'),
      timestamp: isoFromSeconds(item.timestamp, origin, 'timestamp'),
      liquidator: item.liquidator.id.toLowerCase(),
      account: item.liquidatee.id.toLowerCase(),
      collateralAsset: tokens.symbolOf(collateral),
      debtAsset: tokens.symbolOf(debt),
      collateralAmount: amountIsCollateral ? scaleRawAmount(item.amount, tokens.get(collateral)!.decimals, origin, 'amount') : null,
      debtAmount: null,
      debtRepaidUsd: null,
      extra: {
        messari_event: canonical(item.id), debt_asset_from: debtFrom, ...(quirk?.amount === 'debt-repaid' ? { debt_usd_as_reported: item.amountUSD } : { collateral_usd: item.amountUSD }),
        profit_usd_as_reported: item.profitUSD, ...(amountIsCollateral ? {} : { messari_quirk: quirk!.slug, amount_raw_as_reported: item.amount, amount_is: quirk!.amount }),
      },
    };
  });
}
