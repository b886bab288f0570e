/**
 * Retries with capped exponential backoff and full jitter (delay drawn uniformly from
 * [0, min(cap, base·2^attempt)]), after Brooker, "Exponential Backoff And Jitter", AWS
 * Architecture Blog, 2015: jitter spreads the retries of concurrent pagers hitting one rate limit.
 * A server's Retry-After wins over the drawn delay.
 */
import { TransportFailure } from './transport.js';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Uniform in [0, 1); injectable so tests are deterministic. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULTS: RetryPolicy = {
  maxRetries: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function backoffDelay(policy: RetryPolicy, attempt: number, failure: TransportFailure): number {
  if (failure.retryAfterMs !== null) return Math.min(failure.retryAfterMs, policy.maxDelayMs);
  return policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
}

/**
 * Runs `attempt` until it succeeds, fails with something not worth retrying, or runs out of
 * retries; then throws the last failure. `onRetry` hears of every retry (for progress and tests).
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (failure: TransportFailure, retry: number, delayMs: number) => void = () => {},
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof TransportFailure) || !error.retryable || retry >= policy.maxRetries) throw error;
      const delay = backoffDelay(policy, retry, error);
      onRetry(error, retry + 1, delay);
      await policy.sleep(delay);
    }
  }
}
