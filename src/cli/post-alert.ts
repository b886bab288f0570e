/**
 * POSTs `payload` as JSON to a webhook, giving up after `timeoutMs`. The URL may carry a secret, so
 * neither it nor an error that could quote it is ever returned: only "HTTP 200", "timeout" and the like.
 */
export async function postAlert(url: string, payload: unknown, timeoutMs = 10_000): Promise<{ ok: boolean; outcome: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'contagion-schedule' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { ok: response.ok, outcome: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as Error).name;
    return { ok: false, outcome: name === 'TimeoutError' || name === 'AbortError' ? `timeout after ${timeoutMs} ms` : 'connection failed' };
  }
}
