/**
 * An option contract of a Messari options subgraph, read into the units the tables keep.
 *
 * Strike: `Option.strikePrice` is denominated in the strike asset (Opyn and Dopex both scale it by
 * 1e8 into a decimal). With no strike asset, or a USD stablecoin as strike asset (Opyn's USDC), it
 * is USD per unit of the underlying as it stands; any other strike asset (a EUR stablecoin, WETH)
 * is converted at that asset's USD price, and the row records the conversion (`extra.strike_asset`,
 * `extra.strike_in_asset`), since the strike then moves with the strike asset's price.
 *
 * Size units: a position's `amount` and an option's `totalSupply` are raw amounts of the option
 * token, and one option token gives the right to one unit of the underlying (an Opyn oToken on 1
 * WETH, a Dopex option on 1 DPX). Their decimals are the option token's: Opyn's options are tokens
 * in the subgraph (oTokens, 8 decimals; Messari's Opyn mapping scales `amountUSD` by 1e8 too),
 * Dopex's are not (its mapping scales by 18), so those need `options.optionDecimals`.
 */
import { IndexerError } from '../../errors.js';
import { classifyAsset } from '../../asset-kinds.js';
import { decimalNumber, type Origin } from '../../units.js';
import type { OptionItem } from './items.js';

export interface OptionContract {
  id: string;
  type: 'call' | 'put';
  /** The writing pool (the short side's account). */
  pool: string;
  underlying: string;
  collateral: string;
  /** Decimals of position amounts and total supply. */
  sizeDecimals: number;
  strikeUsd: number;
  /** Set when the strike was converted from a non-USD strike asset. */
  strikeConversion: { asset: string; strikeInAsset: string } | null;
  expirySeconds: number | null;
  markUsd: number | null;
  item: OptionItem;
}

/** How `readOptionContract` reaches tokens: a known token's address, symbol, decimals and USD price. */
export interface TokenLookup {
  /** The token (lower-case address) a field names; an unknown token is an error naming the field. */
  require(id: string, origin: Origin, field: string): { address: string; symbol: string; decimals: number };
  /** The token's decimals when the subgraph has it as a token, else null. */
  decimalsOf(id: string): number | null;
  priceOf(address: string, origin: Origin, field: string): number;
}

const isUsdStable = (symbol: string): boolean => classifyAsset(symbol) === 'stable' && !/^EUR/i.test(symbol);

export function readOptionContract(item: OptionItem, tokens: TokenLookup, optionDecimals: number | undefined, origin: Origin): OptionContract {
  const id = item.id.toLowerCase();
  const underlying = tokens.require(item.underlyingAsset.id, origin, 'underlyingAsset');
  const collateral = tokens.require(item.collateralAsset.id, origin, 'collateralAsset');
  const sizeDecimals = tokens.decimalsOf(id) ?? optionDecimals;
  if (sizeDecimals === undefined) {
    throw new IndexerError(`option ${id} is not a token in the subgraph, so the decimals of its amounts are unknown: set options.optionDecimals`, origin);
  }
  const strikeInAsset = decimalNumber(item.strikePrice, origin, 'strikePrice');
  let strikeUsd = strikeInAsset;
  let strikeConversion: OptionContract['strikeConversion'] = null;
  if (item.strikeAsset !== null) {
    const strike = tokens.require(item.strikeAsset.id, origin, 'strikeAsset');
    if (!isUsdStable(strike.symbol)) {
      strikeUsd = strikeInAsset * tokens.priceOf(strike.address, origin, 'strikeAsset');
      strikeConversion = { asset: strike.address, strikeInAsset: item.strikePrice };
    }
  }
  if (!(strikeUsd > 0) || !Number.isFinite(strikeUsd)) throw new IndexerError(`strikePrice ${item.strikePrice} of id ${id} is not a positive strike`, origin);
  const markUsd = item.lastPriceUSD === null ? null : decimalNumber(item.lastPriceUSD, origin, 'lastPriceUSD');
  if (markUsd !== null && markUsd < 0) throw new IndexerError(`lastPriceUSD ${item.lastPriceUSD} of id ${id} is negative`, origin);
  return {
    id,
    type: item.type === 'CALL' ? 'call' : 'put',
    pool: item.pool.id.toLowerCase(),
    underlying: underlying.address,
    collateral: collateral.address,
    sizeDecimals,
    strikeUsd,
    strikeConversion,
    expirySeconds: item.expirationTimestamp === null ? null : Number(item.expirationTimestamp),
    markUsd,
    item,
  };
}
