import type { OptionPositionTable, OptionTable, PriceHistoryTable } from './ecosystem.js';

/** Options and price-history tables with no rows, for snapshots built by hand (tests, notebooks). */
export function emptyOptionTables(): { options: OptionTable; optionPositions: OptionPositionTable; priceHistory: PriceHistoryTable } {
  return {
    options: {
      protocol: new Int32Array(0), optionId: [], underlying: new Int32Array(0), isCall: new Uint8Array(0),
      strikeUsd: new Float64Array(0), expiryYears: new Float64Array(0), markUsd: new Float64Array(0), impliedVol: new Float64Array(0),
    },
    optionPositions: { account: new Int32Array(0), option: new Int32Array(0), size: new Float64Array(0) },
    priceHistory: { asset: new Int32Array(0), unixSeconds: new Float64Array(0), priceUsd: new Float64Array(0) },
  };
}
