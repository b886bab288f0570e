/** How a webhook delivery retries: `retries` more attempts after the first, waiting `retryDelayMs`, then twice that, and so on. */
export interface DeliveryOptions {
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
  /** Injected in tests; `setTimeout` otherwise. */
  sleep?: (ms: number) => Promise<void>;
}

export const DELIVERY_DEFAULTS = { timeoutMs: 10_000, retries: 2, retryDelayMs: 1_000, maxRetryAfterMs: 30_000 } as const;

export interface DeliveryOutcome {
  ok: boolean;
  /** The last attempt's outcome: "HTTP 200", "timeout after 10000 ms", "connection failed". */
  outcome: string;
  attempts: number;
}

const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * POSTs `payload` as JSON to a webhook. A timeout, a refused connection, HTTP 429 or a 5xx is worth
 * another try (the receiver is down or busy); any other 4xx is not (the request itself is wrong).
 * A 429's or 503's `Retry-After` (seconds) is honoured up to 30 s. The URL may carry a secret, so
 * neither it nor an error that could quote it is ever returned: only "HTTP 200", "timeout" and the like.
 */
export async function postAlert(url: string, payload: unknown, options: DeliveryOptions = {}): Promise<DeliveryOutcome> {
  const timeoutMs = options.timeoutMs ?? DELIVERY_DEFAULTS.timeoutMs;
  const retries = options.retries ?? DELIVERY_DEFAULTS.retries;
  const delay = options.retryDelayMs ?? DELIVERY_DEFAULTS.retryDelayMs;
  const sleep = options.sleep ?? wait;
  const body = JSON.stringify(payload);
  let last: { ok: boolean; outcome: string; retry: boolean; retryAfterMs: number | null } = { ok: false, outcome: 'not sent', retry: false, retryAfterMs: null };
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    last = await postOnce(url, body, timeoutMs);
    if (last.ok || !last.retry || attempt === retries + 1) return { ok: last.ok, outcome: last.outcome, attempts: attempt };
    await sleep(last.retryAfterMs ?? delay * 2 ** (attempt - 1));
  }
  return { ok: last.ok, outcome: last.outcome, attempts: retries + 1 };
}

async function postOnce(url: string, body: string, timeoutMs: number): Promise<{ ok: boolean; outcome: string; retry: boolean; retryAfterMs: number | null }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'contagion-schedule' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    const status = response.status;
    const seconds = Number(response.headers.get('retry-after'));
    const retryAfterMs = Number.isFinite(seconds) && seconds >= 0 && response.headers.has('retry-after')
      ? Math.min(seconds * 1000, DELIVERY_DEFAULTS.maxRetryAfterMs) : null;
    return { ok: response.ok, outcome: `HTTP ${status}`, retry: status === 429 || status >= 500, retryAfterMs };
  } catch (error) {
    const name = (error as Error).name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    return { ok: false, outcome: timedOut ? `timeout after ${timeoutMs} ms` : 'connection failed', retry: true, retryAfterMs: null };
  }
}
