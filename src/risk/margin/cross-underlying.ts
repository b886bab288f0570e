/**
 * How an account's per-underlying scenario margins combine. SPAN-style venues and Derive give no
 * offset between underlyings by default (each risk universe is margined on its own: the sum).
 * With a correlation ρ the scenario parts m_u ≥ 0 aggregate as in the Basel Committee's FRTB
 * cross-bucket rule ("Minimum capital requirements for market risk", BCBS d457, Jan 2019,
 * MAR21.4(5): K = √(Σ_b K_b² + Σ_b Σ_{c≠b} γ_bc K_b K_c)) with one γ = ρ for every pair:
 *
 *   M = √( (1 − ρ) Σ m_u² + ρ (Σ m_u)² ),   floored at max_u m_u (never below the largest single),
 *   credit = Σ m_u − M ≥ 0.
 *
 * ρ = 1 gives the plain sum (no credit), ρ = 0 the root-sum-of-squares, ρ < 0 is allowed and the
 * floor then binds. Contingency charges are added after aggregation, never diversified.
 */
import { MarginError } from './errors.js';

export type CrossUnderlyingRule = { kind: 'none' } | { kind: 'correlation'; rho: number };

export function checkCrossUnderlyingRule(rule: CrossUnderlyingRule): void {
  if (rule.kind === 'correlation' && !(rule.rho >= -1 && rule.rho <= 1)) {
    throw new MarginError(`options: crossUnderlying.rho must be in [−1, 1], got ${rule.rho}`);
  }
}

/** Aggregates `count` non-negative per-underlying margins held in `m[0..count)`. */
export function aggregateAcrossUnderlyings(m: Float64Array, count: number, rule: CrossUnderlyingRule): number {
  let sum = 0;
  let largest = 0;
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const x = m[i]!;
    sum += x;
    squares += x * x;
    if (x > largest) largest = x;
  }
  if (rule.kind === 'none' || count <= 1) return sum;
  const rho = rule.rho;
  const combined = Math.sqrt(Math.max(0, (1 - rho) * squares + rho * sum * sum));
  return Math.min(sum, Math.max(largest, combined));
}
