import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExposureMapData } from '../../src/report/map/index.js';
import { contagion, embeddedDatabase } from '../helpers/cli.js';

const out = mkdtempSync(join(tmpdir(), 'contagion-map-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('contagion map', () => {
  it('writes map.html for the embedded snapshot, with the scenario\'s contagion paths', async () => {
    const { copy, dispose } = await embeddedDatabase();
    try {
      const result = await contagion('map', '--db', copy(), '--scenario', 'eth-drop-30', '--out', out);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^map of \d+ nodes and \d+ edges .* written to .*map\.html\n$/);
      const html = readFileSync(join(out, 'map.html'), 'utf8');
      const data = JSON.parse(/<script type="application\/json" id="map-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as ExposureMapData;
      expect(data.scenario).toBe('eth-drop-30');
      expect(data.protocols.length).toBeGreaterThan(1);
      expect(data.edges.some((e) => e.kind === 'shared-collateral')).toBe(true);
      expect(Object.values(data.paths).some((p) => p.hit.length > 0)).toBe(true);
      expect(data.accountsDrawn).toBeLessThanOrEqual(data.accounts);
      // The page states the model the paths were computed under.
      expect(data.context).toMatch(/^blocks none recorded; model contagion-cascade \(maxRounds 100, /);
      expect(html).toContain(`<p class="context">blocks none recorded; model contagion-cascade (maxRounds 100, `);
    } finally {
      dispose();
    }
  });

  it('follows a protocol\'s bad debt through its receipt token to the protocol holding it (data/examples/receipt-loop)', async () => {
    const db = join(out, 'receipt-loop.duckdb');
    expect((await contagion('import', 'data/examples/receipt-loop', '--db', db)).code).toBe(0);
    const dir = join(out, 'receipt-loop');
    const result = await contagion('map', '--db', db, '--scenario', 'data/examples/receipt-loop/scenarios/receipt-run.json', '--receipt-contagion', '--out', dir);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(dir, 'map.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="map-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as ExposureMapData;
    // lender-a's uncovered bad debt writes down aWETH, which lender-b accepts as collateral.
    expect(data.paths['lender-a']!.hit).toEqual([expect.objectContaining({ protocol: 'lender-b', hop: 1, via: 'lender-a', channel: 'receipt' })]);
    // With --receipt-contagion the hit carries the write-down the run booked, and the page says which model.
    expect(data.paths['lender-a']!.hit[0]!.writeDown).toBeGreaterThan(0);
    expect(data.context).toContain('receiptContagion true');
    expect(data.paths['lender-b']!.hit).toEqual([]);
    const aWeth = data.nodes.findIndex((n) => n.type === 'asset' && n.label === 'aWETH');
    expect(data.paths['lender-a']!.nodes).toContain(aWeth);
  });
});
