/**
 * A columnar oracle set: per asset (by the snapshot's asset index) a feed model and its state,
 * advanced all together once per cascade round on the round clock (round-clock.ts). Pure and
 * deterministic: `advanceOracleSet` returns the next set and leaves the one it was given intact,
 * so a solver can branch a scenario from any round.
 *
 *   market prices of round r ──advanceOracleSet──▶ oracle prices of round r (decide liquidations)
 *                                   │
 *                                   └──▶ next set (states remember answers, lags, TWAP paths)
 *
 * With every asset on the identity model the reported prices are the market prices exactly (the
 * reference cascade's semantics, docs/reference-cascade.md).
 */
import { OracleError } from './errors.js';
import { checkModel, type OracleModel } from './feed-models.js';
import { observeFeed, seedFeed, type FeedState } from './observe-feed.js';
import { roundTime, type RoundClock } from './round-clock.js';

export interface OracleSetSpec {
  clock: RoundClock;
  /** Per asset, its feed model. */
  models: readonly OracleModel[];
  /**
   * Per asset, the price its feed last reported before the cascade (e.g. the snapshot's price,
   * before the scenario's shock). Omitted: each feed starts in step with round 0's market price.
   */
  initialPrices?: Float64Array;
  /** Per asset, when that price was written (seconds, ≤ the clock's start). Omitted: the clock's start. */
  initialUpdatedAt?: Float64Array;
}

export interface OracleSet {
  readonly clock: RoundClock;
  readonly models: readonly OracleModel[];
  /** Index of the next round to observe (0 before the first). */
  readonly round: number;
  /** Per asset; null until the first observation when no initial price was given. */
  readonly states: readonly (FeedState | null)[];
  readonly warnings: readonly string[];
}

export interface OracleRound {
  /** The set advanced past this round. */
  set: OracleSet;
  round: number;
  timeSeconds: number;
  /** Per asset, the price the oracle reports at this round's start. */
  reported: Float64Array;
  /** Per asset, 1 where the feed wrote a new answer this round. */
  updated: Uint8Array;
  /** Per asset, seconds since the reported answer was written. */
  ageSeconds: Float64Array;
}

export function createOracleSet(spec: OracleSetSpec): OracleSet {
  const { clock, models, initialPrices, initialUpdatedAt } = spec;
  const n = models.length;
  if (!(clock.roundSeconds > 0) || !Number.isFinite(clock.roundSeconds) || !Number.isFinite(clock.startSeconds)) {
    throw new OracleError('oracle-set', `clock must have a finite start and a round duration > 0, got ${JSON.stringify(clock)}`);
  }
  for (const [name, column] of [['initialPrices', initialPrices], ['initialUpdatedAt', initialUpdatedAt]] as const) {
    if (column !== undefined && column.length !== n) throw new OracleError('oracle-set', `${name} has ${column.length} entries for ${n} models`);
  }
  const warnings: string[] = [];
  const states: (FeedState | null)[] = [];
  for (let a = 0; a < n; a++) {
    const model = checkModel(models[a]!, `models[${a}]`);
    if (model.kind === 'twap' && model.windowSeconds < clock.roundSeconds) {
      warnings.push(
        `contagion/contagion/oracles/oracle-set: asset ${a}'s TWAP window (${model.windowSeconds} s) is shorter than a round ` +
          `(${clock.roundSeconds} s): it reports the previous round's price`,
      );
    }
    const updatedAt = initialUpdatedAt?.[a] ?? clock.startSeconds;
    if (!(updatedAt <= clock.startSeconds)) {
      throw new OracleError('oracle-set', `initialUpdatedAt[${a}] = ${updatedAt} is after the clock's start (${clock.startSeconds} s)`);
    }
    states.push(initialPrices === undefined ? null : seedFeed(model, initialPrices[a]!, updatedAt));
  }
  return { clock, models, round: 0, states, warnings };
}

/** Observes round `set.round`'s market prices (by asset) and returns what each oracle reports. */
export function advanceOracleSet(set: OracleSet, marketPrices: Float64Array): OracleRound {
  const n = set.models.length;
  if (marketPrices.length !== n) throw new OracleError('oracle-set', `round ${set.round}: ${marketPrices.length} market prices for ${n} feeds`);
  const now = roundTime(set.clock, set.round);
  const reported = new Float64Array(n);
  const updated = new Uint8Array(n);
  const ageSeconds = new Float64Array(n);
  const states: FeedState[] = new Array<FeedState>(n);
  for (let a = 0; a < n; a++) {
    let step;
    try {
      step = observeFeed(set.models[a]!, set.states[a] ?? null, marketPrices[a]!, now);
    } catch (error) {
      if (error instanceof OracleError) throw new OracleError('oracle-set', `round ${set.round}, asset ${a}: ${error.message}`);
      throw error;
    }
    states[a] = step.state;
    reported[a] = step.reported;
    updated[a] = step.updated ? 1 : 0;
    ageSeconds[a] = now - step.state.updatedAt;
  }
  return { set: { ...set, round: set.round + 1, states }, round: set.round, timeSeconds: now, reported, updated, ageSeconds };
}

/** Runs an oracle set over a whole market price path (`marketPath[r][a]`), round 0 first. */
export function oraclePricePath(spec: OracleSetSpec, marketPath: readonly Float64Array[]): { reported: Float64Array[]; updated: Uint8Array[]; warnings: string[] } {
  let set = createOracleSet(spec);
  const reported: Float64Array[] = [];
  const updated: Uint8Array[] = [];
  for (const prices of marketPath) {
    const round = advanceOracleSet(set, prices);
    reported.push(round.reported);
    updated.push(round.updated);
    set = round.set;
  }
  return { reported, updated, warnings: [...set.warnings] };
}
