import { describe, expect, it } from 'vitest';
import {
  customGrid, DERIVE_PMRM, deribitGrid, derivePmrmGrid, MarginError, rectangularGrid, scenarioGridFor, shockedVolUnfloored, spanGrid,
  termStructureScale,
} from '../../../src/risk/margin/index.js';

describe('Derive PMRM grid (derivexyz/v2-core scripts/config-mainnet.sol getDefaultScenarios)', () => {
  const grid = derivePmrmGrid();

  it('has exactly 23 scenarios in the contract order', () => {
    expect(grid.spotMultiplier.length).toBe(23);
    const rows = Array.from(grid.spotMultiplier, (m, i) => [Math.round(m * 100) / 100, grid.volMove[i]]);
    expect(rows).toEqual([
      [1.2, 1],
      [1.15, 1], [1.15, 0], [1.15, -1],
      [1.1, 1], [1.1, 0], [1.1, -1],
      [1.05, 1], [1.05, 0], [1.05, -1],
      [1, 1], [1, 0], [1, -1],
      [0.95, 1], [0.95, 0], [0.95, -1],
      [0.9, 1], [0.9, 0], [0.9, -1],
      [0.85, 1], [0.85, 0], [0.85, -1],
      [0.8, 1],
    ]);
    expect(Array.from(grid.lossWeight).every((w) => w === 1)).toBe(true);
    expect(grid.horizonYears).toBe(0);
  });

  it('uses the mainnet vol-shock parameters and PMRMLib._addVolShocks formula', () => {
    expect(grid.volShock).toEqual({
      kind: 'term-structure', up: 0.6, down: 0.3, shortTermPower: 0.3, longTermPower: 0.13, pivotYears: 30 / 365, dteFloorYears: 1 / 365,
    });
    const rule = DERIVE_PMRM.volShock;
    // 7 days: τ = 30/7, k = τ^0.3 (≤ 30 days: shortTermPower).
    const k7 = Math.pow(30 / 7, 0.3);
    expect(termStructureScale(rule, 7 / 365)).toBeCloseTo(k7, 14);
    expect(shockedVolUnfloored(rule, 0.5, 7 / 365, 1)).toBeCloseTo(0.5 * (1 + 0.6 * k7), 14); // ≈ 0.5 × 1.9285
    expect(shockedVolUnfloored(rule, 0.5, 7 / 365, -1)).toBeCloseTo(0.5 * (1 - 0.3 * k7), 14); // ≈ 0.5 × 0.5358
    // 90 days: τ = 1/3, k = τ^0.13 (longTermPower).
    expect(shockedVolUnfloored(rule, 0.5, 90 / 365, 1)).toBeCloseTo(0.5 * (1 + 0.6 * Math.pow(1 / 3, 0.13)), 14);
    // One hour to expiry: the 1-day dteFloor caps τ at 30.
    expect(termStructureScale(rule, 1 / (365 * 24))).toBeCloseTo(Math.pow(30, 0.3), 14);
    expect(shockedVolUnfloored(rule, 0.5, 7 / 365, 0)).toBe(0.5);
  });
});

describe('CME SPAN 16 scenarios', () => {
  it('spans ±1/3, ±2/3, ±1 of the scan range with vol ±1, and ±2 × range at 35%', () => {
    const grid = spanGrid({ scanRange: 0.15 });
    expect(grid.spotMultiplier.length).toBe(16);
    const moves = Array.from(grid.spotMultiplier, (m) => Math.round((m - 1) * 1e9) / 1e9);
    expect(moves).toEqual([0, 0, 0.05, 0.05, -0.05, -0.05, 0.1, 0.1, -0.1, -0.1, 0.15, 0.15, -0.15, -0.15, 0.3, -0.3]);
    expect(Array.from(grid.volMove)).toEqual([1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 0, 0]);
    expect(Array.from(grid.lossWeight)).toEqual([...Array(14).fill(1), 0.35, 0.35]);
    expect(grid.horizonYears).toBeCloseTo(1 / 365, 15);
  });
});

describe('other presets', () => {
  it('Deribit-like: ±16% in 9 buckets × vol up/same/down', () => {
    const grid = deribitGrid();
    expect(grid.spotMultiplier.length).toBe(27);
    const spots = [...new Set(Array.from(grid.spotMultiplier, (m) => Math.round(m * 1e9) / 1e9))];
    expect(spots).toEqual([0.84, 0.88, 0.92, 0.96, 1, 1.04, 1.08, 1.12, 1.16]);
  });

  it('rectangular 7 × 5', () => {
    const grid = rectangularGrid({ spotRange: 0.15, spotPoints: 7, volPoints: 5 });
    expect(grid.spotMultiplier.length).toBe(35);
    expect([...new Set(Array.from(grid.volMove))]).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('custom grids from config, checked by zod', () => {
    const grid = scenarioGridFor({
      preset: 'custom',
      config: { name: 'two', scenarios: [{ spotMove: -0.2, volMove: 0.5 }, { spotMove: 0.3, weight: 0.35 }] },
    });
    expect(Array.from(grid.spotMultiplier)).toEqual([0.8, 1.3]);
    expect(Array.from(grid.volMove)).toEqual([0.5, 0]);
    expect(Array.from(grid.lossWeight)).toEqual([1, 0.35]);
    expect(grid.volShock).toEqual({ kind: 'relative', up: 1, down: 1 });
    expect(() => customGrid({ scenarios: [{ spotMove: -1.5 }] })).toThrow(/custom grid: field scenarios\.0\.spotMove/);
    expect(() => customGrid({ scenarios: [] })).toThrow(MarginError);
  });
});
