/**
 * Whose forced selling hurt whom. Each protocol's bad debt is split into
 *   direct    — the cascade re-run with only that protocol's own forced sales moving prices (its
 *               accounts under the shock and under their own liquidations);
 *   contagion — the rest: what other protocols' sales added (full run − direct; negative when
 *               their sales liquidated its accounts earlier, at better prices).
 * And each protocol's systemic impact: the bad debt it causes elsewhere, the full run's bad debt of
 * the others minus theirs when its own sales are switched off. (Options venues' sales always move
 * prices; they are not split out.) Also the accounts, assets and venues that drive the cascade: the
 * largest sellers, the assets sold most (USD at each round's prices) and the pools that fell most.
 */
import type { CascadeParticipant } from './cascade-types.js';
import { contagionCascade, type ContagionOptions, type ContagionResult } from './contagion-cascade.js';
import type { PreparedCascade } from './prepare-cascade.js';

export interface LossAttribution {
  protocols: { protocol: string; badDebtUsd: number; directUsd: number; contagionUsd: number; causedElsewhereUsd: number }[];
  topAccounts: { protocol: string; account: string; seizedUsd: number; badDebtUsd: number }[];
  topAssets: { asset: string; soldUsd: number; priceChange: number }[];
  /**
   * The liquidity venues that absorbed most forced selling: each asset's sales split over its
   * venues in proportion to their USD depth (exact for constant-product venues at one price, which
   * a merged pool stands for; an approximation for concentrated and StableSwap venues).
   */
  topVenues: { venue: string; asset: string; depthUsd: number; absorbedUsd: number; priceChange: number }[];
  full: ContagionResult;
}

export function attributeLosses(
  prepared: PreparedCascade,
  shocks: Readonly<Record<string, number>>,
  options: Partial<ContagionOptions>,
  participantsFor: () => CascadeParticipant[],
  history: Parameters<typeof contagionCascade>[5],
  top = 10,
  /** The liquidity model every re-run prices its sales with (default: one constant-product pool per asset). */
  impact?: Parameters<typeof contagionCascade>[4],
): LossAttribution {
  const names = prepared.snapshot.protocols.name;
  const run = (pricedSalesFrom: readonly string[] | null): ContagionResult =>
    contagionCascade(prepared, shocks, { ...options, pricedSalesFrom, recordEvents: pricedSalesFrom === null }, participantsFor(), impact, history);
  const full = run(null);
  const protocols = names.map((protocol) => {
    const alone = run([protocol]);
    const withoutIt = run(names.filter((n) => n !== protocol));
    const badDebtUsd = full.badDebtByProtocol[protocol]!;
    // Can exceed the full run's: others' sales may liquidate its accounts earlier, at better prices
    // (docs/reference-cascade.md); the contagion share is then negative, and reported as such.
    const directUsd = alone.badDebtByProtocol[protocol]!;
    const causedElsewhereUsd = names
      .filter((n) => n !== protocol)
      .reduce((s, n) => s + Math.max(0, full.badDebtByProtocol[n]! - withoutIt.badDebtByProtocol[n]!), 0);
    return { protocol, badDebtUsd, directUsd, contagionUsd: badDebtUsd - directUsd, causedElsewhereUsd };
  });

  const byAccount = new Map<string, { protocol: string; account: string; seizedUsd: number; badDebtUsd: number }>();
  for (const e of full.events) {
    const key = `${e.protocol}\u0000${e.account}\u0000${e.market ?? ''}`;
    const row = byAccount.get(key) ?? { protocol: e.protocol, account: e.account, seizedUsd: 0, badDebtUsd: 0 };
    row.seizedUsd += e.seizedUsd;
    row.badDebtUsd += e.badDebtUsd;
    byAccount.set(key, row);
  }
  const sold = new Map<string, number>();
  for (const round of full.trace) {
    for (const [asset, units] of Object.entries(round.soldUnits)) sold.set(asset, (sold.get(asset) ?? 0) + units * round.prices[asset]!);
  }
  const topAssets = [...sold]
    .filter(([, usd]) => usd > 0)
    .map(([asset, soldUsd]) => ({ asset, soldUsd, priceChange: full.finalPrices[asset]! / full.shockedPrices[asset]! - 1 }))
    .sort((a, b) => b.soldUsd - a.soldUsd)
    .slice(0, top);
  const { liquidity, assets } = prepared.snapshot;
  const depthOfAsset = new Map<string, number>();
  for (let r = 0; r < liquidity.asset.length; r++) {
    const symbol = assets.symbol[liquidity.asset[r]!]!;
    if (liquidity.usdReserve[r]! > 0) depthOfAsset.set(symbol, (depthOfAsset.get(symbol) ?? 0) + liquidity.usdReserve[r]!);
  }
  const topVenues = Array.from({ length: liquidity.asset.length }, (_, r) => {
    const asset = assets.symbol[liquidity.asset[r]!]!;
    const depthUsd = liquidity.usdReserve[r]! > 0 ? liquidity.usdReserve[r]! : 0;
    const share = depthUsd > 0 ? depthUsd / depthOfAsset.get(asset)! : 0;
    return { venue: liquidity.venue[r]!, asset, depthUsd, absorbedUsd: (sold.get(asset) ?? 0) * share, priceChange: full.finalPrices[asset]! / full.shockedPrices[asset]! - 1 };
  })
    .filter((v) => v.absorbedUsd > 0)
    .sort((a, b) => b.absorbedUsd - a.absorbedUsd || a.venue.localeCompare(b.venue))
    .slice(0, top);
  return {
    protocols,
    topAccounts: [...byAccount.values()].sort((a, b) => b.seizedUsd - a.seizedUsd).slice(0, top),
    topAssets,
    topVenues,
    full,
  };
}
