/**
 * Aave `LiquidationCall` events as liquidation-event rows. The subgraph gives both sides: the
 * collateral seized (`collateralAmount`, what the liquidator received, the protocol fee excluded)
 * and the debt covered (`principalAmount`), and both USD prices at the time, so the USD value of the
 * debt repaid is `principalAmount × borrowAssetPriceUSD`. Block and log index are not fields; they
 * are read from the id, "<block>:<tx index>:<tx hash>:<log index>:<tx log index>" (getHistoryEntityId in
 * aave/protocol-subgraphs src/utils/id-generation.ts @ 975b22e9). Events of another pool of the
 * subgraph are skipped; events in a token without a price or row are left out with a warning.
 */
import type { LiquidationEventRow } from '../../../store/index.js';
import { IndexerError } from '../../errors.js';
import { decimalNumber, scaleRawAmount } from '../../units.js';
import { blockNumberOf, isoFromSeconds } from '../shared/liquidator-rows.js';
import type { TokenBook } from '../shared/token-book.js';
import type { LiquidationCallItem } from './items.js';
import type { AaveReserves } from './reserve-catalog.js';

export interface AaveLiquidationDraft {
  item: LiquidationCallItem;
  collateral: string;
  debt: string;
}

export function draftAaveLiquidations(
  items: readonly LiquidationCallItem[],
  reserves: AaveReserves,
  tokens: TokenBook,
  source: string,
  allReserveIds: ReadonlySet<string>,
): { drafts: AaveLiquidationDraft[]; warnings: string[] } {
  const drafts: AaveLiquidationDraft[] = [];
  let unpriced = 0;
  for (const item of items) {
    const origin = { source, entity: 'liquidationCalls', id: item.id };
    const collateral = reserves.get(item.collateralReserve.id);
    const debt = reserves.get(item.principalReserve.id);
    if (collateral === undefined || debt === undefined) {
      const missing = collateral === undefined ? ['collateralReserve', item.collateralReserve.id] : ['principalReserve', item.principalReserve.id];
      if (allReserveIds.has(missing[1]!)) continue;
      throw new IndexerError(`${missing[0]} of id ${item.id} is ${missing[1]}, which the source does not list`, origin);
    }
    const pair = [collateral.underlyingAsset.toLowerCase(), debt.underlyingAsset.toLowerCase()] as const;
    if (pair.some((t) => tokens.get(t)?.priceUsd == null)) {
      unpriced++;
      continue;
    }
    drafts.push({ item, collateral: pair[0], debt: pair[1] });
  }
  return { drafts, warnings: unpriced > 0 ? [`${unpriced} liquidation call(s) in an unpriced token are left out`] : [] };
}

/** Rows of the drafted events; call after the token book assigned symbols. */
export function aaveLiquidationRows(drafts: readonly AaveLiquidationDraft[], tokens: TokenBook, protocol: string, source: string): LiquidationEventRow[] {
  return drafts.map(({ item, collateral, debt }) => {
    const origin = { source, entity: 'liquidationCalls', id: item.id };
    const [block, , , logIndex] = item.id.split(':');
    const debtAmount = scaleRawAmount(item.principalAmount, tokens.get(debt)!.decimals, origin, 'principalAmount');
    const debtPrice = decimalNumber(item.borrowAssetPriceUSD, origin, 'borrowAssetPriceUSD');
    return {
      protocol,
      txHash: item.txHash.toLowerCase(),
      logIndex: blockNumberOf(logIndex!, origin, 'id (log index)'),
      blockNumber: blockNumberOf(block!, origin, 'id (block)'),
      timestamp: isoFromSeconds(item.timestamp, origin, 'timestamp'),
      liquidator: item.liquidator.toLowerCase(),
      account: item.user.id.toLowerCase(),
      collateralAsset: tokens.symbolOf(collateral),
      debtAsset: tokens.symbolOf(debt),
      collateralAmount: scaleRawAmount(item.collateralAmount, tokens.get(collateral)!.decimals, origin, 'collateralAmount'),
      debtAmount,
      debtRepaidUsd: debtPrice > 0 ? Number(debtAmount) * debtPrice : null,
      extra: { aave_event: item.id, collateral_price_usd: item.collateralAssetPriceUSD, debt_price_usd: item.borrowAssetPriceUSD },
    };
  });
}
