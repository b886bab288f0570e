/**
 * How a scenario's vol move becomes a shocked implied vol for one option. A grid stores a signed
 * `volMove` per scenario (+1 = the full "up" shock, −1 = the full "down" shock, 0 = unchanged,
 * fractions allowed); the grid's rule turns it into a vol:
 *
 * - `relative`: σ' = σ·(1 + up·m) for m > 0, σ·(1 + down·m) for m < 0 (fractions of vol).
 * - `absolute`: σ' = σ + up·m for m > 0, σ + down·m for m < 0 (vol points, SPAN's vol scan range).
 * - `term-structure` (Derive PMRM, derivexyz/v2-core `src/risk-managers/PMRMLib.sol`,
 *   `_addVolShocks`): with T the option's years to expiry,
 *     τ = pivot / max(T, dteFloor),  k = τ^(T ≤ pivot ? shortTermPower : longTermPower),
 *     volShockUp = 1 + volRangeUp·k,  volShockDown = max(0, 1 − volRangeDown·k),
 *   and σ' = σ·volShockUp (m = +1) or σ·volShockDown (m = −1); a fractional m scales the shock
 *   linearly. PMRMLib uses pivot = 30 days and seconds; here both are in years (ACT/365).
 *
 * The shocked vol is floored at `minVol` (DEFAULTS in portfolio-margin.ts) so that no pricer sees a
 * zero or negative vol; the solver counts such clamps as a warning.
 */
export type VolShockRule =
  | { kind: 'relative'; up: number; down: number }
  | { kind: 'absolute'; up: number; down: number }
  | {
      kind: 'term-structure';
      up: number;
      down: number;
      shortTermPower: number;
      longTermPower: number;
      /** 30 days in PMRMLib. */
      pivotYears: number;
      /** `dteFloor` in PMRMLib (1 day in scripts/config-mainnet.sol). */
      dteFloorYears: number;
    };

/** The term-structure scale k of a Derive-style rule for an option with `years` to expiry. */
export function termStructureScale(
  rule: Extract<VolShockRule, { kind: 'term-structure' }>,
  years: number,
): number {
  const tau = rule.pivotYears / Math.max(years, rule.dteFloorYears);
  return Math.pow(tau, years <= rule.pivotYears ? rule.shortTermPower : rule.longTermPower);
}

/** The shocked vol before the `minVol` floor (may be ≤ 0 for an extreme down move). */
export function shockedVolUnfloored(rule: VolShockRule, vol: number, years: number, move: number): number {
  if (move === 0) return vol;
  const size = move > 0 ? rule.up : rule.down;
  switch (rule.kind) {
    case 'relative':
      return vol * (1 + size * move);
    case 'absolute':
      return vol + size * move;
    case 'term-structure': {
      const k = termStructureScale(rule, years);
      // PMRMLib clamps the down multiplier at 0: max(0, 1 − down·k).
      return vol * Math.max(0, 1 + size * k * move);
    }
  }
}

/**
 * The same shock with the option-dependent part hoisted: `up`/`down` are the rule's magnitudes
 * already multiplied by k for a term-structure rule (so a solver computes k once per option).
 */
export function applyVolShock(kind: VolShockRule['kind'], vol: number, up: number, down: number, move: number): number {
  if (move === 0) return vol;
  const size = move > 0 ? up : down;
  if (kind === 'absolute') return vol + size * move;
  const factor = 1 + size * move;
  return kind === 'term-structure' && factor < 0 ? 0 : vol * factor;
}

/** Checks a rule's numbers; returns a message naming the bad field, or `null` when it is sound. */
export function volShockRuleProblem(rule: VolShockRule): string | null {
  if (!(Number.isFinite(rule.up) && rule.up >= 0)) return `volShock.up must be finite and ≥ 0, got ${rule.up}`;
  if (!(Number.isFinite(rule.down) && rule.down >= 0)) return `volShock.down must be finite and ≥ 0, got ${rule.down}`;
  if (rule.kind === 'term-structure') {
    for (const field of ['shortTermPower', 'longTermPower', 'pivotYears', 'dteFloorYears'] as const) {
      const value = rule[field];
      if (!(Number.isFinite(value) && value >= 0)) return `volShock.${field} must be finite and ≥ 0, got ${value}`;
    }
    if (!(rule.dteFloorYears > 0)) return `volShock.dteFloorYears must be > 0, got ${rule.dteFloorYears}`;
    if (!(rule.pivotYears > 0)) return `volShock.pivotYears must be > 0, got ${rule.pivotYears}`;
  }
  return null;
}
