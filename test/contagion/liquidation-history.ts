import fc from 'fast-check';
import type { EcosystemSnapshot } from '../../src/model/ecosystem.js';

/** The part of a snapshot the liquidator-capacity option reads. */
export type LiquidationHistory = Pick<EcosystemSnapshot, 'liquidationEvents' | 'liquidators'>;

/** One past liquidation: which protocol, which liquidator (index), what it repaid. */
export interface PastLiquidation {
  protocol: number;
  liquidator: number;
  repaidUsd: number;
}

/** A liquidation history in the snapshot's columnar layout, for `contagionCascade`'s `history` argument. */
export function liquidationHistory(liquidatorCount: number, past: readonly PastLiquidation[]): LiquidationHistory {
  const n = past.length;
  return {
    liquidators: { address: Array.from({ length: liquidatorCount }, (_, l) => `0xliquidator${l}`), label: Array.from({ length: liquidatorCount }, () => null) },
    liquidationEvents: {
      protocol: Int32Array.from(past, (e) => e.protocol),
      account: past.map((_, e) => `0xpast${e}`),
      liquidator: Int32Array.from(past, (e) => e.liquidator),
      collateralAsset: new Int32Array(n),
      debtAsset: new Int32Array(n),
      debtRepaidUsd: Float64Array.from(past, (e) => e.repaidUsd),
      blockNumber: new Float64Array(n),
      timestamp: past.map(() => null),
      txHash: past.map((_, e) => `0xtx${e}`),
    },
  };
}

/**
 * A random history over `protocolCount` protocols: up to four liquidators, every protocol served by
 * one to three of them (so some liquidators are shared and couple protocols), each past repayment a
 * share in [2%, 50%] of `scaleUsd` (the ecosystem's total debt keeps the cascade's length bounded).
 */
export function arbitraryHistory(protocolCount: number, scaleUsd: number): fc.Arbitrary<LiquidationHistory & { past: PastLiquidation[]; liquidatorCount: number }> {
  return fc.integer({ min: 1, max: 4 }).chain((liquidatorCount) =>
    fc
      .tuple(
        ...Array.from({ length: protocolCount }, (_, protocol) =>
          fc.array(fc.record({ liquidator: fc.nat(liquidatorCount - 1), share: fc.double({ min: 0.02, max: 0.5, noNaN: true }) }), { minLength: 1, maxLength: 3 }).map((rows) =>
            rows.map((r): PastLiquidation => ({ protocol, liquidator: r.liquidator, repaidUsd: r.share * scaleUsd })),
          ),
        ),
      )
      .map((perProtocol) => {
        const past = perProtocol.flat();
        return { ...liquidationHistory(liquidatorCount, past), past, liquidatorCount };
      }),
  );
}

/** Per liquidator, `multiplier` × its largest past repayment (what `liquidatorCapital` gives it per round). */
export function budgets(liquidatorCount: number, past: readonly PastLiquidation[], multiplier: number): number[] {
  const largest = new Array<number>(liquidatorCount).fill(0);
  for (const e of past) largest[e.liquidator] = Math.max(largest[e.liquidator]!, e.repaidUsd);
  return largest.map((usd) => usd * multiplier);
}
