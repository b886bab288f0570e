/**
 * Writes a `contagion index` config covering every production deployment of a Messari schema
 * listed in data/subgraphs/messari-deployments.json (93 lending, 63 dex-amm, 6 derivatives-options),
 * each queried through The Graph's gateway with the key from GRAPH_API_KEY. A lending source gets the
 * deployment's Messari schema version in `options.schemaVersion` (3.1.0, 3.0.1, 2.0.1, 1.3.0, 1.3.1),
 * which picks the queries the messari-lending family reads it with.
 *
 *   npx tsx scripts/messari-config.ts [lending|dex-amm|derivatives-options] [--chain ethereum] > messari.config.json
 *   npx contagion index --config messari.config.json
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseIndexerConfig } from '../src/indexers/config.js';
import { SCHEMA_VERSIONS as LENDING_SCHEMA_VERSIONS } from '../src/indexers/families/messari-lending/index.js';
import { projectRoot } from '../src/store/index.js';

const deployments = z
  .array(z.object({ schema: z.string(), protocol: z.string(), deployment: z.string(), network: z.string(), schemaVersion: z.string(), subgraphId: z.string().nullable() }))
  .parse(JSON.parse(readFileSync(join(projectRoot(), 'data', 'subgraphs', 'messari-deployments.json'), 'utf8')));

const schemaArg = process.argv[2] ?? 'lending';
const chainIndex = process.argv.indexOf('--chain');
const chain = chainIndex > 0 ? process.argv[chainIndex + 1] : undefined;
const familyOf: Record<string, string> = { lending: 'messari-lending', 'dex-amm': 'messari-dex', 'derivatives-options': 'messari-options' };
const family = familyOf[schemaArg];
if (family === undefined) {
  process.stderr.write(`unknown schema ${schemaArg}; one of ${Object.keys(familyOf).join(', ')}\n`);
  process.exit(2);
}
// Compound v3, Morpho and Euler keep risk per market, not per account.
const isolated = (protocol: string): boolean => /compound-v3|morpho-blue|euler|silo|fraxlend|abracadabra/.test(protocol);

const chosen = deployments.filter((d) => d.schema === schemaArg && (chain === undefined || d.network === chain));
// A few deployments were never published to The Graph's network (no subgraph id): say which.
const unpublished = chosen.filter((d) => d.subgraphId === null).map((d) => d.deployment);
const lendingVersion = (d: (typeof deployments)[number]): string => {
  if (!(LENDING_SCHEMA_VERSIONS as readonly string[]).includes(d.schemaVersion)) {
    process.stderr.write(`${d.deployment} is on lending schema ${d.schemaVersion}, which the messari-lending family does not read (${LENDING_SCHEMA_VERSIONS.join(', ')})\n`);
    process.exit(2);
  }
  return d.schemaVersion;
};
const sources = chosen
  .filter((d) => d.subgraphId !== null)
  .map((d) => ({
    name: d.deployment,
    schema: family,
    chain: d.network,
    protocol: d.deployment,
    endpoint: `https://gateway.thegraph.com/api/subgraphs/id/${d.subgraphId}`,
    apiKeyEnv: 'GRAPH_API_KEY',
    ...(family === 'messari-lending' && isolated(d.protocol) ? { isolation: 'market' } : {}),
    ...(family === 'messari-lending' ? { options: { schemaVersion: lendingVersion(d) } } : {}),
  }));
const config = { sources };
parseIndexerConfig(config, 'generated config'); // fail here, not at index time
process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
process.stderr.write(`${sources.length} ${schemaArg} deployments${chain ? ` on ${chain}` : ''}`);
process.stderr.write(unpublished.length > 0 ? `; without a subgraph id on The Graph's network, left out: ${unpublished.join(', ')}\n` : '\n');
