/**
 * The collateral the option writers hold, as lending-style collateral positions of the options
 * protocol: account `<pool id>`, one position per token the pool holds, in a market named after the
 * token with loan-to-value and liquidation threshold 1 and bonus 0.
 *
 * Those market terms are placeholders, not a margin model: the options venue's own margin rules
 * (Opyn's naked-margin or fully-collateralised vaults, Dopex's fully-collateralised SSOVs) are
 * valued by the options margin model of a later issue, against the same account's short options.
 * Writing the collateral here puts it in the same tables as lending collateral, so that exposure
 * queries (who holds WETH, what a WETH crash touches) see it.
 *
 * Balances pair with `inputTokens` by position, in the order graph-node serves the tokens (by id):
 * right for Messari's SDK, which stores tokens sorted by address (see messari-dex/balance-pairing.ts),
 * and moot for the deployed Opyn and Dopex subgraphs, whose pools hold one token each.
 */
import type { MarketRow, PositionRow } from '../../../store/index.js';
import { IndexerError } from '../../errors.js';
import { scaleRawAmount, type Origin } from '../../units.js';
import type { OptionPoolItem } from './items.js';
import type { TokenLookup } from './option-contracts.js';

export interface CollateralHolding {
  pool: string;
  /** Token address. */
  token: string;
  /** Whole tokens, exact decimal text. */
  amount: string;
}

/** Non-zero balances of one writer pool. */
export function writerCollateral(pool: OptionPoolItem, tokens: TokenLookup, origin: Origin): CollateralHolding[] {
  if (pool.inputTokenBalances.length !== pool.inputTokens.length) {
    throw new IndexerError(`inputTokenBalances of id ${origin.id} has ${pool.inputTokenBalances.length} entries for ${pool.inputTokens.length} inputTokens`, origin);
  }
  return pool.inputTokens.flatMap((ref, i) => {
    const token = tokens.require(ref.id, origin, `inputTokens.${i}`);
    const amount = scaleRawAmount(pool.inputTokenBalances[i]!, token.decimals, origin, `inputTokenBalances.${i}`);
    return amount === '0' ? [] : [{ pool: pool.id.toLowerCase(), token: token.address, amount }];
  });
}

/** A collateral position row per holding and one market per collateral asset (`nameOf` gives asset names). */
export function collateralRows(protocol: string, holdings: readonly CollateralHolding[], nameOf: (token: string) => string): { positions: PositionRow[]; markets: MarketRow[] } {
  const positions = holdings.map((h): PositionRow => {
    const asset = nameOf(h.token);
    return { protocol, account: h.pool, market: asset, asset, side: 'collateral', amount: h.amount, extra: { role: 'option writer collateral' } };
  });
  const assets = [...new Set(positions.map((p) => p.asset))].sort();
  const markets = assets.map(
    (asset): MarketRow => ({
      protocol,
      market: asset,
      asset,
      ltv: 1,
      liquidationThreshold: 1,
      liquidationBonus: 0,
      closeFactor: null,
      supplyCap: null,
      borrowCap: null,
      extra: { terms: 'placeholder: valued by the options margin model, not by these ratios' },
    }),
  );
  return { positions, markets };
}
