/**
 * Child process for fake-graph-node-stop.test.ts: starts a server, leaves a keep-alive connection
 * and a reply delayed by a minute in flight, stops it, and must then exit on its own at once.
 */
import { uniswapV3Data } from '../harness/data/uniswap-v3.js';
import { startFakeGraphNode } from '../harness/fake-graph-node.js';
import { loadSubgraphSdl } from '../harness/subgraph-schemas.js';

const node = await startFakeGraphNode({ schema: loadSubgraphSdl('uniswap-v3') });
node.store.load(uniswapV3Data({ seed: 1, pools: 2 }).entities, 100);
const body = JSON.stringify({ query: '{ pools { id } }' });
const first = await fetch(node.url, { method: 'POST', body });
console.log(`served ${first.status}`);
node.enqueueFault({ kind: 'delay', ms: 60_000 });
const pending = fetch(node.url, { method: 'POST', body }).then(
  (r) => `answered ${r.status}`,
  () => 'cut off',
);
await new Promise((resolve) => setTimeout(resolve, 100));
await node.stop();
console.log(`delayed request ${await pending}`);
// Client sockets see the server's close a moment later; give them one turn of the loop.
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(`resources ${JSON.stringify(process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')))}`);
