/**
 * The options venue end to end: chain → customer accounts (sized to the published open interest)
 * → market makers (the other side, holding the rest of the published TVL). Addresses are given
 * later, with the lending ones (generate-ecosystem.ts).
 */
import { buildChain, type OptionChain } from './options-chain.js';
import { customerAccounts, type FlowContext, type OptionAccount } from './options-flows.js';
import { marketMakers } from './options-market-makers.js';
import type { ParamBook } from './params.js';
import { pmrmParams, type PmrmParams } from './pmrm.js';
import type { Rng } from './prng.js';
import { price, type Universe } from './types.js';

export interface OptionsVenue {
  chain: OptionChain;
  pmrm: PmrmParams;
  accounts: OptionAccount[];
}

export function buildOptionsVenue(p: ParamBook, u: Universe, rng: (label: string) => Rng): OptionsVenue {
  const spot = price(u, 'ETH');
  const chain = buildChain(p, spot);
  const pmrm = pmrmParams(p);
  const f = 'lyra-short-put-2023-07-06';
  const oiUsd = p.fig(f, 'arbitrum_open_interest_usd') + p.fig(f, 'optimism_open_interest_usd');
  const tvlUsd = p.fig(f, 'arbitrum_tvl_usd') + p.fig(f, 'optimism_tvl_usd');
  const ctx: FlowContext = { chain, pmrm, stablePrice: price(u, 'USDC'), targetOiEth: oiUsd / spot, rng };
  const customers = customerAccounts(ctx);
  const customerUsd = customers.reduce((s, a) => s + a.collateral.reduce((t, c) => t + c.amount * price(u, c.asset), 0), 0);
  const mms = marketMakers(ctx, customers, tvlUsd - customerUsd, price(u, 'WETH'));
  return { chain, pmrm, accounts: [...customers, ...mms] };
}
