import type { CascadeRound, ReceiptContagion } from '../../contagion/index.js';

/**
 * The parts of a scenario run the contagion paths read. A `CascadeResult` (and a `ScenarioRun`'s
 * result) fits; a hand-built one may leave out rounds (every event then counts as round 0, so
 * ordering by round admits everything), the trace and the receipts.
 */
export interface PathRunResult {
  events: readonly { protocol: string; round?: number; badDebtUsd?: number; seized: readonly { asset: string; usd: number }[] }[];
  liquidatedDebtUsdByProtocol: Readonly<Record<string, number>>;
  badDebtByProtocol: Readonly<Record<string, number>>;
  trace?: readonly Pick<CascadeRound, 'round' | 'liquidatedDebtUsdByProtocol' | 'badDebtByProtocol'>[];
  /** With receipt contagion: the write-downs; null or absent, the receipt channel falls back to bad debt. */
  receipts?: Pick<ReceiptContagion, 'writeDownBySymbol' | 'writeDownsByRound'> | null;
}

/** When, in a run, each protocol sold what, was liquidated, booked bad debt; and when each receipt token was written down. */
export interface RunTimeline {
  result: PathRunResult;
  /** Per protocol, per asset sold: USD over the run and the rounds it sold in (ascending). */
  sales(protocol: string, fromRound: number): { asset: string; usd: number; round: number }[];
  /** First round ≥ `fromRound` in which the protocol was liquidated; null if none. */
  liquidatedAt(protocol: string, fromRound: number): number | null;
  /** First round ≥ `fromRound` in which its loss reached holders of its receipt token `symbol`; null if none. */
  writtenDownAt(issuer: string, symbol: string, fromRound: number): number | null;
}

export function runTimeline(result: PathRunResult): RunTimeline {
  const sold = new Map<string, Map<string, Map<number, number>>>();
  const liquidated = new Map<string, Set<number>>();
  const lossRounds = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, protocol: string, round: number): void => {
    const set = map.get(protocol) ?? new Set<number>();
    set.add(round);
    map.set(protocol, set);
  };
  for (const event of result.events) {
    const round = event.round ?? 0;
    add(liquidated, event.protocol, round);
    if ((event.badDebtUsd ?? 0) > 0) add(lossRounds, event.protocol, round);
    const byAsset = sold.get(event.protocol) ?? new Map<string, Map<number, number>>();
    for (const s of event.seized) {
      const byRound = byAsset.get(s.asset) ?? new Map<number, number>();
      byRound.set(round, (byRound.get(round) ?? 0) + s.usd);
      byAsset.set(s.asset, byRound);
    }
    sold.set(event.protocol, byAsset);
  }
  // The trace also counts accounts that leave no event (options venues) and runs kept without events.
  for (const r of result.trace ?? []) {
    for (const [protocol, usd] of Object.entries(r.liquidatedDebtUsdByProtocol)) if (usd > 0) add(liquidated, protocol, r.round);
    for (const [protocol, usd] of Object.entries(r.badDebtByProtocol)) if (usd > 0) add(lossRounds, protocol, r.round);
  }
  // Totals without any round known: reached, but not orderable; read as the round asked for.
  const firstFrom = (rounds: Set<number> | undefined, total: number, fromRound: number): number | null => {
    let best: number | null = null;
    for (const r of rounds ?? []) if (r >= fromRound && (best === null || r < best)) best = r;
    return best ?? (rounds === undefined && total > 0 ? fromRound : null);
  };

  return {
    result,
    sales(protocol, fromRound) {
      const out: { asset: string; usd: number; round: number }[] = [];
      for (const [asset, byRound] of sold.get(protocol) ?? []) {
        let usd = 0;
        let round = Infinity;
        for (const [r, v] of byRound) if (r >= fromRound) { usd += v; round = Math.min(round, r); }
        if (usd > 0) out.push({ asset, usd, round });
      }
      return out.sort((x, y) => y.usd - x.usd || (x.asset < y.asset ? -1 : 1));
    },
    liquidatedAt: (protocol, fromRound) => firstFrom(liquidated.get(protocol), result.liquidatedDebtUsdByProtocol[protocol] ?? 0, fromRound),
    writtenDownAt(issuer, symbol, fromRound) {
      const receipts = result.receipts;
      if (receipts === null || receipts === undefined) return firstFrom(lossRounds.get(issuer), result.badDebtByProtocol[issuer] ?? 0, fromRound);
      if (!((receipts.writeDownBySymbol[symbol] ?? 0) > 0)) return null;
      // writeDownsByRound[r] is the write-down standing after round r + 1: the loss reached holders in
      // a round where it grew. Without the per-round record, read as the round asked for.
      if (receipts.writeDownsByRound.length === 0) return fromRound;
      let before = 0;
      for (let r = 0; r < receipts.writeDownsByRound.length; r++) {
        const now = receipts.writeDownsByRound[r]![symbol] ?? before;
        if (now > before && r + 1 >= fromRound) return r + 1;
        before = now;
      }
      return null;
    },
  };
}
