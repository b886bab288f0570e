import { describe, expect, it } from 'vitest';
import { OUTSIDE_SUPPLIERS, protocolClearing } from '../../src/contagion/protocol-clearing.js';
import { toySnapshot, type ToyEcosystem } from '../helpers/toy-ecosystem.js';

// lender-a lends WETH against GOV; lender-b lends USDC against lender-a's aWETH. Values at the
// scenario's prices (GOV × 0.4 → $4): lender-a's supply 1,000·4 + 20·2,000 = 44,000, of which
// 10 aWETH = 20,000 sits in lender-b; lender-b's supply is those 20,000.
const ecosystem = (fundB: number | undefined): ToyEcosystem => ({
  assets: [
    { symbol: 'GOV', priceUsd: 10 },
    { symbol: 'USDC', priceUsd: 1 },
    { symbol: 'WETH', priceUsd: 2000, kind: 'native' },
    { symbol: 'aWETH', priceUsd: 2000, kind: 'receipt', underlying: 'WETH', exchangeRate: 1, issuer: 'lender-a' },
  ],
  protocols: [
    { name: 'lender-a', closeFactor: 0.5, insuranceFundUsd: 1_000 },
    { name: 'lender-b', closeFactor: 0.5, ...(fundB === undefined ? {} : { insuranceFundUsd: fundB }) },
  ],
  accounts: [
    { protocol: 'lender-a', account: '0xgov', collateral: [{ asset: 'GOV', amount: 1000, liquidationThreshold: 0.7, liquidationBonus: 0.1 }], debt: [{ asset: 'WETH', amount: 3 }] },
    { protocol: 'lender-a', account: '0xs', collateral: [{ asset: 'WETH', amount: 20, liquidationThreshold: 0.8, liquidationBonus: 0.05 }], debt: [] },
    { protocol: 'lender-b', account: '0xr', collateral: [{ asset: 'aWETH', amount: 10, liquidationThreshold: 0.8, liquidationBonus: 0.05 }], debt: [{ asset: 'USDC', amount: 15_800 }] },
  ],
});
const prices = [4, 1, 2000, 2000];
const badDebtA = 6_000 - 4_000 / 1.1; // 2,363.64 (derived-pricing.test.ts works it out)

describe('protocol clearing', () => {
  it('builds the exposure network and passes lender-a\'s uncovered loss through to lender-b', () => {
    const result = protocolClearing({ snapshot: toySnapshot(ecosystem(undefined)), priceUsd: prices, badDebtUsd: [badDebtA, 0] });
    expect(result.ids).toEqual(['lender-a', 'lender-b', OUTSIDE_SUPPLIERS]);
    expect(result.exposures).toEqual([{ issuer: 'lender-a', holder: 'lender-b', usd: 20_000 }]);
    expect(result.obligationsUsd).toEqual([44_000, 20_000, 0]);
    // e_a = 44,000 − 2,363.64 + 1,000; e_b = 20,000 − 0 + 0 − 20,000 = 0.
    expect(result.externalAssetsUsd[0]).toBeCloseTo(44_000 - badDebtA + 1_000, 9);
    expect(result.externalAssetsUsd[1]).toBe(0);
    const recovery = 1 - (badDebtA - 1_000) / 44_000;
    expect(result.paymentsUsd[0]).toBeCloseTo(44_000 * recovery, 6);
    // lender-b has no fund: it receives 20,000·recovery and pays it all on.
    expect(result.paymentsUsd[1]).toBeCloseTo(20_000 * recovery, 6);
    expect(result.recoveryRate[1]).toBeCloseTo(recovery, 12);
    expect(result.defaults).toEqual(['lender-a', 'lender-b']);
    // Conservation: what the outside suppliers receive is what was paid to them.
    expect(result.paymentsUsd[0]! * (24_000 / 44_000) + result.paymentsUsd[1]!).toBeCloseTo(44_000 - (badDebtA - 1_000), 6);
    // DebtRank: all receipt exposure is lender-b's (v_b = 1), and lender-b has no capital (W = 1).
    expect(result.debtRank[0]).toBeCloseTo(1, 12);
    expect(result.debtRank[1]).toBe(0);
  });

  it('stops at a holder whose fund absorbs the loss, and defaults no one when losses are covered', () => {
    const buffered = protocolClearing({ snapshot: toySnapshot(ecosystem(1_000)), priceUsd: prices, badDebtUsd: [badDebtA, 0] });
    expect(buffered.defaults).toEqual(['lender-a']);
    expect(buffered.paymentsUsd[1]).toBeCloseTo(20_000, 9);
    // W_ab = 20,000 / 1,000 capped at 1: still full distress of lender-b.
    expect(buffered.debtRank[0]).toBeCloseTo(1, 12);
    const covered = protocolClearing({ snapshot: toySnapshot(ecosystem(1_000)), priceUsd: prices, badDebtUsd: [900, 0] });
    expect(covered.defaults).toEqual([]);
    expect(covered.recoveryRate).toEqual([1, 1, 1]);
  });

  it('is monotone: more bad debt at the issuer never raises anyone\'s payment', () => {
    let previous = [Infinity, Infinity];
    for (const bad of [0, 1_000, 2_000, 5_000, 20_000, 44_000]) {
      const result = protocolClearing({ snapshot: toySnapshot(ecosystem(undefined)), priceUsd: prices, badDebtUsd: [bad, 0] });
      expect(result.paymentsUsd[0]).toBeLessThanOrEqual(previous[0]! + 1e-9);
      expect(result.paymentsUsd[1]).toBeLessThanOrEqual(previous[1]! + 1e-9);
      previous = [result.paymentsUsd[0]!, result.paymentsUsd[1]!];
    }
  });
});
