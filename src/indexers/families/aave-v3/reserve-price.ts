/**
 * A reserve's USD price from Aave's subgraph. `price.priceInEth` is, despite its name, what the
 * pool's AaveOracle returns: an amount of the base currency in base-currency units
 * (aave/protocol-subgraphs src/mapping/proxy-price-provider/v3.ts @ 975b22e9de8e09c28b1d797174e3b1b6fc6540d2
 * stores `getAssetPrice`; `handleBaseCurrencySet` stores the oracle's BaseCurrencySet). On Aave v3
 * markets the base currency is USD (address zero) with 8 decimals, which the subgraph itself
 * assumes when it writes `*AssetPriceUSD` (src/utils/constants.ts USD_PRECISION = 1e8, used in
 * src/mapping/lending-pool/v3.ts). The unit is read from the oracle entity; an unset unit (0, the
 * entity default when BaseCurrencySet was not indexed) falls back to that 1e8 with a warning; a
 * base currency other than USD is an error.
 */
import { IndexerError } from '../../errors.js';
import type { Origin } from '../../units.js';
import type { ReserveItem } from './items.js';

const USD_BASE = '0x0000000000000000000000000000000000000000';
const SUBGRAPH_USD_UNIT = 10n ** 8n;

export function reservePriceUsd(reserve: ReserveItem, origin: Origin): { priceUsd: number | null; warning: string | null } {
  const { priceInEth, oracle } = reserve.price;
  if (oracle.baseCurrency.toLowerCase() !== USD_BASE) {
    throw new IndexerError(`price.oracle.baseCurrency of id ${origin.id} is ${oracle.baseCurrency}, not USD (address zero): the pool's prices are not in USD`, origin);
  }
  let unit = BigInt(oracle.baseCurrencyUnit);
  let warning: string | null = null;
  if (unit === 0n) {
    unit = SUBGRAPH_USD_UNIT;
    warning = `price oracle ${oracle.id} has no base currency unit indexed; prices read as USD with 8 decimals, as the subgraph does`;
  }
  if (!/^10*$/.test(unit.toString())) throw new IndexerError(`price.oracle.baseCurrencyUnit ${unit} of id ${origin.id} is not a power of ten`, origin);
  const priceUsd = Number(BigInt(priceInEth)) / Number(unit);
  return { priceUsd: priceUsd > 0 ? priceUsd : null, warning };
}
