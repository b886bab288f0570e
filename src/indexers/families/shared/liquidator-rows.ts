/**
 * Pieces of liquidation-event rows every lending family needs: one liquidator row per address
 * seen (labels are not on chain), and event times as ISO 8601 from the subgraphs' Unix seconds.
 */
import type { LiquidationEventRow, LiquidatorRow } from '../../../store/index.js';
import { IndexerError } from '../../errors.js';
import type { Origin } from '../../units.js';

export function liquidatorRows(events: readonly LiquidationEventRow[]): LiquidatorRow[] {
  return [...new Set(events.map((e) => e.liquidator))].map((liquidator) => ({ liquidator, label: null, extra: null }));
}

/** Unix seconds (number or BigInt text) as ISO 8601; anything that is not a plausible time is an error. */
export function isoFromSeconds(seconds: number | string, origin: Origin, field: string): string {
  const value = Number(seconds);
  // 2100-01-01: a later "timestamp" is milliseconds or garbage.
  if (!Number.isInteger(value) || value < 0 || value > 4_102_444_800) {
    throw new IndexerError(`${field} ${JSON.stringify(seconds)} of id ${origin.id} is not a Unix time in seconds`, origin);
  }
  return new Date(value * 1000).toISOString();
}

/** A block number (BigInt text or number) as a safe integer. */
export function blockNumberOf(value: number | string, origin: Origin, field: string): number {
  const block = Number(value);
  if (!Number.isSafeInteger(block) || block < 0) throw new IndexerError(`${field} ${JSON.stringify(value)} of id ${origin.id} is not a block number`, origin);
  return block;
}
