import { describe, expect, it } from 'vitest';
import {
  OracleError, advanceOracleSet, blockClock, createOracleSet, durationClock, identityFeed, laggedFeed, observeFeed, oraclePricePath,
  pushFeed, twapFeed, type FeedState, type OracleModel,
} from '../../../src/contagion/oracles/index.js';
import { CascadeError } from '../../../src/contagion/errors.js';
import { referenceCascade } from '../../../src/contagion/index.js';
import { toySnapshot } from '../../helpers/toy-ecosystem.js';

/** One asset's market path as the columnar rounds the oracle set takes. */
const column = (path: number[]): Float64Array[] => path.map((p) => Float64Array.of(p));
const reportedOf = (reported: Float64Array[], a = 0): number[] => reported.map((r) => r[a]!);

describe('Chainlink-style push feed', () => {
  // ETH/USD mainnet parameters: 0.5 % deviation, 3600 s heartbeat; 10-minute rounds.
  const clock = durationClock(3600, 6); // 600 s per round
  const spec = { clock, models: [pushFeed()], initialPrices: Float64Array.of(2000), initialUpdatedAt: Float64Array.of(0) };

  it('updates exactly at the deviation threshold, not before', () => {
    // t:        0     600      1200  1800  2400
    // market: 2000  2009.99   2010  2000  1999
    // |Δ|/ans:  0   0.004995  0.005 (update) 10/2010 = 0.004975, 11/2010 = 0.00547 (update)
    const { reported, updated } = oraclePricePath(spec, column([2000, 2009.99, 2010, 2000, 1999]));
    expect(reportedOf(reported)).toEqual([2000, 2000, 2010, 2010, 1999]);
    expect(updated.map((u) => u[0])).toEqual([0, 0, 1, 0, 1]);
  });

  it('updates on a fall of exactly the threshold', () => {
    const model = pushFeed({ deviationThreshold: 0.005 });
    const seeded: FeedState = { kind: 'push', reported: 100, updatedAt: 0 };
    expect(observeFeed(model, seeded, 99.51, 12).updated).toBe(false); // 0.49 %
    expect(observeFeed(model, seeded, 99.5, 12)).toMatchObject({ updated: true, reported: 99.5 }); // 0.5 %
    expect(observeFeed(model, seeded, 100.5, 12)).toMatchObject({ updated: true, reported: 100.5 });
  });

  it('updates exactly at the heartbeat, not before', () => {
    const model = pushFeed(); // 3600 s
    const seeded: FeedState = { kind: 'push', reported: 2000, updatedAt: 1000 };
    expect(observeFeed(model, seeded, 2001, 4599).updated).toBe(false);
    const beat = observeFeed(model, seeded, 2001, 4600);
    expect(beat).toMatchObject({ updated: true, reported: 2001 });
    expect(beat.state.updatedAt).toBe(4600);

    // On the round clock: last update at t = 1200 (round 2), heartbeat due at 4800 = round 8.
    const path = [2000, 2000, 2010, 2005, 2005, 2005, 2005, 2005, 2005, 2005];
    const { reported, updated } = oraclePricePath({ ...spec, clock: durationClock(6000, 10) }, column(path));
    expect(updated.map((u) => u[0])).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 1, 0]);
    expect(reportedOf(reported)).toEqual([2000, 2000, 2010, 2010, 2010, 2010, 2010, 2010, 2005, 2005]);
  });

  it('reports a pre-shock answer until the shock crosses the threshold', () => {
    // Pre-shock 2000, shocked market 1990 (−0.5 %): the first round updates at once.
    const { reported } = oraclePricePath(spec, column([1990, 1990]));
    expect(reportedOf(reported)).toEqual([1990, 1990]);
    // A −0.4 % shock stays unseen.
    expect(reportedOf(oraclePricePath(spec, column([1992, 1992])).reported)).toEqual([2000, 2000]);
  });
});

describe('fixed-lag feed', () => {
  const market = [100, 90, 80, 85, 70, 60];

  it('reproduces the market shifted by k rounds, padded with the seed', () => {
    for (const k of [0, 1, 2, 3]) {
      const { reported } = oraclePricePath({ clock: blockClock(), models: [laggedFeed(k)] }, column(market));
      const expected = market.map((_, r) => market[Math.max(0, r - k)]!);
      expect(reportedOf(reported)).toEqual(expected);
    }
  });

  it('reports the pre-cascade price for the first k rounds when one is given', () => {
    const { reported } = oraclePricePath({ clock: blockClock(), models: [laggedFeed(2)], initialPrices: Float64Array.of(110) }, column(market));
    expect(reportedOf(reported)).toEqual([110, 110, 100, 90, 80, 85]);
  });
});

describe('identity feed and oracle set', () => {
  // Deterministic pseudo-random market path (LCG), 4 assets × 30 rounds.
  let seed = 42;
  const next = (): number => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
  const path = Array.from({ length: 30 }, () => Float64Array.from({ length: 4 }, () => 0.01 + 5000 * next()));

  it('reproduces the market prices exactly with every asset on identity', () => {
    const models = Array.from({ length: 4 }, identityFeed);
    const { reported } = oraclePricePath({ clock: blockClock({ blocksPerRound: 25 }), models, initialPrices: Float64Array.of(1, 2, 3, 4) }, path);
    expect(reported).toEqual(path);
  });

  it("reproduces a reference cascade's round prices with every asset on identity", () => {
    // Six accounts on a thin WETH pool: the forced sales move the price for several rounds.
    const toy = {
      assets: [{ symbol: 'USDC', priceUsd: 1 }, { symbol: 'WETH', priceUsd: 2000 }],
      protocols: [{ name: 'aave-like', closeFactor: 0.5, fullCloseBelowHf: 0.95 }],
      accounts: Array.from({ length: 6 }, (_, i) => ({
        protocol: 'aave-like', account: `0x${i}`,
        collateral: [{ asset: 'WETH', amount: 10, liquidationThreshold: 0.83, liquidationBonus: 0.05 }],
        debt: [{ asset: 'USDC', amount: 16_000 - i * 100 }],
      })),
      pools: [{ asset: 'WETH', assetReserve: 20, usdReserve: 40_000 }],
    };
    const { trace } = referenceCascade(toySnapshot(toy), { WETH: 0.9 });
    expect(trace.length).toBeGreaterThanOrEqual(2);
    expect(trace[1]!.prices.WETH).toBeLessThan(trace[0]!.prices.WETH!);
    const market = trace.map((round) => Float64Array.of(round.prices.USDC!, round.prices.WETH!));
    const { reported } = oraclePricePath({ clock: durationClock(3600, trace.length), models: [identityFeed(), identityFeed()], initialPrices: Float64Array.of(1, 2000) }, market);
    expect(reported).toEqual(market);
  });

  it('advances each asset by its own model, and is pure (a set can be branched)', () => {
    const models: OracleModel[] = [identityFeed(), laggedFeed(1), pushFeed(), twapFeed({ windowSeconds: 3600 })];
    const start = createOracleSet({ clock: blockClock({ blocksPerRound: 25 }), models });
    const first = advanceOracleSet(start, path[0]!);
    const a = advanceOracleSet(first.set, path[1]!);
    const b = advanceOracleSet(first.set, path[1]!);
    expect(a.reported).toEqual(b.reported);
    expect(start.round).toBe(0);
    expect(first.set.round).toBe(1);
    expect(a.timeSeconds).toBe(300);
    expect(a.reported[0]).toBe(path[1]![0]);
    expect(a.reported[1]).toBe(path[0]![1]);
  });

  it('warns when a TWAP window is shorter than a round, and rejects bad input', () => {
    const set = createOracleSet({ clock: durationClock(3600, 4), models: [twapFeed({ windowSeconds: 60 })] });
    expect(set.warnings[0]).toMatch(/^contagion\/contagion\/oracles\/oracle-set: asset 0's TWAP window/);
    expect(() => pushFeed({ deviationThreshold: -0.1 })).toThrow(/^contagion\/contagion\/oracles\/feed-models: model.deviationThreshold/);
    expect(() => advanceOracleSet(set, Float64Array.of(1, 2))).toThrow(OracleError);
    expect(() => advanceOracleSet(set, Float64Array.of(0))).toThrow(CascadeError);
  });
});

describe('TWAP feed', () => {
  const clock = blockClock({ blockSeconds: 12 }); // one block per round
  const W = 120; // 10 blocks

  it('of a constant price equals it, and keeps a bounded history', () => {
    for (const mean of ['arithmetic', 'geometric'] as const) {
      let set = createOracleSet({ clock, models: [twapFeed({ windowSeconds: W, mean })] });
      for (let r = 0; r < 500; r++) {
        const round = advanceOracleSet(set, Float64Array.of(1234.5));
        expect(round.reported[0]).toBeCloseTo(1234.5, 9);
        set = round.set;
      }
      const state = set.states[0]!;
      expect(state.kind === 'twap' && state.times.length).toBeLessThanOrEqual(W / 12 + 1);
    }
  });

  it('moves by spike × blockTime / W after a one-block spike, for exactly one window', () => {
    // Price 100, except block 5 (t = 60 s … 72 s) at 150. The oracle reads [t − 120, t).
    const market = Array.from({ length: 20 }, (_, r) => (r === 5 ? 150 : 100));
    const arithmetic = reportedOf(oraclePricePath({ clock, models: [twapFeed({ windowSeconds: W })] }, column(market)).reported);
    const spikeEffect = 100 + (50 * 12) / W; // 105
    arithmetic.forEach((twap, r) => {
      // The spike counts from round 6 (t = 72, its block has elapsed) to round 15 (t = 180, window [60, 180)).
      const inWindow = r >= 6 && r <= 15;
      expect(twap).toBeCloseTo(inWindow ? spikeEffect : 100, 9);
    });
    const geometric = reportedOf(oraclePricePath({ clock, models: [twapFeed({ windowSeconds: W, mean: 'geometric' })] }, column(market)).reported);
    expect(geometric[6]).toBeCloseTo(100 * 1.5 ** (12 / W), 9); // (150 · 100⁹)^(1/10)
    expect(geometric[16]).toBeCloseTo(100, 9);
  });

  it('starts from the pre-cascade price and catches up with a shock over one window', () => {
    // Pre-shock 2000, shocked to 1400 at t = 0: after r blocks the TWAP is 2000 − 600 · 12r / 120.
    const { reported } = oraclePricePath({ clock, models: [twapFeed({ windowSeconds: W })], initialPrices: Float64Array.of(2000) }, column(new Array(12).fill(1400)));
    reportedOf(reported).forEach((twap, r) => expect(twap).toBeCloseTo(2000 - 600 * Math.min(1, (12 * r) / W), 9));
  });

  it('rejects time running backwards', () => {
    const model = twapFeed({ windowSeconds: W });
    const later = observeFeed(model, null, 100, 24).state;
    expect(() => observeFeed(model, later, 100, 12)).toThrow(/twap-feed: observation at t = 12 s is earlier/);
  });
});
