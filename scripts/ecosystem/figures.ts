/**
 * Public figures (risk-provider and curator posts) that the balances are calibrated to, copied
 * with their address, the period they describe and the passage quoted. They were gathered in
 * /tmp/research/public-figures.md; `extract-params.ts` writes them into published-params.json.
 * Percentages are stored as fractions, "1,580,000K" as 1580000000 (whole tokens).
 */

export interface FigureGroup {
  url: string;
  date: string;
  quote: string;
  note?: string;
  values: Record<string, number>;
}

/** asset -> [borrow cap, supply cap, avg borrow-cap usage, avg supply-cap usage, DEX 25% slippage tokens | null] */
type CapRow = readonly [number, number, number, number, number | null];

function capTable(rows: Record<string, CapRow>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [sym, [bc, sc, bu, su, slip]] of Object.entries(rows)) {
    out[`${sym}.borrow_cap`] = bc;
    out[`${sym}.supply_cap`] = sc;
    out[`${sym}.borrow_cap_usage`] = bu;
    out[`${sym}.supply_cap_usage`] = su;
    if (slip !== null) out[`${sym}.dex_25pct_slippage_tokens`] = slip;
  }
  return out;
}

export const FIGURES: Record<string, FigureGroup> = {
  'gauntlet-aave-eth-2024-01-25': {
    url: 'https://governance.aave.com/t/gauntlet-weekly-v3-ethereum-market-update/16327',
    date: '2024-01-19/2024-01-25',
    quote:
      'Asset | Current Borrow Cap | Current Supply Cap | Average Borrow Cap Usage (Past Week) | Average Supply Cap Usage (Past Week) | Current DEX 25% Slippage (Tokens) | ... ' +
      'USDC 1,580,000K 1,760,000K 34% 34% 417,758K; USDT 930,000K 1,000,000K 56% 59% 210,835K; DAI 271,000K 338,000K 38% 34% None; ' +
      'LINK 13,000K 15,000K 0% 52% 1,642K; WETH 1,400K 1,800K 30% 34% 130K; WBTC 28K 43K 6% 44% 4K; wstETH 24K 1,100K 16% 77% 60K; ' +
      'cbETH 2K 60K 20% 22% 2K; UNI 500K 4,000K 8% 51% 1,384K',
    note: 'Same post: "approximately $600 million in liquidity from the largest wstETH supplier, which is four times greater than that of the second largest supplier of wstETH."',
    values: capTable({
      USDC: [1_580_000_000, 1_760_000_000, 0.34, 0.34, 417_758_000],
      USDT: [930_000_000, 1_000_000_000, 0.56, 0.59, 210_835_000],
      DAI: [271_000_000, 338_000_000, 0.38, 0.34, null],
      LINK: [13_000_000, 15_000_000, 0, 0.52, 1_642_000],
      WETH: [1_400_000, 1_800_000, 0.3, 0.34, 130_000],
      WBTC: [28_000, 43_000, 0.06, 0.44, 4_000],
      wstETH: [24_000, 1_100_000, 0.16, 0.77, 60_000],
      cbETH: [2_000, 60_000, 0.2, 0.22, 2_000],
      UNI: [500_000, 4_000_000, 0.08, 0.51, 1_384_000],
    }),
  },
  'gauntlet-aave-eth-2024-01-18': {
    url: 'https://governance.aave.com/t/gauntlet-weekly-v3-ethereum-market-update/16327',
    date: '2024-01-12/2024-01-18',
    quote: 'DAI 271,000.00K 338,000.00K 35.07% 31.74% 381,559.26K 381,540.45K',
    note: 'Used only for the DAI DEX depth, which the 2024-01-25 table gives as "None".',
    values: { 'DAI.dex_25pct_slippage_tokens': 381_559_260 },
  },
  'gauntlet-aave-arb-2024-02-01': {
    url: 'https://governance.aave.com/t/gauntlet-weekly-v3-arbitrum-market-update/16518',
    date: '2024-01-26/2024-02-01',
    quote:
      'USDC $120.00M $128.00M 46.85% 49.09%; USDT $35.00M $50.00M 50.00% 38.75%; DAI $30.00M $50.00M 21.98% 14.65%; ' +
      'LINK $484.49K $1.80M 17.85% 86.24%; WETH $40.00K $70.00K 67.78% 65.48%; wstETH $2.40K $60.00K 14.03% 63.00%; WBTC $1.11K $4.20K 9.12% 43.80%',
    note: 'Caps are token counts despite the "$" prefix (e.g. WETH 40.00K).',
    values: capTable({
      USDC: [120_000_000, 128_000_000, 0.4685, 0.4909, null],
      USDT: [35_000_000, 50_000_000, 0.5, 0.3875, null],
      DAI: [30_000_000, 50_000_000, 0.2198, 0.1465, null],
      LINK: [484_490, 1_800_000, 0.1785, 0.8624, null],
      WETH: [40_000, 70_000, 0.6778, 0.6548, null],
      wstETH: [2_400, 60_000, 0.1403, 0.63, null],
      WBTC: [1_110, 4_200, 0.0912, 0.438, null],
    }),
  },
  'gauntlet-comet-usdc-2023-07-20': {
    url: 'https://www.comp.xyz/t/gauntlet-recommendations-ethereum-compound-v3-usdc-risk-parameter-changes-7-20-23/4504',
    date: '2023-07-20',
    quote:
      'Increase WETH supply cap from 350k tokens ... WBTC supply cap from 12k tokens ... UNI supply cap from 2.3M tokens ... LINK supply cap from 1.25M tokens; ' +
      'Decrease WETH supply cap utilization from 60.7% ... WBTC from 77.2% ... UNI from 100% ... LINK from 92.0%',
    values: {
      'WETH.supply_cap': 350_000, 'WETH.supply_cap_usage': 0.607,
      'WBTC.supply_cap': 12_000, 'WBTC.supply_cap_usage': 0.772,
      'UNI.supply_cap': 2_300_000, 'UNI.supply_cap_usage': 1,
      'LINK.supply_cap': 1_250_000, 'LINK.supply_cap_usage': 0.92,
    },
  },
  'gauntlet-comet-usdc-2023-07-28': {
    url: 'https://www.comp.xyz/t/gauntlet-weekly-market-updates-ethereum-usdc/4538',
    date: '2023-07-21/2023-07-28',
    quote: 'Total Collateral (USD) is down 0.77%, from $748.65M to $742.87M. USDC Borrows are down 0.51%, from $363.31M to $361.45M.',
    values: { usdc_borrows_usd: 361_450_000, total_collateral_usd: 742_870_000 },
  },
  'gauntlet-comet-weth-2023-11-03': {
    url: 'https://www.comp.xyz/t/gauntlet-weekly-market-updates-ethereum-weth/4541/21',
    date: '2023-11-03 (start of the 2023-11-03/2023-11-09 week)',
    quote: 'WETH Borrows are down 29.72%, from 21.94k ($46.55M) to 15.42k ($32.72M) ... Total Collateral (USD) is down 32.66%, from $52.65M to $35.45M.',
    note: 'Gauntlet normalizes collateral USD values to end-date (2023-11-09) token prices.',
    values: { weth_borrows_tokens: 21_940, weth_borrows_usd: 46_550_000, total_collateral_usd: 52_650_000 },
  },
  'gauntlet-comet-weth-2023-07-28': {
    url: 'https://www.comp.xyz/t/gauntlet-weekly-market-updates-ethereum-weth/4541',
    date: '2023-07-21/2023-07-28',
    quote: 'wstETH (39.6%) and cbETH (2.1%) both have supply cap utilizations < 75%.',
    values: { 'wstETH.supply_cap_usage': 0.396, 'cbETH.supply_cap_usage': 0.021 },
  },
  'block-analitica-morpho-2024-02-20': {
    url: 'https://forum.morpho.org/t/block-analitica-market-update-and-bbeth-sdai-market-listing/468',
    date: '~2024-02-20',
    quote:
      'Total deposits in Morpho Blue have reached over 120M$ ... Borrows on Morpho Blue have reached 50M$ ... with 54% coming from the wETH/wstETH market; ' +
      'WBTC to be the second most popular collateral on Morpho Blue',
    values: { deposits_usd: 120_000_000, borrows_usd: 50_000_000, wsteth_weth_borrow_share: 0.54 },
  },
  'chaos-aave-2024-04-13': {
    url: 'https://governance.aave.com/t/chaos-labs-market-alert-high-price-volatility-and-liquidations-04-13-2024/17360',
    date: '2024-04-12/2024-04-13',
    quote: 'liquidations totaling over $65 million ... 4,250 events across 1,858 unique accounts and were executed by 70 distinct liquidators',
    values: { distinct_liquidators: 70, events: 4_250, accounts: 1_858 },
  },
  'chaos-aave-wsteth-2024-11-25': {
    url: 'https://governance.aave.com/t/arfc-chaos-labs-risk-stewards-increase-supply-and-borrow-caps-on-aave-v3-11-25-24/19944',
    date: '2024-11-25',
    quote: 'the largest position is 102.46K wstETH out of 1.04M in the market',
    values: { largest_position_tokens: 102_460, market_tokens: 1_040_000 },
  },
};
