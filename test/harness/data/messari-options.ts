/**
 * A Messari derivatives-options subgraph (schema-derivatives-options) for a Lyra-like venue: one
 * pool per underlying (the underlying and USDC as input tokens), a strike ladder of calls and
 * puts over a few expiries, and accounts' positions with the spot price they were taken at and
 * the premium paid (a near-ATM approximation, 0.4·σ·√T of spot plus intrinsic value: enough for
 * plausible magnitudes, not a pricing model). Ids are Bytes: options and pools are addresses,
 * positions `<account><option><counter as 4 bytes>` (Messari's account-option-counter, concatenated).
 */
import { defaultBlockTimestamp } from '../chain.js';
import { decimal, toRaw } from './amounts.js';
import { EntitySetBuilder, type GeneratedData } from './entity-set.js';
import { entityFiller } from './fill-defaults.js';
import { createRng } from './prng.js';
import { TOKEN_CATALOGUE } from './token-catalogue.js';

export interface MessariOptionsOptions {
  readonly seed: number;
  readonly accounts: number;
  /** Options (strike × expiry × call/put) per pool (default 24). */
  readonly optionsPerPool?: number;
  /** Pools, one per underlying: WETH, WBTC, then others (default 2). */
  readonly pools?: number;
  readonly block?: number;
}

/** Lyra's option market on Ethereum as the protocol id (any stable address would do). */
export const MESSARI_OPTIONS_PROTOCOL_ID = '0x1d42a98848e022908069c2c545ae44cc78509bc8';
const DAY = 86_400;
const VOLATILITY = 0.6;

export function messariOptionsData(options: MessariOptionsOptions): GeneratedData {
  const rng = createRng(options.seed);
  const block = options.block ?? 18_460_000;
  const timestamp = defaultBlockTimestamp(block);
  const fill = entityFiller('messari-options');
  const out = new EntitySetBuilder();
  const usdc = TOKEN_CATALOGUE.find((t) => t.symbol === 'USDC')!;
  const underlyings = ['WETH', 'WBTC', 'LINK', 'UNI'].slice(0, options.pools ?? 2).map((s) => TOKEN_CATALOGUE.find((t) => t.symbol === s)!);
  for (const token of [usdc, ...underlyings]) {
    out.add('Token', fill('Token', { id: token.address, name: token.name, symbol: token.symbol, decimals: token.decimals, lastPriceUSD: decimal(token.priceUsd), lastPriceBlockNumber: String(block) }));
  }
  const counters = new Map<string, number>();
  const accounts = Array.from({ length: options.accounts }, () => ({ id: rng.address(), open: 0, closed: 0, exercised: 0, puts: 0, calls: 0, premiumUsd: 0 }));

  for (const underlying of underlyings) {
    const poolId = rng.address();
    const feeId = rng.address();
    out.add('LiquidityPoolFee', fill('LiquidityPoolFee', { id: feeId, feePercentage: '0.3', feeType: 'FIXED_TRADING_FEE' }));
    const optionIds: string[] = [];
    let openInterestUsd = 0;
    for (let i = 0; i < (options.optionsPerPool ?? 24); i++) {
      const type = i % 2 === 0 ? 'CALL' : 'PUT';
      const expiryDays = [7, 14, 30, 90][Math.floor(i / 2) % 4]!;
      const strike = roundStrike(underlying.priceUsd * (0.7 + 0.6 * rng.next()));
      const expiry = timestamp + expiryDays * DAY;
      const date = new Date(expiry * 1000).toISOString().slice(0, 10).replaceAll('-', '');
      const premium = (spot: number) => optionPremium(type, spot, strike, expiryDays);
      const id = rng.address();
      optionIds.push(id);
      let contracts = 0;
      for (let p = 0, n = rng.int(0, Math.max(1, Math.round(options.accounts / 8))); p < n; p++) {
        const account = rng.pick(accounts);
        const takenBlock = block - rng.int(100, 40_000);
        const spot = underlying.priceUsd * rng.float(0.9, 1.1);
        const size = rng.lognormal(underlying.priceUsd > 10_000 ? 0.5 : 5, 1);
        const closed = rng.chance(0.2);
        const closedBlock = closed ? rng.int(takenBlock + 1, block) : null;
        const counter = counters.get(account.id + id) ?? 0;
        counters.set(account.id + id, counter + 1);
        out.add('Position', fill('Position', {
          id: `${account.id}${id.slice(2)}${counter.toString(16).padStart(8, '0')}`, pool: poolId, option: id, account: account.id, asset: underlying.address,
          takenHash: rng.hash(), takenBlockNumber: String(takenBlock), takenTimestamp: String(defaultBlockTimestamp(takenBlock)),
          closedTimestamp: closedBlock === null ? null : String(defaultBlockTimestamp(closedBlock)), closedBlockNumber: closedBlock === null ? null : String(closedBlock),
          closedPriceUSD: closed ? decimal(spot * rng.float(0.9, 1.1), 2) : null, takenPrice: decimal(spot, 2),
          premium: toRaw((premium(spot) * size) / underlying.priceUsd, underlying.decimals), premiumUSD: decimal(premium(spot) * size, 2),
          amount: toRaw(size, underlying.decimals), amountUSD: decimal(size * spot, 2),
        }));
        account[closed ? 'closed' : 'open']++;
        account[type === 'CALL' ? 'calls' : 'puts']++;
        account.premiumUsd += premium(spot) * size;
        if (!closed) contracts += size;
      }
      openInterestUsd += contracts * underlying.priceUsd;
      out.add('Option', fill('Option', {
        id, type, pool: poolId, name: `${underlying.symbol}-${date}-${strike}-${type[0]}`, symbol: `${underlying.symbol}-${date}-${strike}-${type[0]}`,
        underlyingAsset: underlying.address, strikeAsset: usdc.address, collateralAsset: type === 'CALL' ? underlying.address : usdc.address,
        strikePrice: decimal(strike), expirationTimestamp: String(expiry), createdTimestamp: String(timestamp - rng.int(1, 30) * DAY),
        lastPriceUSD: decimal(premium(underlying.priceUsd), 4), lastPriceBlockNumber: String(block), totalSupply: toRaw(contracts, 18), openInterestUSD: decimal(contracts * underlying.priceUsd, 2),
      }));
    }
    const created = block - rng.int(100_000, 1_000_000);
    out.add('LiquidityPool', fill('LiquidityPool', {
      id: poolId, protocol: MESSARI_OPTIONS_PROTOCOL_ID, name: `Lyra ${underlying.symbol} market`, symbol: `LYRA-${underlying.symbol}`,
      inputTokens: [underlying.address, usdc.address], fees: [feeId], oracle: 'CHAINLINK', createdTimestamp: String(defaultBlockTimestamp(created)), createdBlockNumber: String(created),
      totalValueLockedUSD: decimal(openInterestUsd * 1.5 + rng.lognormal(2_000_000, 0.5), 2), openInterestUSD: decimal(openInterestUsd, 2),
      inputTokenBalances: [toRaw(rng.lognormal(500_000, 0.5) / underlying.priceUsd, underlying.decimals), toRaw(rng.lognormal(1_000_000, 0.5), usdc.decimals)],
      inputTokenWeights: ['50', '50'],
    }));
  }

  for (const a of accounts) {
    if (a.open + a.closed === 0) continue;
    out.add('Account', fill('Account', {
      id: a.id, cumulativeEntryPremiumUSD: decimal(a.premiumUsd, 2), cumulativeTotalPremiumUSD: decimal(a.premiumUsd, 2),
      openPositionCount: a.open, closedPositionCount: a.closed, putsMintedCount: a.puts, callsMintedCount: a.calls, contractsTakenCount: a.open + a.closed,
    }));
  }
  out.add('DerivOptProtocol', fill('DerivOptProtocol', {
    id: MESSARI_OPTIONS_PROTOCOL_ID, name: 'Lyra', slug: 'lyra', schemaVersion: '1.3.0', subgraphVersion: '1.0.0', methodologyVersion: '1.0.0',
    network: 'MAINNET', type: 'OPTION', totalPoolCount: underlyings.length, cumulativeUniqueUsers: out.all('Account').length,
    openPositionCount: accounts.reduce((s, a) => s + a.open, 0), closedPositionCount: accounts.reduce((s, a) => s + a.closed, 0),
  }));
  return { entities: out.entities, block, timestamp };
}

/** Strikes on a round grid, as option venues list them. */
function roundStrike(price: number): number {
  const step = price > 10_000 ? 1_000 : price > 1_000 ? 100 : price > 100 ? 10 : 1;
  return Math.max(step, Math.round(price / step) * step);
}

/** Intrinsic value plus a near-ATM time value, per unit of the underlying, in USD. */
function optionPremium(type: 'CALL' | 'PUT', spot: number, strike: number, days: number): number {
  const intrinsic = type === 'CALL' ? Math.max(0, spot - strike) : Math.max(0, strike - spot);
  return intrinsic + 0.4 * VOLATILITY * Math.sqrt(days / 365) * spot * Math.exp(-Math.abs(Math.log(spot / strike)) * 3);
}
