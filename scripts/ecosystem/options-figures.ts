/**
 * Public figures behind the options venue's size and its implied-volatility level, copied with
 * their address, date and the passage quoted (same shape as figures.ts). No figure here is for the
 * exact snapshot date: see data/README.md, "Options venue", for how each one is used.
 */
import type { FigureGroup } from './figures.js';

export const OPTIONS_FIGURES: Record<string, FigureGroup> = {
  'lyra-short-put-2023-07-06': {
    url: 'https://medium.com/@LyraShortPut/the-lyra-short-put-20-9ce65f905b33',
    date: '2023-06 (month-end figures, published 2023-07-06)',
    quote:
      "Turning our attention to the Total Value Locked (TVL), Arbitrum's figures showed a 7.7% contraction, from $15,415,006 to $14,226,725. ... " +
      'Optimism, which marked an 8.1% growth in its TVL from $6,026,774 to $6,515,924. ... Arbitrum experienced an 18.9% reduction, moving from 808 to 655 ' +
      'unique users. In contrast, the user base on Optimism ... expanding from 138 to 321 unique users. ... the open interest on both chains ... ' +
      'Arbitrum saw a drop from $26,012,675 to $12,753,824. Optimism, on the other hand, reported an increase from $2,180,206 to a record-breaking $4,941,496.',
    note: 'Lyra v1 (AMM on Arbitrum and Optimism), all markets; the latest Lyra open-interest and TVL figures found before the snapshot date.',
    values: {
      arbitrum_open_interest_usd: 12_753_824,
      optimism_open_interest_usd: 4_941_496,
      arbitrum_tvl_usd: 14_226_725,
      optimism_tvl_usd: 6_515_924,
      arbitrum_unique_users: 655,
      optimism_unique_users: 321,
    },
  },
  'blockscholes-2023-10': {
    url: 'https://blockscholes.com/research/october-2023-crypto-volatility-review',
    date: '2023-10 (monthly review)',
    quote:
      'October has brought implied volatility back into the mid-50s once again, as strong demand for participation in any further upwards moves ' +
      "sees the skew of both majors volatility smiles move further towards calls. ... BTC's out-sized move took its 90-day realised volatility 1.1 times higher than ETH's",
    note: '"mid-50s" stored as 0.55; read as the BTC level, since the same review puts the BTC/ETH volatility ratio at its highest since 2019.',
    values: { implied_vol_level: 0.55 },
  },
  'bitooda-2023-10-13': {
    url: 'http://www.bitooda.io/research/volatility-update-10-13-23',
    date: '2023-10-13 (weekly)',
    quote: 'Implied volatility during this period has remained at a BTC premium of roughly 3%.',
    values: { btc_premium_vol_points: 0.03 },
  },
  'bitooda-2023-10-27': {
    url: 'http://www.bitooda.io/research/volatility-update-10-27-23',
    date: '2023-10-27 (weekly)',
    quote:
      "The positive correlation between futures and Implied Volatility (IV) continued to hold, with the front end of the curve witnessing a robust 5% increase from Friday's closing levels. ... " +
      'To capitalize on this elevated call skew before the weekend, we recommend considering buying a covered ETH call butterfly strategy.',
    values: { front_end_iv_increase: 0.05 },
  },
  'coindesk-eth-dvol-2023-05-08': {
    url: 'https://www.coindesk.com/markets/2023/05/08/ether-volatility-measure-hits-record-low/',
    date: '2023-05-06/2023-05-07',
    quote:
      "The DVOL index, which calculates ether's annualized 30-day implied volatility or expectations for price turbulence over the next four weeks, fell to a record low of 51 over the weekend",
    note: 'A floor for the assumed level: ETH 30-day implied vol had not been below 51% by May 2023.',
    values: { eth_dvol_record_low: 51 },
  },
};
