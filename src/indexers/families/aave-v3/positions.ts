/**
 * Aave v3 user reserves into the position book. Amounts are recomputed from the scaled balances
 * with the reserve's current indexes, `rayMul(scaled, index)` rounding half up as the subgraph and
 * the v3.0–3.3 tokens do (aave/protocol-subgraphs src/helpers/math.ts @ 975b22e9): the reserve's
 * indexes move on every action in the reserve, whereas `currentATokenBalance` and
 * `currentVariableDebt` only move on the user's own actions. Stable debt (removed in v3.2) is
 * `currentStableDebt` as of the user's last action.
 *
 * Sides: a deposit is collateral when the user enabled it and its effective liquidation threshold
 * (e-mode's when the user's category covers the asset) is above 0, as GenericLogic counts it;
 * otherwise supply. Variable and stable debt of a reserve are one debt row in the reserve's market.
 */
import { IndexerError } from '../../errors.js';
import type { PositionBook } from '../shared/position-book.js';
import type { TokenBook } from '../shared/token-book.js';
import { EMODE_SUFFIX, type EModes } from './emode.js';
import type { UserReserveItem } from './items.js';
import type { AaveReserves } from './reserve-catalog.js';

const RAY = 10n ** 27n;
export const rayMul = (a: bigint, b: bigint): bigint => (a * b + RAY / 2n) / RAY;

/** Files the user reserves of the chosen pool; returns how many belong to the subgraph's other pools. */
export function fileAavePositions(
  items: readonly UserReserveItem[],
  reserves: AaveReserves,
  emodes: EModes,
  tokens: TokenBook,
  book: PositionBook,
  source: string,
  allReserveIds: ReadonlySet<string>,
): number {
  let otherPools = 0;
  for (const ur of items) {
    const origin = { source, entity: 'userReserves', id: ur.id };
    const reserve = reserves.get(ur.reserve.id);
    if (reserve === undefined) {
      if (allReserveIds.has(ur.reserve.id)) {
        otherPools++;
        continue;
      }
      throw new IndexerError(`reserve of id ${ur.id} is ${ur.reserve.id}, which the source does not list`, origin);
    }
    const token = tokens.require(reserve.underlyingAsset, origin, 'reserve.underlyingAsset');
    const account = ur.user.id.toLowerCase();
    const scaled = BigInt(ur.scaledATokenBalance);
    const scaledDebt = BigInt(ur.scaledVariableDebt);
    const index = (value: string, field: string): bigint => {
      const v = BigInt(value);
      if (v < RAY) throw new IndexerError(`reserve ${reserve.id} has ${field} ${value}, below 1 ray, while id ${ur.id} holds a scaled balance`, origin);
      return v;
    };
    if (scaled > 0n) {
      const category = emodes.categoryOf(ur.user.eModeCategoryId?.id);
      const inEMode = category !== null && emodes.isCollateralIn(category, reserve.underlyingAsset);
      const threshold = inEMode ? category.liquidationThreshold : reserves.paramsOf(reserve).liquidationThreshold;
      const collateral = ur.usageAsCollateralEnabledOnUser && threshold > 0;
      const market = collateral && inEMode ? `${reserve.id}${EMODE_SUFFIX}${category.id}` : reserve.id;
      const amount = rayMul(scaled, index(reserve.liquidityIndex, 'liquidityIndex'));
      book.add({ account, market, token: token.address, side: collateral ? 'collateral' : 'supply' }, amount, token, origin, 'scaledATokenBalance');
    }
    const variable = scaledDebt > 0n ? rayMul(scaledDebt, index(reserve.variableBorrowIndex, 'variableBorrowIndex')) : 0n;
    const debt = variable + BigInt(ur.currentStableDebt);
    if (debt > 0n) book.add({ account, market: reserve.id, token: token.address, side: 'debt' }, debt, token, origin, 'scaledVariableDebt');
  }
  return otherPools;
}
