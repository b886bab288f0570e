import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { toyReportInput, toyScheduledReportInput } from './report-fixture.js';
import { hasChromium, launchChromium, watchedPage } from '../helpers/browser.js';

/** Gitignored; the screenshot is there to be looked at, not compared. */
const ARTIFACTS = resolve('test/artifacts');

describe.skipIf(!hasChromium())('report.html in headless Chromium', () => {
  it('renders without console errors or network requests', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const { dir } = await writeReport(toyReportInput(), join(ARTIFACTS, 'report'));
    const url = pathToFileURL(join(dir, 'report.html')).href;
    const browser = await launchChromium();
    try {
      const { page, problems, requests, dialogs } = await watchedPage(browser, url);

      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator('figure svg').count()).toBe(9);
      for (const svg of await page.locator('figure svg').all()) {
        const box = await svg.boundingBox();
        expect(box?.width).toBeGreaterThan(300);
        expect(box?.height).toBeGreaterThan(100);
      }
      // The layout fits the viewport: wide tables and charts scroll inside their own boxes.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
      // Hostile names render as text: no element came from data.
      expect(await page.locator('main img, main i, main b').count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });

      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(dialogs()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('renders a scheduled run\'s report with its history section and trend chart', async () => {
    const { dir } = await writeReport(toyScheduledReportInput(), join(ARTIFACTS, 'report-scheduled'));
    const url = pathToFileURL(join(dir, 'report.html')).href;
    const browser = await launchChromium();
    try {
      const { page, problems, requests, dialogs } = await watchedPage(browser, url);
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator('figure svg').count()).toBe(10);
      expect(await page.locator('#chart-run-trend svg').count()).toBe(1);
      const history = page.locator('#history');
      expect(await history.isVisible()).toBe(true);
      // Two recorded runs in the trend table, the hostile symbol in the change text as text.
      expect(await history.locator('#run-history tbody tr').count()).toBe(2);
      expect(await history.locator('.changes li').first().textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(await page.locator('main img').count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'report-scheduled.png'), fullPage: false });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(dialogs()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
