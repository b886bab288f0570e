import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customGrid, derivePmrmGrid, PORTFOLIO_MARGIN_DEFAULTS, portfolioMargin, spanGrid, strategyMargin, type MarginPortfolio,
  type PortfolioMarginSettings, type ScenarioGrid,
} from '../../../src/risk/margin/index.js';
import { bruteForceMargin } from './helpers/brute-force-margin.js';
import { testPricer } from './helpers/pricer.js';
import { randomPortfolio } from './helpers/random-portfolio.js';

const pricer = testPricer;

/** One account holding `legs` on a single underlying at spot 2000. */
function book(legs: { strike: number; isCall: boolean; size: number; years?: number; vol?: number }[], spot = 2000): MarginPortfolio {
  const n = legs.length;
  return {
    accountCount: 1,
    spot: Float64Array.of(spot),
    options: {
      underlying: new Int32Array(n),
      isCall: Uint8Array.from(legs, (l) => (l.isCall ? 1 : 0)),
      strike: Float64Array.from(legs, (l) => l.strike),
      years: Float64Array.from(legs, (l) => l.years ?? 30 / 365),
      vol: Float64Array.from(legs, (l) => l.vol ?? 0.7),
    },
    positions: { account: new Int32Array(n), option: Int32Array.from(legs, (_, i) => i), size: Float64Array.from(legs, (l) => l.size) },
  };
}

function relativeGap(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}

describe('portfolio margin', () => {
  const grid = derivePmrmGrid();

  it('a fully hedged position (long and short the same option) needs only the contingency', () => {
    const hedged: MarginPortfolio = {
      ...book([{ strike: 2200, isCall: true, size: 5 }]),
      positions: { account: Int32Array.of(0, 0), option: Int32Array.of(0, 0), size: Float64Array.of(5, -5) },
    };
    const netted = portfolioMargin(hedged, grid, { pricer });
    expect(netted.scenarioMargin[0]).toBe(0);
    expect(netted.contingency[0]).toBe(0); // Derive nets shorts against longs at the same strike
    expect(netted.maintenance[0]).toBe(0);
    const gross = portfolioMargin(hedged, grid, { pricer, contingencyNetting: 'gross' });
    expect(gross.scenarioMargin[0]).toBe(0);
    expect(gross.maintenance[0]).toBeCloseTo(5 * 0.02 * 2000, 9); // 2% of spot per short contract
    expect(gross.initial[0]).toBeCloseTo(1.25 * 5 * 0.02 * 2000, 9);
  });

  // Margin is the max over scenarios of losses affine in each size, so it is convex in every
  // position's size, but not monotone in general: a short call hedges a long call (test below).
  // It is non-decreasing in a short's size when nothing else on that underlying can offset it:
  // books whose options on the shocked underlying are all short and of one type (every one of
  // them loses in the same worst corner of the grid), with arbitrary positions on other underlyings.
  it('is non-decreasing in a short position’s size (random one-directional books)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0.01, max: 20, noNaN: true }), fc.boolean(), (seed, extra, calls) => {
        const p = randomPortfolio({ seed, accounts: 1, positionsPerAccount: 8, options: 8, underlyings: 2 });
        for (let o = 0; o < 8; o++) if (p.options.underlying[o] === 0) p.options.isCall[o] = calls ? 1 : 0;
        let row = -1;
        p.positions.size.forEach((q, i) => {
          if (p.options.underlying[p.positions.option[i]!] !== 0) return;
          p.positions.size[i] = -Math.abs(q);
          row = i;
        });
        if (row < 0) return true;
        const before = portfolioMargin(p, grid, { pricer }).maintenance[0]!;
        p.positions.size[row]! -= extra;
        const after = portfolioMargin(p, grid, { pricer }).maintenance[0]!;
        return after >= before - 1e-9 * Math.max(1, before);
      }),
      { seed: 20261125, numRuns: 150 },
    );
  });

  it('is convex in any position’s size (random portfolios)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true }), (seed, q1, q2) => {
        const p = randomPortfolio({ seed, accounts: 1, positionsPerAccount: 6, options: 6, underlyings: 2, linearPerAccount: 1 });
        const at = (q: number) => {
          p.positions.size[0] = q;
          return portfolioMargin(p, grid, { pricer }).maintenance[0]!;
        };
        const mid = at((q1 + q2) / 2);
        const chord = (at(q1) + at(q2)) / 2;
        return mid <= chord + 1e-9 * Math.max(1, chord);
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('a short can lower margin when it hedges: short call against a long call', () => {
    const long = book([{ strike: 2000, isCall: true, size: 2 }]);
    const spread = book([{ strike: 2000, isCall: true, size: 2 }, { strike: 2100, isCall: true, size: -2 }]);
    expect(portfolioMargin(spread, grid, { pricer }).maintenance[0]!).toBeLessThan(portfolioMargin(long, grid, { pricer }).maintenance[0]!);
  });

  it('agrees with the brute-force grid evaluation to 1e-9 relative on random portfolios', () => {
    const cases: { grid: ScenarioGrid; settings: Partial<PortfolioMarginSettings> & { spotMoveScale?: Float64Array } }[] = [
      { grid, settings: {} },
      { grid, settings: { spotMoveScale: Float64Array.of(0.5, 1.7, 1) } },
      { grid: spanGrid({ scanRange: 0.2 }), settings: { contingencyNetting: 'gross', rate: 0.05, carry: 0.02 } },
      { grid: derivePmrmGrid(), settings: { crossUnderlying: { kind: 'correlation', rho: 0.3 }, imFactor: 1.3 } },
      {
        grid: customGrid({ horizonYears: 2 / 365, scenarios: [{ spotMove: -1 }, { spotMove: -0.5, volMove: 0.8 }, { spotMove: 1, volMove: -0.9, weight: 0.5 }] }),
        settings: { rate: 0.03, minVol: 0.2 },
      },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: cases.length - 1 }), (seed, which) => {
        const { grid: g, settings } = cases[which]!;
        const p = randomPortfolio({ seed, accounts: 25, positionsPerAccount: 8, options: 30, underlyings: 3, linearPerAccount: 1, expiredShare: 0.1 });
        const fast = portfolioMargin(p, g, { pricer, ...settings });
        const slow = bruteForceMargin(p, g, pricer, { ...PORTFOLIO_MARGIN_DEFAULTS, ...settings });
        for (let a = 0; a < p.accountCount; a++) {
          if (relativeGap(fast.maintenance[a]!, slow.maintenance[a]!) > 1e-9) return false;
          if (relativeGap(fast.initial[a]!, slow.initial[a]!) > 1e-9) return false;
        }
        return true;
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it('counts 35% of the extreme-move loss on the SPAN grid', () => {
    // A short deep-OTM put: its loss comes from the −2 × range extreme move.
    const p = book([{ strike: 1300, isCall: false, size: -10, years: 20 / 365, vol: 0.6 }]);
    const span = spanGrid({ scanRange: 0.2, horizonYears: 0 });
    const settings = { pricer, optionContingencyRate: 0 };
    const r = portfolioMargin(p, span, settings);
    const value = (m: number, vol: number) => pricer.price({ spot: 2000 * m, strike: 1300, years: 20 / 365, vol, rate: 0, carry: 0, isCall: false });
    const now = value(1, 0.6);
    const extremeLoss = 10 * (value(0.6, 0.6) - now);
    const ordinaryWorst = 10 * (value(0.8, 0.6 * 1.25) - now); // −1 × range, vol up 25%
    expect(extremeLoss * 0.35).toBeGreaterThan(ordinaryWorst); // the extreme scenario binds…
    expect(r.maintenance[0]).toBeCloseTo(0.35 * extremeLoss, 9); // …at 35% of its loss
    expect(r.byUnderlying.worstScenario[0]).toBe(15);
    const full = portfolioMargin(p, spanGrid({ scanRange: 0.2, horizonYears: 0, extremeWeight: 1 }), settings);
    expect(full.maintenance[0]).toBeCloseTo(extremeLoss, 9);
  });

  it('adds linear holdings of the underlying into the same scenarios (a delta hedge offsets)', () => {
    const p = book([{ strike: 2000, isCall: true, size: -1 }]);
    const naked = portfolioMargin(p, grid, { pricer }).maintenance[0]!;
    const linear = { account: Int32Array.of(0), underlying: Int32Array.of(0), quantity: Float64Array.of(0.5) }; // ≈ the call's delta
    const hedged = portfolioMargin({ ...p, linear }, grid, { pricer });
    expect(hedged.maintenance[0]!).toBeLessThan(naked);
    // linear contingency: Derive basePercent 3% of spot per unit
    expect(hedged.contingency[0]).toBeCloseTo(0.02 * 2000 + 0.03 * 0.5 * 2000, 9);
  });

  it('aggregates across underlyings: no offset by default, a correlation credit never below the largest', () => {
    const p = randomPortfolio({ seed: 3, accounts: 50, positionsPerAccount: 10, options: 40, underlyings: 3 });
    const plain = portfolioMargin(p, grid, { pricer });
    const rho0 = portfolioMargin(p, grid, { pricer, crossUnderlying: { kind: 'correlation', rho: 0 } });
    for (let a = 0; a < p.accountCount; a++) {
      const { start, scenarioMargin } = plain.byUnderlying;
      const parts = Array.from(scenarioMargin.subarray(start[a]!, start[a + 1]!));
      expect(plain.scenarioMargin[a]).toBeCloseTo(parts.reduce((x, y) => x + y, 0), 9);
      expect(rho0.scenarioMargin[a]).toBeCloseTo(Math.sqrt(parts.reduce((x, y) => x + y * y, 0)), 9);
      expect(rho0.scenarioMargin[a]! + 1e-9).toBeGreaterThanOrEqual(Math.max(0, ...parts));
      expect(rho0.diversificationCredit[a]).toBeCloseTo(plain.scenarioMargin[a]! - rho0.scenarioMargin[a]!, 9);
    }
  });
});

describe('portfolio margin against strategy-based margin', () => {
  const grid = derivePmrmGrid();
  const marks = (p: MarginPortfolio) =>
    Float64Array.from(p.options.strike, (k, o) =>
      pricer.price({ spot: p.spot[0]!, strike: k, years: p.options.years[o]!, vol: p.options.vol[o]!, rate: 0, carry: 0, isCall: p.options.isCall[o] === 1 }));

  it('a short straddle and a call spread need less under portfolio margin (the capital saving)', () => {
    for (const p of [
      book([{ strike: 2000, isCall: true, size: -1 }, { strike: 2000, isCall: false, size: -1 }]),
      book([{ strike: 2000, isCall: true, size: 1 }, { strike: 2200, isCall: true, size: -1 }]),
      book([{ strike: 1800, isCall: false, size: 1 }, { strike: 1900, isCall: false, size: -1 }]),
    ]) {
      const pm = portfolioMargin(p, grid, { pricer }).maintenance[0]!;
      const regT = strategyMargin(p, marks(p)).requirement[0]!;
      expect(pm).toBeLessThan(regT);
    }
  });

  it('a naked short put: fully collateralised equals portfolio margin on a "spot to zero" grid', () => {
    // The rules coincide only when the grid contains the put's worst case (spot → 0) with rate 0
    // and no contingency: loss = K − mark = strike collateral − mark. On the Derive grid a naked
    // put needs far less (a 20% fall at most), and Reg T's 20%-of-spot rule is a different formula
    // that no finite grid reproduces in general.
    const p = book([{ strike: 1800, isCall: false, size: -3 }]);
    const toZero = customGrid({ name: 'spot to zero', scenarios: [{ spotMove: -1 }] });
    const pm = portfolioMargin(p, toZero, { pricer, optionContingencyRate: 0 }).maintenance[0]!;
    const full = strategyMargin(p, marks(p), { mode: 'fully-collateralised' }).requirement[0]!;
    expect(pm).toBeCloseTo(full, 9);
    expect(portfolioMargin(p, grid, { pricer }).maintenance[0]!).toBeLessThan(full);
  });
});

describe('errors name the record and field', () => {
  it('rejects a position pointing at a missing option and an option without vol', () => {
    const p = book([{ strike: 2000, isCall: true, size: -1 }]);
    const bad = { ...p, positions: { ...p.positions, option: Int32Array.of(3) } };
    expect(() => portfolioMargin(bad, derivePmrmGrid(), { pricer })).toThrow(/contagion\/risk\/margin: position 0: field option 3/);
    const noVol = { ...p, options: { ...p.options, vol: Float64Array.of(NaN) } };
    expect(() => portfolioMargin(noVol, derivePmrmGrid(), { pricer })).toThrow(/option 0: field vol/);
    // Without a pricer the engine's BSM is used.
    expect(portfolioMargin(p, derivePmrmGrid()).maintenance[0]).toBe(portfolioMargin(p, derivePmrmGrid(), { pricer }).maintenance[0]);
  });
});
