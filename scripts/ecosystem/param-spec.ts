/**
 * Which published parameter values the dataset uses and where each one sits in its source file.
 * `extract-params.ts` reads these from ../shared/data/protocol-params/ (when that folder exists)
 * into data/params/published-params.json; the generator reads only the JSON, so the committed
 * dataset can be rebuilt from a clone that lacks the shared folder.
 */

export interface ValueSpec {
  id: string;
  /** Key of `sources` in published-params.json. */
  src: string;
  /** JSON: dot path (`reserves.0xC02a….ltv`). CSV: `row[column=value].column`. */
  key: string;
}

/** Token contracts as they appear as reserve keys in the Aave reports (checksummed). */
export const ETHEREUM_TOKENS: Record<string, string> = {
  WETH: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
  wstETH: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0',
  cbETH: '0xBe9895146f7AF43049ca1c1AE358B0541Ea49704',
  WBTC: '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599',
  USDC: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  USDT: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
  DAI: '0x6B175474E89094C44Da98b954EedeAC495271d0F',
  UNI: '0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984',
  LINK: '0x514910771AF9Ca656af840dff83E8264EcF986CA',
};

/**
 * Arbitrum reserves used. USDC is the native (Circle-issued) token 0xaf88…; the bridged USDC.e
 * (0xFF97…) is a separate reserve and is left out, because the Gauntlet "USDC" row of Jan 2024
 * (caps 120M/128M) is the native one: USDC.e is listed there separately with 24M/26M caps.
 */
export const ARBITRUM_TOKENS: Record<string, string> = {
  WETH: '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1',
  wstETH: '0x5979D7b546E38E414F7E9822514be443A4800529',
  WBTC: '0x2f2a2543B76A4166549F7aaB2e75Bef0aefC5B0f',
  USDC: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831',
  USDT: '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9',
  DAI: '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1',
  LINK: '0xf97f4df75117a78c1A5a0DBb814Af92458539FB4',
};

/**
 * Morpho Blue markets for the pairs named in public posts of early 2024. The list holds several
 * markets per pair and LLTV (they differ by oracle); for each pair the id taken is the one that
 * other public code and dashboards refer to as "the" market for that pair (e.g. the ids hard-coded
 * in liquidation bots and vault configs found through code search). The choice is by usage, not by
 * a published size ranking, which does not exist in the list.
 */
export const MORPHO_MARKETS: readonly string[] = [
  '0xc54d7acf14de29e0e5527cabd7a576506870346a78a11a6762e2cca66322ec41', // wstETH/WETH 94.5%
  '0xb323495f7e4148be5643a4ea4a8221eef163e4bccfdedc2a6f4696baacbc86cc', // wstETH/USDC 86%
  '0x3a85e619751152991742810df6ec69ce473daef99e28a64ab2340d7b7ccfee49', // WBTC/USDC 86%
  '0x7dde86a1e94561d9690ec678db673c1a6396365f7d1d65e129c5fff0990ff758', // WETH/USDC 86%
  '0xe7e9694b754c4d4f7e21faf7223f6fa71abaeb10296a4c43a54a7977149687d2', // wstETH/USDT 86%
  '0xa921ef34e2fc7a27ccc50ae7e4b154e16c9799d3387076c421423ef52ac4df99', // WBTC/USDT 86%
];

export const COMET_COLLATERAL: Record<string, readonly string[]> = {
  cUSDCv3: ['WETH', 'WBTC', 'UNI', 'LINK'],
  cWETHv3: ['wstETH', 'cbETH'],
};

const RESERVE_FIELDS = ['ltv', 'liquidationThreshold', 'liquidationBonus', 'supplyCap', 'borrowCap'];

export function valueSpecs(): ValueSpec[] {
  const specs: ValueSpec[] = [];
  for (const [sym, addr] of Object.entries(ETHEREUM_TOKENS)) {
    for (const f of ['decimals', 'oracleLatestAnswer', 'oracleDecimals', 'underlying']) {
      specs.push({ id: `asset.${sym}.${f}`, src: 'aave-eth-report', key: `reserves.${addr}.${f}` });
    }
    for (const f of RESERVE_FIELDS) specs.push({ id: `aave-v3.${sym}.${f}`, src: 'aave-eth-report', key: `reserves.${addr}.${f}` });
  }
  // Isolation mode: UNI has a debt ceiling; only reserves flagged borrowable-in-isolation may be its debt.
  specs.push({ id: 'aave-v3.UNI.debtCeiling', src: 'aave-eth-report', key: `reserves.${ETHEREUM_TOKENS.UNI}.debtCeiling` });
  for (const sym of ['USDC', 'USDT', 'DAI']) {
    const key = `reserves.${ETHEREUM_TOKENS[sym]}.isBorrowableInIsolation`;
    specs.push({ id: `aave-v3.${sym}.isBorrowableInIsolation`, src: 'aave-eth-report', key });
  }
  for (const [sym, addr] of Object.entries(ARBITRUM_TOKENS)) {
    for (const f of [...RESERVE_FIELDS, 'underlying']) {
      specs.push({ id: `aave-v3-arbitrum.${sym}.${f}`, src: 'aave-arb-report', key: `reserves.${addr}.${f}` });
    }
  }
  for (const [market, src] of [['cUSDCv3', 'comet-usdc-config'], ['cWETHv3', 'comet-weth-config']] as const) {
    specs.push({ id: `compound-v3.${market}.baseToken`, src, key: 'baseToken' });
    specs.push({ id: `compound-v3.${market}.storeFrontPriceFactor`, src, key: 'storeFrontPriceFactor' });
    for (const sym of COMET_COLLATERAL[market]) {
      for (const f of ['borrowCF', 'liquidateCF', 'liquidationFactor']) {
        specs.push({ id: `compound-v3.${market}.${sym}.${f}`, src, key: `assets.${sym}.${f}` });
      }
    }
  }
  for (const id of MORPHO_MARKETS) {
    for (const f of ['loan_symbol', 'collateral_symbol', 'lltv', 'loan_token', 'collateral_token', 'oracle', 'irm']) {
      specs.push({ id: `morpho-blue.${id}.${f}`, src: 'morpho-markets', key: `row[market_id=${id}].${f}` });
    }
  }
  return specs;
}

export interface SourceSpec {
  repo: string;
  path: string;
  commit: string;
  /** Date the data describes (not the commit date, unless noted). */
  date: string;
  /** File name in ../shared/data/protocol-params/ when a verbatim copy is kept there. */
  local_file?: string;
  note?: string;
}

export const SOURCES: Record<string, SourceSpec> = {
  'aave-eth-report': {
    repo: 'bgd-labs/aave-proposals-v3',
    path: 'reports/AaveV3Ethereum_UpgradeAaveV3ETHPooolWETHParameters_20231031_after.json',
    commit: '4d6a3d98fed47711e2f3eca6c59e4beb29b83967',
    date: '2023-10-31',
    local_file: 'AaveV3Ethereum_UpgradeAaveV3ETHPooolWETHParameters_20231031_after.json',
    note: 'fork-state snapshot named by proposal date; oracleLatestAnswer is the Chainlink answer (8 decimals, USD) at the forked block',
  },
  'aave-arb-report': {
    repo: 'bgd-labs/aave-proposals-v3',
    path: 'reports/AaveV3Arbitrum_MAIMIMATICDeprecation20231031_20231031_after.json',
    commit: '4a537c7020bd950b5b1edb038e8e492010b57657',
    date: '2023-10-31',
    local_file: 'AaveV3Arbitrum_MAIMIMATICDeprecation20231031_20231031_after.json',
  },
  'comet-usdc-config': {
    repo: 'compound-finance/comet',
    path: 'deployments/mainnet/usdc/configuration.json',
    commit: '3daf2050c7cf51c599fce3eb42619426cb4b4682',
    date: '2022-08-11',
    local_file: 'compound-v3-mainnet-usdc.json',
    note: 'deployment configuration as of the commit date; governance may have changed on-chain values since',
  },
  'comet-weth-config': {
    repo: 'compound-finance/comet',
    path: 'deployments/mainnet/weth/configuration.json',
    commit: '17a6e7ac032d9adac209c20b4a9ff9051a599bb4',
    date: '2023-01-06',
    local_file: 'compound-v3-mainnet-weth.json',
    note: 'deployment configuration as of the commit date; governance may have changed on-chain values since',
  },
  'morpho-markets': {
    repo: 'karpatkey/defi-kit',
    path: 'sdk/src/protocols/morpho/markets/_ethInfo.ts',
    commit: '57d740cad25d5d0df0a5441a3430ab535bc45409',
    date: 'immutable market parameters (list commit dated 2026-06-16)',
    local_file: 'morpho-blue-markets.csv',
    note: 'values extracted from a data table in a TypeScript file; ids re-derived as keccak256(abi.encode(params))',
  },
  'aave-liquidation-log': {
    repo: 'Feelinx-crypto/defi-liquidation-risk-visual',
    path: 'data/aave_liqs_ethscan.csv',
    commit: 'e7bf2409d22a6b9c983f0f2a22f8f61fb6a9fea5',
    date: '2025-01-09/2025-10-15',
    local_file: 'aave_liqs_ethscan.csv',
    note: 'Aave v3 Ethereum LiquidationCall logs from Etherscan: block, timestamp, tx hash, log index only',
  },
  'aave-v3-core-liquidation-logic': {
    repo: 'aave/aave-v3-core',
    path: 'contracts/protocol/libraries/logic/LiquidationLogic.sol',
    commit: 'e0bfed13240adeb7f05cb6cbe5e7ce78657f0621',
    date: 'protocol constant (Aave v3 core)',
  },
  'morpho-blue-constants': {
    repo: 'morpho-org/morpho-blue',
    path: 'src/libraries/ConstantsLib.sol',
    commit: '04d77eea0e917a240dc0855f7a72562f0d5c6964',
    date: 'protocol constant (immutable contract)',
  },
  'morpho-blue-liquidate': {
    repo: 'morpho-org/morpho-blue',
    path: 'src/Morpho.sol',
    commit: '0187e946cc91a2d177a0c76806c9dc797ea468a0',
    date: 'protocol code (immutable contract)',
    note: 'liquidate(): liquidationIncentiveFactor = min(MAX_LIQUIDATION_INCENTIVE_FACTOR, WAD / (WAD - LIQUIDATION_CURSOR * (WAD - lltv)))',
  },
  'comet-absorb': {
    repo: 'compound-finance/comet',
    path: 'contracts/Comet.sol',
    commit: '00555272bf57357c107852f944e5192489c1168a',
    date: 'protocol code',
    note: 'absorbInternal(): the account is credited with collateral value x liquidationFactor, so it loses (1 - liquidationFactor) of the seized value',
  },
};

export interface LiteralSpec extends ValueSpec {
  value: number | string;
}

/** Values read from protocol source code (not kept in the shared folder), copied as written there. */
export const CODE_CONSTANTS: readonly LiteralSpec[] = [
  { id: 'aave-v3.DEFAULT_LIQUIDATION_CLOSE_FACTOR', src: 'aave-v3-core-liquidation-logic', key: 'LiquidationLogic.DEFAULT_LIQUIDATION_CLOSE_FACTOR', value: '0.5e4' },
  { id: 'aave-v3.CLOSE_FACTOR_HF_THRESHOLD', src: 'aave-v3-core-liquidation-logic', key: 'LiquidationLogic.CLOSE_FACTOR_HF_THRESHOLD', value: '0.95e18' },
  { id: 'morpho-blue.LIQUIDATION_CURSOR', src: 'morpho-blue-constants', key: 'LIQUIDATION_CURSOR', value: '0.3e18' },
  { id: 'morpho-blue.MAX_LIQUIDATION_INCENTIVE_FACTOR', src: 'morpho-blue-constants', key: 'MAX_LIQUIDATION_INCENTIVE_FACTOR', value: '1.15e18' },
];
