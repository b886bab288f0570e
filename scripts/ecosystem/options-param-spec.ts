/**
 * Published values of the options venue (Derive, formerly Lyra v2) and the price histories, with
 * their sources. `extract-params.ts` copies them into published-params.json next to the lending
 * values of param-spec.ts; the generator reads them from there only.
 *
 * The Derive values are copied as written in Solidity (`0.6e18`, `15 minutes`); universe.ts and
 * pmrm.ts turn them into fractions and seconds. The price histories are verbatim copies of Yahoo
 * Finance exports kept in data/params/ (`params_file`), checked by SHA-256 on every run.
 */
import type { LiteralSpec, SourceSpec } from './param-spec.js';

/** A source whose file is committed verbatim in data/params/ (not in the shared folder). */
export interface ParamsFileSource extends SourceSpec {
  params_file: string;
}

export const PRICE_SOURCES: Record<string, ParamsFileSource> = {
  'yahoo-eth-usd': {
    repo: 'AyushSrivastava27/EthVision',
    path: 'ETH-USD.csv',
    commit: '3787f9816cd0dffd5ee75518f2710e0823d55a67',
    date: '2017-11-09/2024-03-24 (daily bars, UTC days; file committed 2024-03-28)',
    params_file: 'ETH-USD.csv',
    note:
      'Yahoo Finance ETH-USD daily history export; the repository README says "The dataset I\'ve used in this project is taked from: ' +
      'https://finance.yahoo.com/quote/ETH-USD/history". Cross-checked: the Close column of AmineMrabet12/AI-Trading-Bot ETH-USD.csv ' +
      '(10bdc7ff7176e26b0624dc3484f8005add7a2756), Godwin-88/AlgoTrad algorithmic_trading_book-master/sat_source/chapter15/ETH-USD.csv ' +
      '(f309409ca6c55aaa1509b6d80cc236bb5b3bd57a) and KaushalParkar/dataset ETH-USD.csv (48055ace4d7252492725e683434696259688b002, 2 decimals) ' +
      'agree with it on every day from 2022-10-01 to 2023-11-30',
  },
  'yahoo-btc-usd': {
    repo: 'BheZelmat/BitCoin_Prediction_-_Forecasting_2024',
    path: 'BTC-USD.csv',
    commit: '57d2f3207737a561d516b21a62e43d8e578c89b9',
    date: '2014-09-17/2024-03-31 (daily bars, UTC days; file committed 2024-04-14)',
    params_file: 'BTC-USD.csv',
    note:
      'Yahoo Finance BTC-USD daily export (Yahoo column layout, starts on 2014-09-17 as Yahoo\'s BTC-USD history does; the README does not ' +
      'name the source). Cross-checked: AmineMrabet12/AI-Trading-Bot BTC-USD.csv (10bdc7ff7176e26b0624dc3484f8005add7a2756), ' +
      'Godwin-88/AlgoTrad algorithmic_trading_book-master/sat_source/chapter15/BTC-USD.csv (f309409ca6c55aaa1509b6d80cc236bb5b3bd57a) and ' +
      'KaushalParkar/dataset BTC-USD.csv (48055ace4d7252492725e683434696259688b002) agree on every close from 2022-10-01 to 2023-11-30',
  },
};

export const DERIVE_SOURCES: Record<string, SourceSpec> = {
  'derive-config-mainnet': {
    repo: 'derivexyz/v2-core',
    path: 'scripts/config-mainnet.sol',
    commit: '42a4e48c6bcde8b91afa24bb2ede748af10e7303',
    date: 'mainnet configuration as of the commit (2025-06-10); Lyra v2 (now Derive) launched in Jan 2024',
    note: 'getDefaultScenarios, getPMRMParams (PMRM v1), getSRMParams, getDefaultAuctionParam',
  },
  'derive-pmrm-lib': {
    repo: 'derivexyz/v2-core',
    path: 'src/risk-managers/PMRMLib.sol',
    commit: '57cdd00b780d3a8cb50c707b061063a020b2119d',
    date: 'protocol code (commit 2025-04-18)',
    note:
      'getMarginAndMarkToMarket: MM = min(basis contingency, worst scenario MtM change) - static contingency + MtM + cash; ' +
      '_addVolShocks, _addStaticDiscount, _addBasisContingency, _getOptionContingency (naked shorts netted per strike within an expiry)',
  },
  'lyra-utils-black76': {
    repo: 'derivexyz/lyra-utils',
    path: 'src/math/Black76.sol',
    commit: '1ca255d4d78cff8012ad50f566bf646153ec5eb7',
    date: 'library code',
    note: 'SECONDS_PER_YEAR = 365 days; put from call by parity; PMRMLib prices with discount 1e18',
  },
};

const cfg = (id: string, key: string, value: string): LiteralSpec => ({ id: `derive.${id}`, src: 'derive-config-mainnet', key, value });

/** Values as written in scripts/config-mainnet.sol. */
export const DERIVE_CONSTANTS: readonly LiteralSpec[] = [
  // getDefaultScenarios(): spot shock and the vol-shock directions run at it (U = Up, N = None, D = Down).
  cfg('scenarios', 'Config.getDefaultScenarios', '1.20e18:U|1.15e18:UND|1.10e18:UND|1.05e18:UND|1e18:UND|0.95e18:UND|0.90e18:UND|0.85e18:UND|0.80e18:U'),
  cfg('volRangeUp', 'Config.getPMRMParams.volShockParams.volRangeUp', '0.6e18'),
  cfg('volRangeDown', 'Config.getPMRMParams.volShockParams.volRangeDown', '0.3e18'),
  cfg('shortTermPower', 'Config.getPMRMParams.volShockParams.shortTermPower', '0.3e18'),
  cfg('longTermPower', 'Config.getPMRMParams.volShockParams.longTermPower', '0.13e18'),
  cfg('dteFloor', 'Config.getPMRMParams.volShockParams.dteFloor', '1 days'),
  cfg('imFactor', 'Config.getPMRMParams.marginParams.imFactor', '1.25e18'),
  cfg('baseStaticDiscount', 'Config.getPMRMParams.marginParams.baseStaticDiscount', '0.95e18'),
  cfg('rateMultScale', 'Config.getPMRMParams.marginParams.rateMultScale', '1e18'),
  cfg('rateAddScale', 'Config.getPMRMParams.marginParams.rateAddScale', '0.12e18'),
  cfg('scenarioSpotUp', 'Config.getPMRMParams.basisContParams.scenarioSpotUp', '1.05e18'),
  cfg('scenarioSpotDown', 'Config.getPMRMParams.basisContParams.scenarioSpotDown', '0.95e18'),
  cfg('basisContAddFactor', 'Config.getPMRMParams.basisContParams.basisContAddFactor', '1.0e18'),
  cfg('basisContMultFactor', 'Config.getPMRMParams.basisContParams.basisContMultFactor', '1.2e18'),
  cfg('pegLossThreshold', 'Config.getPMRMParams.otherContParams.pegLossThreshold', '0.99e18'),
  cfg('pegLossFactor', 'Config.getPMRMParams.otherContParams.pegLossFactor', '4e18'),
  cfg('confThreshold', 'Config.getPMRMParams.otherContParams.confThreshold', '0.55e18'),
  cfg('basePercent', 'Config.getPMRMParams.otherContParams.basePercent', '0.03e18'),
  cfg('perpPercent', 'Config.getPMRMParams.otherContParams.perpPercent', '0.03e18'),
  cfg('optionPercent', 'Config.getPMRMParams.otherContParams.optionPercent', '0.02e18'),
  cfg('startingMtMPercentage', 'Config.getDefaultAuctionParam.startingMtMPercentage', '0.95e18'),
  cfg('fastAuctionCutoffPercentage', 'Config.getDefaultAuctionParam.fastAuctionCutoffPercentage', '0.7e18'),
  cfg('fastAuctionLength', 'Config.getDefaultAuctionParam.fastAuctionLength', '15 minutes'),
  cfg('slowAuctionLength', 'Config.getDefaultAuctionParam.slowAuctionLength', '12 hours'),
  cfg('insolventAuctionLength', 'Config.getDefaultAuctionParam.insolventAuctionLength', '60 minutes'),
  cfg('liquidatorFeeRate', 'Config.getDefaultAuctionParam.liquidatorFeeRate', '0.1e18'),
  cfg('bufferMarginPercentage', 'Config.getDefaultAuctionParam.bufferMarginPercentage', '0.15e18'),
  // wstETH is standard-manager (SRM) collateral at Derive, not a PMRM v1 asset.
  cfg('srm.WSTETH.marginFactor', 'Config.getSRMParams("WSTETH").baseMarginParams.marginFactor', '0.8e18'),
  cfg('srm.WSTETH.IMScale', 'Config.getSRMParams("WSTETH").baseMarginParams.IMScale', '0.9375e18'),
  { id: 'lyra-utils.SECONDS_PER_YEAR', src: 'lyra-utils-black76', key: 'Black76.SECONDS_PER_YEAR', value: '365 days' },
];
