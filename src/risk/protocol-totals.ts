import type { EcosystemSnapshot } from '../model/ecosystem.js';
import type { AccountHealth } from './account-health.js';

/** Per protocol, over its risk accounts, at the prices `health` was computed at. */
export interface ProtocolTotals {
  riskAccounts: number;
  borrowers: number;
  collateralUsd: number;
  debtUsd: number;
  /** Lowest health factor among the protocol's borrowers; `Infinity` when none borrows. */
  minHealthFactor: number;
  /** Borrowers whose health factor is below 1.1, and their debt: the debt closest to liquidation. */
  borrowersBelowHf1_1: number;
  debtBelowHf1_1Usd: number;
}

export function protocolTotals(snapshot: Pick<EcosystemSnapshot, 'protocols' | 'accounts'>, health: AccountHealth): ProtocolTotals[] {
  const totals = snapshot.protocols.name.map(
    (): ProtocolTotals => ({ riskAccounts: 0, borrowers: 0, collateralUsd: 0, debtUsd: 0, minHealthFactor: Infinity, borrowersBelowHf1_1: 0, debtBelowHf1_1Usd: 0 }),
  );
  const { protocol } = snapshot.accounts;
  for (let i = 0; i < protocol.length; i++) {
    const t = totals[protocol[i]!]!;
    t.riskAccounts++;
    t.collateralUsd += health.collateralUsd[i]!;
    t.debtUsd += health.debtUsd[i]!;
    if (health.debtUsd[i]! > 0) {
      t.borrowers++;
      t.minHealthFactor = Math.min(t.minHealthFactor, health.healthFactor[i]!);
      if (health.healthFactor[i]! < 1.1) {
        t.borrowersBelowHf1_1++;
        t.debtBelowHf1_1Usd += health.debtUsd[i]!;
      }
    }
  }
  return totals;
}
