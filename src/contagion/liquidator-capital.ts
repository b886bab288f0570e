/**
 * Liquidator capital per round, from the liquidation history: each liquidator can repay, per round,
 * `multiplier` × the largest single repayment it made in the history (what it has shown it can
 * mobilise), and it serves the protocols it has liquidated in; a liquidator serving several
 * protocols spends one budget across them (shared liquidators couple protocols too). A protocol with
 * no recorded liquidator is unlimited or gets nothing, as chosen (a warning says which).
 */
import type { EcosystemSnapshot } from '../model/ecosystem.js';

export interface LiquidatorCapital {
  /** Refills every liquidator's budget (at the start of a round). */
  refill(): void;
  /** USD the liquidators of `protocol` can still repay this round. */
  available(protocol: number): number;
  /** Spends `usd` of `protocol`'s liquidators' budget, largest budgets first. */
  draw(protocol: number, usd: number): void;
  warnings: string[];
}

export function liquidatorCapital(
  snapshot: Pick<EcosystemSnapshot, 'protocols'>,
  history: Pick<EcosystemSnapshot, 'liquidationEvents' | 'liquidators'>,
  settings: { multiplier: number; protocolsWithoutHistory: 'unlimited' | 'none' },
  protocolCount: number,
): LiquidatorCapital {
  const events = history.liquidationEvents;
  const liquidatorCount = history.liquidators.address.length;
  const largest = new Float64Array(liquidatorCount);
  const serves: Set<number>[] = Array.from({ length: protocolCount }, () => new Set<number>());
  for (let e = 0; e < events.protocol.length; e++) {
    const l = events.liquidator[e]!;
    const usd = events.debtRepaidUsd[e]!;
    if (usd > largest[l]!) largest[l] = usd;
    serves[events.protocol[e]!]!.add(l);
  }
  const budget = largest.map((usd) => usd * settings.multiplier);
  const left = Float64Array.from(budget);
  // Per protocol its liquidators, largest budget first (who steps in first is deterministic).
  // A liquidator with a zero budget (multiplier 0) still serves its protocols: it just brings nothing.
  const byProtocol = serves.map((set) => [...set].filter((l) => largest[l]! > 0).sort((x, y) => budget[y]! - budget[x]! || x - y));
  const warnings: string[] = [];
  const unlimited = new Uint8Array(protocolCount);
  byProtocol.forEach((list, q) => {
    if (list.length > 0) return;
    const name = snapshot.protocols.name[q]!;
    unlimited[q] = settings.protocolsWithoutHistory === 'unlimited' ? 1 : 0;
    warnings.push(`contagion/liquidator-capital: protocol ${name} has no liquidation with a repaid amount in its history; its liquidators' capital is ${settings.protocolsWithoutHistory === 'unlimited' ? 'not limited' : 'taken as zero'}`);
  });
  return {
    warnings,
    refill: () => left.set(budget),
    available: (q) => (unlimited[q] === 1 ? Infinity : byProtocol[q]!.reduce((s, l) => s + left[l]!, 0)),
    draw: (q, usd) => {
      if (unlimited[q] === 1) return;
      let rest = usd;
      for (const l of byProtocol[q]!) {
        if (!(rest > 0)) break;
        const take = Math.min(rest, left[l]!);
        left[l] = left[l]! - take;
        rest -= take;
      }
    },
  };
}
