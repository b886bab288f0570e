/**
 * Options accounts: equity with per-asset haircuts, margin ratio and liquidatable flags; close-out
 * by fixed bonus or Derive's Dutch auction; the shortfall waterfall (insurance fund → socialised
 * across profitable accounts → bad debt), in integer cents.
 *
 *   collateral + positions + marks + maintenance (src/risk/margin)
 *       ──► accountEquity ──► closeOutAccounts (fixed-bonus | dutch-auction) ──► shortfallWaterfall
 */
export { OptionsAccountError } from './errors.js';
export { addCents, centsToUsd, toCents } from './cents.js';
export { splitProRata } from './pro-rata.js';
export { accountEquity, type AccountEquity, type CollateralColumns, type OptionsAccountsInput } from './account-equity.js';
export {
  auctionDiscount, auctionPriceFraction, checkAuctionParams, clearInsolventAuction, clearSolventAuction, DERIVE_AUCTION,
  type AuctionClearing, type DutchAuctionParams, type LiquidatorAppetite,
} from './dutch-auction.js';
export { CLOSE_OUT_DEFAULTS, CLOSE_OUT_PHASES, closeOutAccounts, type CloseOutResult, type LiquidationMode } from './close-out.js';
export { shortfallWaterfall, WATERFALL_DEFAULTS, type WaterfallInput, type WaterfallOptions, type WaterfallResult } from './shortfall-waterfall.js';
