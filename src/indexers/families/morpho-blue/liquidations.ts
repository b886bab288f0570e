/**
 * Morpho Blue `Liquidate` events as liquidation-event rows: collateral seized (`amount`, collateral
 * token) and loan assets repaid (`repaid`, loan token). The USD value of the debt repaid is the
 * subgraph's `amountUSD`, which, whatever the schema's comment says, is the repaid amount at the
 * loan token's price at the time (morpho-org/morpho-blue-subgraph src/sdk/manager.ts createLiquidate
 * @ b5f8c8c2c4144baac790628b50a08bc2a668e35e: `amountUSD = token.getAmountUSD(repaid)` with the loan
 * token); 0 there (no price then) is written as unknown. Events of markets left out are skipped.
 */
import type { LiquidationEventRow } from '../../../store/index.js';
import { decimalNumber, scaleRawAmount } from '../../units.js';
import { blockNumberOf, isoFromSeconds } from '../shared/liquidator-rows.js';
import type { TokenBook } from '../shared/token-book.js';
import type { MorphoLiquidateItem } from './items.js';
import type { MorphoMarkets } from './market-catalog.js';

export function morphoLiquidationRows(items: readonly MorphoLiquidateItem[], markets: MorphoMarkets, tokens: TokenBook, protocol: string, source: string): { rows: LiquidationEventRow[]; skipped: number } {
  const rows: LiquidationEventRow[] = [];
  let skipped = 0;
  for (const item of items) {
    const origin = { source, entity: 'liquidates', id: item.id };
    const market = markets.require(item.market.id, origin, 'market');
    const collateral = markets.collateralOf(market);
    if (!markets.isIncluded(market.id) || collateral === null) {
      skipped++;
      continue;
    }
    const loan = markets.loanOf(market);
    const repaidUsd = decimalNumber(item.amountUSD, origin, 'amountUSD');
    rows.push({
      protocol,
      txHash: item.hash.toLowerCase(),
      logIndex: item.logIndex,
      blockNumber: blockNumberOf(item.blockNumber, origin, 'blockNumber'),
      timestamp: isoFromSeconds(item.timestamp, origin, 'timestamp'),
      liquidator: item.liquidator.id.toLowerCase(),
      account: item.liquidatee.id.toLowerCase(),
      collateralAsset: tokens.symbolOf(collateral),
      debtAsset: tokens.symbolOf(loan),
      collateralAmount: scaleRawAmount(item.amount, tokens.get(collateral)!.decimals, origin, 'amount'),
      debtAmount: scaleRawAmount(item.repaid, tokens.get(loan)!.decimals, origin, 'repaid'),
      debtRepaidUsd: repaidUsd > 0 ? repaidUsd : null,
      extra: { morpho_event: item.id.toLowerCase(), morpho_market: market.id.toLowerCase() },
    });
  }
  return { rows, skipped };
}
