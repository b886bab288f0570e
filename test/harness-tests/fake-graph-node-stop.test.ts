import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startFakeGraphNode } from '../harness/fake-graph-node.js';
import { loadSubgraphSdl } from '../harness/subgraph-schemas.js';

const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;

describe('fake graph-node: stop()', () => {
  it('leaves no server, socket or timer behind: a process that stops it exits at once', async () => {
    const script = fileURLToPath(new URL('./stop-child.ts', import.meta.url));
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const guard = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 10_000);
      child.on('exit', (exitCode) => {
        clearTimeout(guard);
        resolve(exitCode);
      });
    });
    expect(code, `the child did not exit by itself:\n${out}`).toBe(0);
    expect(out).toContain('served 200');
    expect(out).toContain('delayed request cut off');
    expect(out).toContain('resources []');
    // The delayed reply was a minute away; exiting well before shows it was cancelled.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('closes its listener and connections in this process too', async () => {
    const before = tcpHandles();
    const node = await startFakeGraphNode({ schema: loadSubgraphSdl('uniswap-v3') });
    const response = await fetch(node.url, { method: 'POST', body: JSON.stringify({ query: '{ _meta { block { number } } }' }) });
    expect(response.status).toBe(200);
    await response.text();
    expect(tcpHandles()).toBeGreaterThan(before);
    await node.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tcpHandles()).toBe(before);
    await expect(fetch(node.url, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
