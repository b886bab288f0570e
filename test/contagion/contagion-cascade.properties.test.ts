import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contagionCascade, prepareCascade, referenceCascade } from '../../src/contagion/index.js';
import { arbitraryEcosystem, uniformShock } from '../helpers/random-ecosystem.js';
import { toySnapshot } from '../helpers/toy-ecosystem.js';

const RUNS = { numRuns: 250, seed: 5 };
const removed = (r: { totalBadDebtUsd: number; liquidatedDebtUsdByProtocol: Record<string, number> }): number =>
  r.totalBadDebtUsd + Object.values(r.liquidatedDebtUsdByProtocol).reduce((s, v) => s + v, 0);

describe('contagion solver against the reference cascade', () => {
  it('equals the reference cascade exactly with every option off', () => {
    fc.assert(
      fc.property(arbitraryEcosystem({ withPools: true, riskyDebt: true, maxAccounts: 40 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (toy, m) => {
        const snapshot = toySnapshot(toy);
        const reference = referenceCascade(snapshot, uniformShock(m));
        const solver = contagionCascade(prepareCascade(snapshot), uniformShock(m));
        const { losses: _l, unliquidatedDebtUsd: _u, latentBadDebtUsd: _b, options: _o, ...comparable } = solver;
        for (const key of Object.keys(reference) as (keyof typeof reference)[]) expect(comparable[key], key).toEqual(reference[key]);
      }),
      RUNS,
    );
  });

  it('with no arbitrage and unlimited liquidators leaves no account under water', () => {
    fc.assert(
      fc.property(arbitraryEcosystem({ withPools: true, riskyDebt: false, maxAccounts: 30 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (toy, m) => {
        expect(contagionCascade(prepareCascade(toySnapshot(toy)), uniformShock(m)).unliquidatedDebtUsd).toBe(0);
      }),
      RUNS,
    );
  });

  it('recovers more of the shock, and loses no more debt, as arbitrage inflow grows (no price feedback can then worsen it)', () => {
    fc.assert(
      fc.property(
        arbitraryEcosystem({ withPools: true, riskyDebt: false, maxAccounts: 30 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (toy, m, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const prepared = prepareCascade(toySnapshot(toy));
          const slow = contagionCascade(prepared, uniformShock(m), { arbitrageInflow: low });
          const fast = contagionCascade(prepared, uniformShock(m), { arbitrageInflow: high });
          // Every price ends at least as high with more inflow, so no more debt is taken off the books.
          for (const [asset, price] of Object.entries(fast.finalPrices)) expect(price).toBeGreaterThanOrEqual(slow.finalPrices[asset]! * (1 - 1e-9));
          expect(removed(fast)).toBeLessThanOrEqual(removed(slow) * (1 + 1e-9) + 1e-9);
        },
      ),
      RUNS,
    );
  });

  it('insurance and socialised loss add up to each protocol’s bad debt, to the cent', () => {
    fc.assert(
      fc.property(arbitraryEcosystem({ withPools: true, riskyDebt: false, maxAccounts: 30 }), fc.double({ min: 0.05, max: 0.9, noNaN: true }), (toy, m) => {
        const result = contagionCascade(prepareCascade(toySnapshot(toy)), uniformShock(m), { insuranceFunds: true });
        for (const [protocol, split] of Object.entries(result.losses!)) {
          expect(Math.round(split.insuranceAbsorbedUsd * 100) + Math.round(split.socialisedUsd * 100)).toBe(Math.round(split.badDebtUsd * 100));
          expect(Math.abs(split.badDebtUsd - result.badDebtByProtocol[protocol]!)).toBeLessThanOrEqual(0.005 + 1e-9); // rounded to the cent
        }
      }),
      RUNS,
    );
  });
});
