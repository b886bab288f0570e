/**
 * The Eisenberg–Noe clearing vector of a liabilities network (Eisenberg & Noe 2001, "Systemic
 * Risk in Financial Systems", Management Science 47(2) 236–249): the greatest p* with
 *
 *   p* = min(p̄, e + Πᵀp*),
 *
 * each node paying its obligations in full or, failing that, everything it has, pro rata to its
 * creditors. Exact by EN's fictitious default algorithm (fictitious-default.ts) up to `denseLimit`
 * nodes, by Picard iteration (fixed-point.ts) above; `method` forces either. From p* follow the
 * defaults (p*_i < p̄_i), EN's equity e_i + Σ_j Π_ji p*_j − p*_i, and the net worth against the
 * nominal obligations.
 *
 * A node with no obligations (p̄_i = 0) has no Π row: it pays nothing, cannot default, and is
 * named in a warning.
 */
import type { ClearingOptions, ClearingResult } from './clearing-types.js';
import { NetworkError } from './errors.js';
import { fictitiousDefault } from './fictitious-default.js';
import { fixedPoint } from './fixed-point.js';
import { fixedPointResidual, receivedPayments } from './inflows.js';
import type { LiabilityNetwork } from './liability-network.js';

export const DEFAULTS: ClearingOptions = {
  method: 'auto',
  tolerance: 1e-12,
  maxIterations: 100_000,
  denseLimit: 1_000,
};

const WHERE = 'contagion/network/clearing';

export function clearing(network: LiabilityNetwork, options: Partial<ClearingOptions> = {}): ClearingResult {
  const settings: ClearingOptions = { ...DEFAULTS, ...options };
  checkSettings(settings);
  const { obligations, externalAssets, ids } = network;
  const n = obligations.length;
  const useFictitious = settings.method === 'fictitious-default' || (settings.method === 'auto' && n <= settings.denseLimit);
  const outcome = useFictitious ? fictitiousDefault(network, settings) : fixedPoint(network, settings);
  const payments = outcome.payments;

  const received = receivedPayments(network, payments, new Float64Array(n));
  const defaulted = new Uint8Array(n);
  const equity = new Float64Array(n);
  const netWorth = new Float64Array(n);
  const defaultWave = outcome.defaultWave.slice();
  for (let i = 0; i < n; i++) {
    defaulted[i] = payments[i]! < obligations[i]! * (1 - settings.tolerance) ? 1 : 0;
    if (!defaulted[i]) defaultWave[i] = null;
    equity[i] = defaulted[i] ? 0 : Math.max(0, externalAssets[i]! + received[i]! - payments[i]!);
    netWorth[i] = externalAssets[i]! + received[i]! - obligations[i]!;
  }
  const warnings = [...network.warnings, ...outcome.warnings];
  const idle = ids.filter((_, i) => obligations[i] === 0);
  if (idle.length > 0) {
    const named = idle.slice(0, 5).map((id) => `"${id}"`).join(', ') + (idle.length > 5 ? `, … (${idle.length} in all)` : '');
    warnings.push(`${WHERE}: ${idle.length === 1 ? 'node' : `${idle.length} nodes`} ${named} ${idle.length === 1 ? 'has' : 'have'} no obligations: Π row undefined, pays nothing and cannot default`);
  }
  return {
    method: useFictitious ? 'fictitious-default' : 'fixed-point',
    linearSolver: outcome.linearSolver,
    payments,
    obligations,
    received,
    defaulted,
    defaultWave,
    equity,
    netWorth,
    iterations: outcome.iterations,
    innerIterations: outcome.innerIterations,
    converged: outcome.converged,
    residual: fixedPointResidual(network, payments, new Float64Array(n)),
    warnings,
  };
}

function checkSettings(settings: ClearingOptions): void {
  if (!['auto', 'fictitious-default', 'fixed-point'].includes(settings.method)) {
    throw new NetworkError(`${WHERE}: option method must be auto, fictitious-default or fixed-point, got ${JSON.stringify(settings.method)}`);
  }
  if (!(settings.tolerance > 0 && settings.tolerance < 1)) throw new NetworkError(`${WHERE}: option tolerance must be in (0, 1), got ${settings.tolerance}`);
  if (!(Number.isInteger(settings.maxIterations) && settings.maxIterations >= 1)) {
    throw new NetworkError(`${WHERE}: option maxIterations must be a whole number ≥ 1, got ${settings.maxIterations}`);
  }
  if (!(Number.isInteger(settings.denseLimit) && settings.denseLimit >= 0)) {
    throw new NetworkError(`${WHERE}: option denseLimit must be a whole number ≥ 0, got ${settings.denseLimit}`);
  }
}
