import { SIDE_COLLATERAL, type EcosystemSnapshot } from '../model/ecosystem.js';

/**
 * How concentrated each market's collateral is in a few accounts ("whales"). A market is an
 * isolated market (Morpho Blue, Compound III comet) with its collateral asset, or in a pooled
 * protocol the (protocol, asset) pair, since a pooled reserve is liquidated and sold per asset.
 *
 * One whale's liquidation dumps its whole position into the same pools at once, so a market whose
 * top account holds half the collateral behaves in a cascade like a single large position, however
 * many small accounts sit beside it. The Herfindahl–Hirschman index (Σ share², 1/n for n equal
 * holders, 1 for a single holder) summarises the whole distribution in one number.
 */
export interface MarketConcentration {
  protocol: string;
  /** The isolated market; `null` in a pooled protocol. */
  market: string | null;
  asset: string;
  /** Collateral of the asset in the market at snapshot prices (USD). */
  collateralUsd: number;
  /** Accounts holding any of it. */
  accounts: number;
  /** The largest holder (address) and its share. */
  largestAccount: string;
  top1Share: number;
  /** Shares of the 5 and 10 largest holders together (cumulative: top10Share ≥ top5Share ≥ top1Share). */
  top5Share: number;
  top10Share: number;
  hhi: number;
}

/** Per market holding any collateral at snapshot prices, most concentrated first (top-1 share, then size). */
export function collateralConcentration(snapshot: Pick<EcosystemSnapshot, 'positions' | 'accounts' | 'assets' | 'protocols'>): MarketConcentration[] {
  const { positions, accounts, assets, protocols } = snapshot;
  const markets = new Map<string, { protocol: string; market: string | null; asset: string; byAccount: Map<string, number> }>();
  for (let p = 0; p < positions.side.length; p++) {
    if (positions.side[p] !== SIDE_COLLATERAL) continue;
    const a = positions.account[p]!;
    const asset = positions.asset[p]!;
    const usd = positions.amount[p]! * assets.priceUsd[asset]!;
    if (!(usd > 0)) continue;
    const protocol = protocols.name[accounts.protocol[a]!]!;
    const market = accounts.market[a] ?? null;
    const key = `${accounts.protocol[a]}\u0000${market ?? ''}\u0000${asset}`;
    let entry = markets.get(key);
    if (entry === undefined) markets.set(key, (entry = { protocol, market, asset: assets.symbol[asset]!, byAccount: new Map() }));
    const account = accounts.account[a]!;
    entry.byAccount.set(account, (entry.byAccount.get(account) ?? 0) + usd);
  }
  const out: MarketConcentration[] = [];
  for (const m of markets.values()) {
    // Largest first; ties by address so that the named whale does not depend on insertion order.
    const holdings = [...m.byAccount].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const total = holdings.reduce((s, [, usd]) => s + usd, 0);
    const topShare = (n: number): number => holdings.slice(0, n).reduce((s, [, usd]) => s + usd, 0) / total;
    out.push({
      protocol: m.protocol, market: m.market, asset: m.asset, collateralUsd: total, accounts: holdings.length,
      largestAccount: holdings[0]![0], top1Share: topShare(1), top5Share: topShare(5), top10Share: topShare(10),
      hhi: holdings.reduce((s, [, usd]) => s + (usd / total) ** 2, 0),
    });
  }
  return out.sort((x, y) => y.top1Share - x.top1Share || y.collateralUsd - x.collateralUsd);
}
