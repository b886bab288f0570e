import { describe, expect, it } from 'vitest';
import { syntheticEcosystem } from '../../../bench/synthetic-ecosystem.js';
import { buildExposureGraph } from '../../../src/graph/index.js';
import { exposureMapData, exposureMapHtml, type ExposureMapData } from '../../../src/report/map/index.js';
import { HOSTILE_PROTOCOL, HOSTILE_SYMBOL, MARKDOWN_SYMBOL, TOY_ECOSYSTEM, toyEcosystemSnapshot } from '../report-fixture.js';
import { toyMap } from './map-fixture.js';

const count = (data: ExposureMapData, type: string): number => data.nodes.filter((n) => n.type === type).length;
const JSON_BLOCK = /<script type="application\/json" id="map-data">([\s\S]*?)<\/script>/;

describe('exposureMapData', () => {
  it('keeps protocols and assets, and files every account once, individually or in a bucket', () => {
    const data = toyMap();
    expect(count(data, 'protocol')).toBe(TOY_ECOSYSTEM.protocols.length);
    expect(count(data, 'asset')).toBe(TOY_ECOSYSTEM.assets.length);
    // Borrowers of one protocol share addresses across its collaterals (report-fixture.ts): 52 addresses.
    expect(data.accounts).toBe(new Set(TOY_ECOSYSTEM.accounts.map((a) => a.account)).size);
    // No (protocol, main asset) group has more than 20 accounts: every account drawn.
    expect(count(data, 'bucket')).toBe(0);
    expect(count(data, 'account')).toBe(data.accounts);
    expect(data.accountsDrawn).toBe(data.accounts);
    const bucketed = toyMap({ bucketAbove: 10 });
    const members = bucketed.nodes.reduce((s, n) => s + (n.members?.length ?? 0), 0);
    expect(count(bucketed, 'bucket')).toBeGreaterThan(0);
    expect(count(bucketed, 'account') + members).toBe(bucketed.accounts);
    const all = toyMap({ bucketAbove: 0 });
    expect(count(all, 'account')).toBe(0);
    expect(all.nodes.reduce((s, n) => s + (n.members?.length ?? 0), 0)).toBe(all.accounts);
    expect(toyMap({ maxAccounts: 10 }).accountsDrawn).toBeLessThanOrEqual(10);
    for (const e of data.edges) expect(e.source).not.toBe(e.target);
  });

  it('tags nodes for the filters and traces contagion paths from the run', () => {
    const data = toyMap();
    const weth = data.nodes.find((n) => n.type === 'asset' && n.label === 'WETH')!;
    expect(weth.protocols).toEqual(['aave-like', 'compound-like']);
    const aave = data.paths['aave-like']!;
    expect(aave.sold.map((s) => s.asset)).toContain('WETH');
    expect(aave.hit.map((h) => h.protocol)).toContain('compound-like');
    expect(aave.nodes).toContain(data.nodes.indexOf(weth));
    expect(aave.edges.length).toBeGreaterThan(0);
    // Without a run: the potential paths, every collateral asset.
    const potential = toyMap({}, false);
    expect(potential.scenario).toBeNull();
    expect(potential.paths['aave-like']!.sold.map((s) => s.asset).sort()).toEqual(['WBTC', 'WETH']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(toyMap())).toBe(JSON.stringify(toyMap()));
    expect(exposureMapHtml(toyMap())).toBe(exposureMapHtml(toyMap()));
  });

  it('stays bounded at 100k accounts', () => {
    const snapshot = toyEcosystemSnapshot(syntheticEcosystem(100_000));
    const graph = buildExposureGraph(snapshot);
    const data = exposureMapData(graph, snapshot.info);
    expect(data.accounts).toBe(100_000);
    expect(data.nodes.length).toBeLessThan(200);
    const html = exposureMapHtml(data);
    // Bucket members (for the address search) dominate: ~45 bytes an address.
    expect(html.length).toBeLessThan(100_000 * 60 + 500_000);
  }, 120_000);
});

describe('exposureMapHtml', () => {
  const html = exposureMapHtml(toyMap());

  it('keeps hostile names inside the JSON block, escaped', () => {
    const block = JSON_BLOCK.exec(html)![1]!;
    expect(block).not.toContain('<');
    expect(block).not.toContain('>');
    const parsed = JSON.parse(block) as ExposureMapData;
    expect(parsed.assets).toContain(HOSTILE_SYMBOL);
    expect(parsed.protocols).toContain(HOSTILE_PROTOCOL);
    const outside = html.replace(JSON_BLOCK, '');
    for (const hostile of [HOSTILE_SYMBOL, HOSTILE_PROTOCOL, MARKDOWN_SYMBOL, '<img', '<i>', '</script><script>']) expect(outside).not.toContain(hostile);
    // The title carries the snapshot's hostile label only escaped.
    expect(html.match(/<script/g)!.length).toBe(2);
    expect(outside).not.toMatch(/innerHTML|\ssrc=|href=/i);
  });

  it('cannot have its JSON block closed by a name', () => {
    const data = toyMap();
    data.nodes[0]!.label = '</script><script>alert(1)</script>';
    data.title = '</title><script>alert(1)</script>';
    const page = exposureMapHtml(data);
    expect(page.match(/<script/g)!.length).toBe(2);
    expect(page).toContain('&lt;/title&gt;');
  });
});
