import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceCascade, type CascadeResult } from '../../src/contagion/index.js';
import { arbitraryEcosystem, uniformShock } from '../helpers/random-ecosystem.js';
import { naiveCascade } from '../helpers/naive-cascade.js';
import type { ToyEcosystem } from '../helpers/toy-ecosystem.js';
import { toySnapshot } from '../helpers/toy-ecosystem.js';

const RUNS = { numRuns: 300, seed: 20261125 };
const relativeGap = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

function checkEveryLiquidationConserves(result: CascadeResult): void {
  for (const event of result.events) {
    // Value conservation: each collateral piece is worth its repaid share times (1 + its bonus).
    const piecesRepaid = event.seized.reduce((s, p) => s + p.repaidUsd, 0);
    const piecesSeized = event.seized.reduce((s, p) => s + p.repaidUsd * (1 + p.bonus), 0);
    expect(relativeGap(piecesRepaid, event.repaidUsd)).toBeLessThan(1e-9);
    expect(relativeGap(piecesSeized, event.seizedUsd)).toBeLessThan(1e-9);
    if (event.seized.length === 1) expect(relativeGap(event.seizedUsd, event.repaidUsd * (1 + event.seized[0]!.bonus))).toBeLessThan(1e-9);
    // Debt before = debt after + repaid + bad debt.
    expect(relativeGap(event.debtUsd, event.remainingDebtUsd + event.repaidUsd + event.badDebtUsd)).toBeLessThan(1e-9);
    expect(event.repaidUsd).toBeLessThanOrEqual(event.closeFactor * event.debtUsd * (1 + 1e-12));
    expect(event.healthFactor).toBeLessThan(1);
  }
  // Units sold into pools are exactly the units liquidators seized.
  const sold: Record<string, number> = {};
  for (const round of result.trace) for (const [asset, units] of Object.entries(round.soldUnits)) sold[asset] = (sold[asset] ?? 0) + units;
  const seized: Record<string, number> = {};
  for (const event of result.events) for (const piece of event.seized) seized[piece.asset] = (seized[piece.asset] ?? 0) + piece.units;
  for (const [asset, units] of Object.entries(seized)) expect(relativeGap(units, sold[asset] ?? 0)).toBeLessThan(1e-9);
}

describe('reference cascade invariants over random ecosystems', () => {
  it('agrees with a plain row-by-row re-implementation that revisits every account each round', () => {
    fc.assert(
      fc.property(
        arbitraryEcosystem({ withPools: true, riskyDebt: true, maxAccounts: 40 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (toy, multiplier) => {
          const fast = referenceCascade(toySnapshot(toy), uniformShock(multiplier));
          const plain = naiveCascade(toy, uniformShock(multiplier));
          expect(fast.rounds).toBe(plain.rounds);
          expect(relativeGap(fast.totalBadDebtUsd, plain.totalBadDebtUsd)).toBeLessThan(1e-9);
          expect(relativeGap(fast.seizedCollateralUsd, plain.seizedCollateralUsd)).toBeLessThan(1e-9);
          for (const [protocol, repaid] of Object.entries(plain.liquidatedDebtUsdByProtocol)) {
            expect(relativeGap(fast.liquidatedDebtUsdByProtocol[protocol]!, repaid)).toBeLessThan(1e-9);
          }
          for (const [asset, price] of Object.entries(plain.finalPrices)) expect(relativeGap(fast.finalPrices[asset]!, price)).toBeLessThan(1e-9);
        },
      ),
      RUNS,
    );
  });

  it('zero shock ⇒ zero liquidations when every HF ≥ 1', () => {
    fc.assert(
      fc.property(arbitraryEcosystem({ withPools: true, riskyDebt: true, maxAccounts: 40 }), (toy) => {
        const result = referenceCascade(toySnapshot(toy), {});
        expect(result.liquidations).toBe(0);
        expect(result.totalBadDebtUsd).toBe(0);
      }),
      RUNS,
    );
  });

  it('conserves value in every liquidation, with pools and debt in any asset', () => {
    fc.assert(
      fc.property(
        arbitraryEcosystem({ withPools: true, riskyDebt: true, maxAccounts: 40 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (toy, multiplier) => checkEveryLiquidationConserves(referenceCascade(toySnapshot(toy), uniformShock(multiplier))),
      ),
      RUNS,
    );
  });

  it('accounts for every dollar of stablecoin debt: before = after + repaid + bad debt', () => {
    fc.assert(
      fc.property(
        arbitraryEcosystem({ withPools: true, riskyDebt: false, maxAccounts: 40 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (toy, multiplier) => {
          const before = toy.accounts.reduce((s, a) => s + a.debt.reduce((t, d) => t + d.amount, 0), 0);
          const result = referenceCascade(toySnapshot(toy), uniformShock(multiplier));
          const repaid = Object.values(result.liquidatedDebtUsdByProtocol).reduce((s, v) => s + v, 0);
          const after = Object.values(result.remainingDebtUsdByProtocol).reduce((s, v) => s + v, 0);
          expect(relativeGap(before, after + repaid + result.totalBadDebtUsd)).toBeLessThan(1e-9);
        },
      ),
      RUNS,
    );
  });

  it('never reduces total bad debt as the shock grows, when there is no price feedback', () => {
    fc.assert(
      fc.property(
        arbitraryEcosystem({ withPools: false, riskyDebt: false, maxAccounts: 40 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (toy, a, b) => {
          const [mild, severe] = a >= b ? [a, b] : [b, a];
          const snapshot = toySnapshot(toy);
          const mildDebt = referenceCascade(snapshot, uniformShock(mild)).totalBadDebtUsd;
          const severeDebt = referenceCascade(snapshot, uniformShock(severe)).totalBadDebtUsd;
          expect(severeDebt).toBeGreaterThanOrEqual(mildDebt - 1e-9 * Math.max(1, mildDebt));
        },
      ),
      RUNS,
    );
  });

  it('with price feedback, liquidates every account a milder shock liquidates, and removes at least as much debt', () => {
    // Bad debt itself is not monotone once sales move prices (see the pinned case below), but the
    // set of liquidated accounts and the debt taken off the books (repaid + written off) are.
    fc.assert(
      fc.property(
        arbitraryEcosystem({ withPools: true, riskyDebt: false, maxAccounts: 40 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (toy, a, b) => {
          const [mild, severe] = a >= b ? [a, b] : [b, a];
          const snapshot = toySnapshot(toy);
          const m = referenceCascade(snapshot, uniformShock(mild));
          const s = referenceCascade(snapshot, uniformShock(severe));
          const severeAccounts = new Set(s.events.map((e) => e.account));
          for (const event of m.events) expect(severeAccounts.has(event.account)).toBe(true);
          const removed = (r: CascadeResult): number => r.totalBadDebtUsd + Object.values(r.liquidatedDebtUsdByProtocol).reduce((x, y) => x + y, 0);
          expect(removed(s)).toBeGreaterThanOrEqual(removed(m) * (1 - 1e-9));
        },
      ),
      RUNS,
    );
  });
});

describe('reference cascade: bad debt is not monotone in the shock once prices feed back', () => {
  // Pinned counterexample to "a larger shock never reduces bad debt". A severe shock pushes X under
  // water in round 1, while WETH is still worth enough to cover its debt; a milder shock spares X
  // in round 1, then A's forced sales crash the pool and X is liquidated in round 2 with
  // collateral worth less than its debt. docs/reference-cascade.md explains it.
  const toy: ToyEcosystem = {
    assets: [{ symbol: 'USDC', priceUsd: 1 }, { symbol: 'WETH', priceUsd: 2000 }],
    protocols: [{ name: 'full-close', closeFactor: 1 }],
    accounts: [
      { protocol: 'full-close', account: 'A', collateral: [{ asset: 'WETH', amount: 150, liquidationThreshold: 0.85, liquidationBonus: 0.05 }], debt: [{ asset: 'USDC', amount: 210_000 }] },
      { protocol: 'full-close', account: 'X', collateral: [{ asset: 'WETH', amount: 10, liquidationThreshold: 0.85, liquidationBonus: 0.05 }], debt: [{ asset: 'USDC', amount: 13_000 }] },
    ],
    pools: [{ asset: 'WETH', assetReserve: 1_000, usdReserve: 2_000_000 }],
  };
  const k = 2e9;

  it('books X’s shortfall under a 20% drop', () => {
    // WETH $1,600: A's HF = 204,000/210,000 = 0.971 → closed, 220,500/1,600 WETH sold;
    // X's HF = 13,600/13,000 = 1.046 → spared. Pool: x = √(k/1600) + 137.8125.
    const x1 = Math.sqrt(k / 1600) + 220_500 / 1600;
    const p1 = k / (x1 * x1); // ≈ $1,268
    const result = referenceCascade(toySnapshot(toy), { WETH: 0.8 });
    expect(result.rounds).toBe(2);
    expect(result.totalBadDebtUsd).toBeCloseTo(13_000 - (10 * p1) / 1.05, 6); // ≈ $923
  });

  it('books none under a 24% drop', () => {
    // WETH $1,520: A's HF = 0.923 and X's HF = 15,200·0.85/13,000 = 0.994: both closed in round 1
    // while X's collateral ($15,200) still covers 13,000 × 1.05.
    const result = referenceCascade(toySnapshot(toy), { WETH: 0.76 });
    expect(result.rounds).toBe(1);
    expect(result.totalBadDebtUsd).toBe(0);
  });
});
