import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticEcosystem } from '../../../bench/synthetic-ecosystem.js';
import { buildExposureGraph } from '../../../src/graph/index.js';
import { exposureMapData, exposureMapHtml } from '../../../src/report/map/index.js';
import { HOSTILE_PROTOCOL, toyEcosystemSnapshot } from '../report-fixture.js';
import { CHAIN_RUN, chainMap, toyMap } from './map-fixture.js';
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
      expect(await page.locator('#path-info table.hops tbody tr').count()).toBe(data.paths['aave-like']!.hit.length);
      // A hostile protocol name in the panel stays text.
      const hostile = data.nodes.findIndex((n) => n.type === 'protocol' && n.label === HOSTILE_PROTOCOL);
      await page.locator(`circle.node[data-index="${hostile}"]`).dispatchEvent('click');
      expect(await page.locator('#path-info strong').textContent()).toContain(HOSTILE_PROTOCOL);
      expect(await page.locator('#path-info i, #path-info img').count()).toBe(0);
      await page.locator(`circle.node[data-index="${hostile}"]`).dispatchEvent('click');
      expect(await page.locator('#map').getAttribute('data-highlight')).toBe('');

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

  it('lists a run\'s hops, zooms about the cursor, pans by dragging, resets, and still highlights on click', async () => {
    const data = chainMap(CHAIN_RUN);
    const file = join(ARTIFACTS, 'map', 'map-chain.html');
    await mkdir(join(ARTIFACTS, 'map'), { recursive: true });
    await writeFile(file, exposureMapHtml(data));
    const browser = await launchChromium();
    try {
      const url = pathToFileURL(file).href;
      const { page, problems, requests } = await watchedPage(browser, url);
      await page.goto(url, { waitUntil: 'load' });
      const map = page.locator('#map');
      const transform = (): Promise<string | null> => page.locator('#viewport').getAttribute('transform');
      const nodeIndex = (label: string): number => data.nodes.findIndex((n) => n.type === 'protocol' && n.label === label);
      const box = async (label: string) => (await page.locator(`circle.node[data-index="${nodeIndex(label)}"]`).boundingBox())!;
      const initial = await transform();
      expect(initial).toBe('translate(0.00 0.00) scale(1.0000)');

      // Click A: the hops, one row each, as text.
      await page.locator(`circle.node[data-index="${nodeIndex('A')}"]`).dispatchEvent('click');
      const rows = await page.locator('#path-info table.hops tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
      expect(rows).toEqual([
        ['1', 'B', 'A', 'X · sale, round 2', '$50', '$0'],
        ['2', 'C', 'B', 'Y · sale, round 3', '$20', '$7'],
        ['3', 'D', 'C', 'rY · receipt, round 3 (−10.0%)', '$0', '$0'],
      ]);
      expect(await page.locator('circle.node.on-path').count()).toBe(data.paths['A']!.nodes.length);

      // Wheel zoom about the cursor: the transform scales, the point under the cursor stays put.
      const frame = (await map.boundingBox())!;
      const b = await box('B');
      const cursor = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      await page.mouse.move(cursor.x, cursor.y);
      await page.mouse.wheel(0, -400);
      await expect.poll(() => map.getAttribute('data-zoom')).not.toBe('1.0000');
      expect(Number(await map.getAttribute('data-zoom'))).toBeGreaterThan(1.5);
      const zoomed = await box('B');
      expect(zoomed.width).toBeGreaterThan(b.width * 1.5);
      expect(Math.abs(zoomed.x + zoomed.width / 2 - cursor.x)).toBeLessThan(2);
      expect(Math.abs(zoomed.y + zoomed.height / 2 - cursor.y)).toBeLessThan(2);

      // Drag on the background pans by the distance dragged; the click that ends it changes no highlight.
      const before = await box('B');
      const start = { x: frame.x + 5, y: frame.y + 5 };
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x + 60, start.y + 40, { steps: 5 });
      await page.mouse.up();
      const panned = await box('B');
      expect(panned.x - before.x).toBeCloseTo(60, 0);
      expect(panned.y - before.y).toBeCloseTo(40, 0);
      expect(await map.getAttribute('data-highlight')).toBe('A');

      // Reset restores the initial view; a real click on a protocol still highlights.
      await page.click('#zoom-reset');
      expect(await transform()).toBe(initial);
      const c = await box('C');
      await page.mouse.click(c.x + c.width / 2, c.y + c.height / 2);
      expect(await map.getAttribute('data-highlight')).toBe('C');
      expect(await page.locator('#path-info table.hops tbody tr').count()).toBe(data.paths['C']!.hit.length);

      await page.screenshot({ path: join(ARTIFACTS, 'map-chain.png') });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
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
