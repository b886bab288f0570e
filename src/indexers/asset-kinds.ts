import type { AssetKind } from '../model/ecosystem.js';

// Classification by symbol for assets read from chain, where no source says what a token is.
// Lists hold widely used tokens; anything else is 'other' and can be corrected in a later import.
const STABLE = new Set(['USDC', 'USDC.E', 'USDBC', 'USDT', 'USDT0', 'DAI', 'FRAX', 'LUSD', 'GHO', 'PYUSD', 'USDE', 'CRVUSD', 'TUSD', 'USDP', 'GUSD', 'BUSD', 'SUSD', 'MIM', 'DOLA', 'EURC', 'EURS', 'USDS', 'RLUSD']);
const LIQUID_STAKING = new Set(['STETH', 'WSTETH', 'RETH', 'CBETH', 'WEETH', 'EZETH', 'RSETH', 'OSETH', 'ETHX', 'SFRXETH', 'FRXETH', 'METH', 'SWETH', 'ANKRETH', 'LSETH', 'CBBTC', 'LBTC', 'SOLVBTC', 'STMATIC', 'MATICX', 'SAVAX', 'BNBX']);
const NATIVE = new Set(['ETH', 'WETH', 'BTC', 'MATIC', 'WMATIC', 'POL', 'WPOL', 'AVAX', 'WAVAX', 'BNB', 'WBNB', 'FTM', 'WFTM', 'XDAI', 'WXDAI', 'CELO', 'METIS']);
const GOVERNANCE = new Set(['AAVE', 'UNI', 'COMP', 'MKR', 'CRV', 'LDO', 'BAL', 'SNX', 'SUSHI', 'YFI', '1INCH', 'ENS', 'RPL', 'GMX', 'ARB', 'OP', 'CVX', 'FXS', 'MORPHO', 'SPELL', 'STG', 'KNC', 'LQTY', 'RDNT', 'XVS', 'EUL']);
const RECEIPT_PREFIXES = [/^a[A-Z]/, /^c[A-Z]/, /^variableDebt/, /^stableDebt/, /^s(DAI|USDS|USDe|FRAX)$/, /^yv/, /^steak/i];

/**
 * A token's kind from its symbol: stable, lst, native (chain coins and their wrappers), governance,
 * receipt (aTokens, cTokens, vault shares) or other. Used where a subgraph gives only a symbol.
 */
export function classifyAsset(symbol: string): AssetKind {
  const upper = symbol.toUpperCase();
  if (STABLE.has(upper)) return 'stable';
  if (LIQUID_STAKING.has(upper)) return 'lst';
  if (NATIVE.has(upper)) return 'native';
  if (GOVERNANCE.has(upper)) return 'governance';
  if (RECEIPT_PREFIXES.some((pattern) => pattern.test(symbol))) return 'receipt';
  return 'other';
}

/** The asset a wrapper or liquid-staking token stands for, where that is common knowledge. */
export function knownUnderlying(symbol: string): string | null {
  const upper = symbol.toUpperCase();
  if (['WETH', 'STETH', 'WSTETH', 'RETH', 'CBETH', 'WEETH', 'EZETH', 'RSETH', 'OSETH', 'ETHX', 'SFRXETH', 'METH'].includes(upper)) return 'ETH';
  if (['WBTC', 'CBBTC', 'LBTC', 'TBTC'].includes(upper)) return 'BTC';
  if (upper === 'SDAI') return 'DAI';
  return null;
}
