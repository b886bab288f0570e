/**
 * The cascade's round clock, in seconds. The reference cascade (docs/reference-cascade.md) counts
 * rounds but gives them no duration; oracles need one, because a Chainlink heartbeat and a TWAP
 * window are measured in seconds. The clock makes the choice explicit, two ways:
 *
 *  - from blocks: a round is `blocksPerRound` blocks of `blockSeconds` (Ethereum mainnet since the
 *    Merge: 12 s slots), e.g. 25 blocks = 5 minutes per round;
 *  - from a scenario's duration: "the cascade plays out over an hour" split into N rounds.
 *
 * Round index r (0-based: the cascade's round r + 1) starts at `startSeconds + r · roundSeconds`;
 * oracles are read at a round's start, when its liquidations are decided.
 */
import { OracleError, requirePositive } from './errors.js';

export interface RoundClock {
  /** Time of round index 0's start, in seconds (any origin; oracle state times use the same one). */
  startSeconds: number;
  /** Duration of one round, in seconds. */
  roundSeconds: number;
}

export interface BlockClockOptions {
  blockSeconds: number;
  blocksPerRound: number;
  startSeconds: number;
}

/** One 12-second Ethereum block per round, starting at t = 0. */
export const DEFAULTS: BlockClockOptions = {
  blockSeconds: 12,
  blocksPerRound: 1,
  startSeconds: 0,
};

/** A round of `blocksPerRound` blocks of `blockSeconds` each. */
export function blockClock(options: Partial<BlockClockOptions> = {}): RoundClock {
  const { blockSeconds, blocksPerRound, startSeconds } = { ...DEFAULTS, ...options };
  requirePositive('round-clock', 'blockSeconds', blockSeconds);
  if (!Number.isInteger(blocksPerRound) || blocksPerRound < 1) {
    throw new OracleError('round-clock', `blocksPerRound must be a whole number ≥ 1, got ${blocksPerRound}`);
  }
  if (!Number.isFinite(startSeconds)) throw new OracleError('round-clock', `startSeconds must be finite, got ${startSeconds}`);
  return { startSeconds, roundSeconds: blockSeconds * blocksPerRound };
}

/** A scenario's duration split into `rounds` equal rounds ("the cascade plays out over an hour"). */
export function durationClock(totalSeconds: number, rounds: number, startSeconds = 0): RoundClock {
  requirePositive('round-clock', 'totalSeconds', totalSeconds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new OracleError('round-clock', `rounds must be a whole number ≥ 1, got ${rounds}`);
  if (!Number.isFinite(startSeconds)) throw new OracleError('round-clock', `startSeconds must be finite, got ${startSeconds}`);
  return { startSeconds, roundSeconds: totalSeconds / rounds };
}

/** Start time (seconds) of round index `round` (0-based). */
export function roundTime(clock: RoundClock, round: number): number {
  return clock.startSeconds + round * clock.roundSeconds;
}
