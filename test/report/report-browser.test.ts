import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { toyReportInput } from './report-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
/** Gitignored; the screenshot is there to be looked at, not compared. */
const ARTIFACTS = resolve('test/artifacts');

describe.skipIf(!existsSync(CHROMIUM))('report.html in headless Chromium', () => {
  it('renders without console errors or network requests', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const { dir } = await writeReport(toyReportInput(), join(ARTIFACTS, 'report'));
    const url = pathToFileURL(join(dir, 'report.html')).href;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text()); });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => { if (request.url() !== url) requests.push(request.url()); });
      let dialogs = 0;
      page.on('dialog', async (dialog) => { dialogs++; await dialog.dismiss(); });

      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator('figure svg').count()).toBe(7);
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
      expect(dialogs).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
