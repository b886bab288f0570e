import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postAlert } from '../../src/cli/post-alert.js';

/** A loopback receiver answering each request with the next status of `script`, recording what it got. */
async function receiver(script: (number | 'hang')[], headers: Record<string, string> = {}): Promise<{ url: string; server: Server; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const status = script[Math.min(bodies.length, script.length - 1)]!;
      bodies.push(text);
      if (status !== 'hang') response.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/secret-token`, server, bodies };
}

describe('postAlert', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    }
  });
  const sleeps: number[] = [];
  const sleep = async (ms: number): Promise<void> => { sleeps.push(ms); };

  it('retries 5xx with doubling delays, up to the retry budget', async () => {
    const hook = await receiver([500, 502, 503, 204]);
    servers.push(hook.server);
    sleeps.length = 0;
    const sent = await postAlert(hook.url, { n: 1 }, { retries: 2, retryDelayMs: 100, sleep });
    expect(sent).toEqual({ ok: false, outcome: 'HTTP 503', attempts: 3 });
    expect(sleeps).toEqual([100, 200]);
    expect(hook.bodies).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
  });

  it('stops at the first success, and honours Retry-After on a 429', async () => {
    const hook = await receiver([429, 200], { 'retry-after': '2' });
    servers.push(hook.server);
    sleeps.length = 0;
    const sent = await postAlert(hook.url, {}, { retries: 5, retryDelayMs: 10, sleep });
    expect(sent).toEqual({ ok: true, outcome: 'HTTP 200', attempts: 2 });
    expect(sleeps).toEqual([2000]);
  });

  it('does not retry a 4xx other than 429: the request itself is wrong', async () => {
    const hook = await receiver([404]);
    servers.push(hook.server);
    const sent = await postAlert(hook.url, {}, { retries: 3, sleep });
    expect(sent).toEqual({ ok: false, outcome: 'HTTP 404', attempts: 1 });
  });

  it('retries a timeout and a refused connection, never quoting the URL', async () => {
    const hook = await receiver(['hang']);
    servers.push(hook.server);
    const timedOut = await postAlert(hook.url, {}, { retries: 1, timeoutMs: 150, retryDelayMs: 1, sleep });
    expect(timedOut).toEqual({ ok: false, outcome: 'timeout after 150 ms', attempts: 2 });
    const closed = await receiver([200]);
    const url = closed.url;
    await new Promise<void>((done) => closed.server.close(() => done()));
    const refused = await postAlert(url, {}, { retries: 2, retryDelayMs: 1, sleep });
    expect(refused).toEqual({ ok: false, outcome: 'connection failed', attempts: 3 });
    expect(JSON.stringify([timedOut, refused])).not.toContain('secret-token');
  });
});
