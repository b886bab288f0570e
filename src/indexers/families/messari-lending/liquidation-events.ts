/**
 * Messari `Liquidate` events as liquidation-event rows. The collateral is the event market's input
 * token and `amount` is the collateral seized (schema 3.1.0). The schema calls `asset` the asset
 * repaid, but Messari's implementations write the collateral there (messari/subgraphs @ 2711ac91e:
 * subgraphs/aave-forks/src/sdk/manager.ts createLiquidate and subgraphs/compound-v3 AbsorbCollateral
 * both pass the collateral), so the debt asset is taken, in order, from: the BORROWER position the
 * event touched (aave-forks append it to `positions`); `asset` when it differs from the collateral
 * (an implementation that follows the schema); the market's `borrowedToken` (Compound v3's base).
 * An event with none of these is left out with a warning.
 *
 * No USD figure for the debt repaid is written: aave-forks compute `profitUSD` from the raw,
 * unscaled debt amount (mapping.ts `_handleLiquidate`), so `amountUSD − profitUSD` is not the debt
 * repaid. The collateral's USD value (`amountUSD`) and `profitUSD` are kept in `extra` as reported.
 */
import type { LiquidationEventRow } from '../../../store/index.js';
import { scaleRawAmount } from '../../units.js';
import type { LiquidateItem } from './items.js';
import { blockNumberOf, isoFromSeconds } from './liquidator-rows.js';
import type { MessariMarkets } from './market-catalog.js';
import type { TokenBook } from './token-book.js';

export interface LiquidationDraft {
  item: LiquidateItem;
  collateral: string;
  debt: string;
  debtFrom: 'borrower-position' | 'event-asset' | 'market-borrowed-token';
}

/** Events whose collateral and debt tokens are known, and warnings for those that are not. */
export function draftMessariLiquidations(
  items: readonly LiquidateItem[],
  markets: MessariMarkets,
  tokens: TokenBook,
  source: string,
): { drafts: LiquidationDraft[]; warnings: string[] } {
  const drafts: LiquidationDraft[] = [];
  const unknownDebt: string[] = [];
  const unpriced: string[] = [];
  for (const item of items) {
    const origin = { source, entity: 'liquidates', id: item.id };
    const market = markets.require(item.market.id, origin, 'market');
    const collateral = market.inputToken.id.toLowerCase();
    const borrower = item.positions.find((p) => p.side === 'BORROWER');
    const asset = item.asset.id.toLowerCase();
    const borrowed = market.borrowedToken?.id.toLowerCase();
    let draft: LiquidationDraft | null = null;
    if (borrower !== undefined) draft = { item, collateral, debt: borrower.asset.id.toLowerCase(), debtFrom: 'borrower-position' };
    else if (asset !== collateral) draft = { item, collateral, debt: asset, debtFrom: 'event-asset' };
    else if (borrowed !== undefined && borrowed !== collateral) draft = { item, collateral, debt: borrowed, debtFrom: 'market-borrowed-token' };
    if (draft === null) {
      unknownDebt.push(item.id);
      continue;
    }
    if ([draft.collateral, draft.debt].some((t) => tokens.get(t)?.priceUsd == null)) {
      unpriced.push(item.id);
      continue;
    }
    drafts.push(draft);
  }
  const warnings: string[] = [];
  if (unknownDebt.length > 0) warnings.push(`${unknownDebt.length} liquidation event(s) name no debt asset (no BORROWER position, asset = collateral, no borrowedToken) and are left out, e.g. ${unknownDebt[0]}`);
  if (unpriced.length > 0) warnings.push(`${unpriced.length} liquidation event(s) involve a token the source neither lists nor prices and are left out, e.g. ${unpriced[0]}`);
  return { drafts, warnings };
}

/** Rows of the drafted events; call after the token book assigned symbols. */
export function messariLiquidationRows(drafts: readonly LiquidationDraft[], tokens: TokenBook, protocol: string, source: string): LiquidationEventRow[] {
  return drafts.map(({ item, collateral, debt, debtFrom }) => {
    const origin = { source, entity: 'liquidates', id: item.id };
    return {
      protocol,
      txHash: item.hash.toLowerCase(),
      logIndex: item.logIndex,
      blockNumber: blockNumberOf(item.blockNumber, origin, 'blockNumber'),
      timestamp: isoFromSeconds(item.timestamp, origin, 'timestamp'),
      liquidator: item.liquidator.id.toLowerCase(),
      account: item.liquidatee.id.toLowerCase(),
      collateralAsset: tokens.symbolOf(collateral),
      debtAsset: tokens.symbolOf(debt),
      collateralAmount: scaleRawAmount(item.amount, tokens.get(collateral)!.decimals, origin, 'amount'),
      debtAmount: null,
      debtRepaidUsd: null,
      extra: { messari_event: item.id.toLowerCase(), debt_asset_from: debtFrom, collateral_usd: item.amountUSD, profit_usd_as_reported: item.profitUSD },
    };
  });
}
