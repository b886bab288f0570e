import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticEcosystem } from '../../../bench/synthetic-ecosystem.js';
import { buildExposureGraph } from '../../../src/graph/index.js';
import { exposureMapData, exposureMapHtml } from '../../../src/report/map/index.js';
import { toyEcosystemSnapshot } from '../report-fixture.js';
import { toyMap } from './map-fixture.js';
import { hasChromium, launchChromium, watchedPage } from '../../helpers/browser.js';

/** Gitignored; the screenshot is there to be looked at, not compared. */
const ARTIFACTS = resolve('test/artifacts');

describe.skipIf(!hasChromium())('map.html in headless Chromium', () => {
  it('draws every node, filters, highlights a protocol\'s paths, with no console errors or network requests', async () => {
    const data = toyMap();
    const dir = join(ARTIFACTS, 'map');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'map.html');
    await writeFile(file, exposureMapHtml(data));
    const url = pathToFileURL(file).href;
    const browser = await launchChromium();
    try {
      const { page, problems, requests, dialogs } = await watchedPage(browser, url);

      await page.goto(url, { waitUntil: 'load' });
      const visible = async (): Promise<number> => Number(await page.locator('#map').getAttribute('data-visible'));
      expect(await page.locator('circle.node').count()).toBe(data.nodes.length);
      expect(await page.locator('line.edge').count()).toBe(data.edges.length);
      expect(await visible()).toBe(data.nodes.length);
      // Hostile names are options' text and SVG text, never elements.
      expect(await page.locator('img, main i, select b').count()).toBe(0);
      expect(await page.locator('#filter-asset option').allTextContents()).toEqual(['all', ...data.assets]);

      // Filter by protocol: fewer nodes, and the hidden ones really are not displayed.
      await page.selectOption('#filter-protocol', 'compound-like');
      const filtered = await visible();
      expect(filtered).toBeLessThan(data.nodes.length);
      expect(filtered).toBe(data.nodes.filter((n) => n.protocols.includes('compound-like')).length);
      expect(await page.locator('circle.node:visible').count()).toBe(filtered);
      await page.selectOption('#filter-protocol', '');
      expect(await visible()).toBe(data.nodes.length);

      // Click a protocol: its contagion paths highlighted, the rest dimmed, the paths listed.
      const aave = data.nodes.findIndex((n) => n.type === 'protocol' && n.label === 'aave-like');
      await page.locator(`circle.node[data-index="${aave}"]`).dispatchEvent('click');
      expect(await page.locator('#map').getAttribute('data-highlight')).toBe('aave-like');
      expect(await page.locator('circle.node.on-path').count()).toBe(data.paths['aave-like']!.nodes.length);
      expect(await page.locator('line.edge.on-path').count()).toBe(data.paths['aave-like']!.edges.length);
      expect(await page.locator('circle.node.dim').count()).toBe(data.nodes.length - data.paths['aave-like']!.nodes.length);
      expect(await page.locator('#path-info li').first().textContent()).toContain('sells');

      // Hover: the tooltip shows details as text.
      await page.locator(`circle.node[data-index="${aave}"]`).hover({ force: true });
      expect(await page.locator('#tooltip').textContent()).toContain('aave-like');

      // Search by address.
      const account = data.nodes.find((n) => n.type === 'account')!;
      await page.fill('#search', account.label.slice(0, 12));
      expect(Number(await page.locator('#map').getAttribute('data-matches'))).toBeGreaterThan(0);
      await page.fill('#search', '');

      await page.screenshot({ path: join(ARTIFACTS, 'map.png'), fullPage: true });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(dialogs()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('draws a 100k-account ecosystem aggregated, and finds a bucketed address', async () => {
    const snapshot = toyEcosystemSnapshot(syntheticEcosystem(100_000));
    const data = exposureMapData(buildExposureGraph(snapshot), snapshot.info);
    const file = join(ARTIFACTS, 'map', 'map-100k.html');
    await mkdir(join(ARTIFACTS, 'map'), { recursive: true });
    await writeFile(file, exposureMapHtml(data));
    const browser = await launchChromium();
    try {
      const url = pathToFileURL(file).href;
      const { page, problems } = await watchedPage(browser, url);
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator('circle.node').count()).toBe(data.nodes.length);
      const member = data.nodes.find((n) => n.type === 'bucket')!.members!.at(-1)!;
      await page.fill('#search', member);
      expect(Number(await page.locator('#map').getAttribute('data-matches'))).toBeGreaterThanOrEqual(1);
      await page.screenshot({ path: join(ARTIFACTS, 'map-100k.png') });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
