import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportInput } from '../../src/analytics/report/build-report-input.js';
import { renderReport } from '../../src/analytics/report/render-report.js';
import { HOSTILE_RESEARCH, RESEARCH_BRANDS, researchAnalytics, SINCE, UNTIL } from './research-fixtures.js';

/** Debian's chromium package, as report-browser.test.ts uses it. */
const CHROMIUM = '/usr/bin/chromium';
const MISSING = `${CHROMIUM} not found: install Debian's chromium: apt-get install -y chromium`;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe('HTML report research sections in headless Chromium', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) return; // each test then fails with MISSING
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 15_000 });
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the competitor table, share of voice, influencer list and audience charts', async () => {
    if (browser === undefined) throw new Error(MISSING);
    const input = buildReportInput(researchAnalytics(), {
      kpi: 'engagementRateByImpressions',
      since: SINCE,
      until: UNTIL,
      competitors: { brands: RESEARCH_BRANDS },
      influencers: { n: 5 },
      audience: true,
    });
    const page = await browser.newPage({ viewport: { width: 860, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    try {
      await page.setContent(renderReport(input, { title: 'Research' }), { waitUntil: 'load' });
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);

      for (const id of ['competitors', 'influencers', 'audience']) {
        expect(await page.locator(`#${id}`).isVisible()).toBe(true);
      }
      // One row per account, own first; the hostile display name is text.
      const accounts = await page.locator('#competitors > table tbody th').allTextContents();
      expect(accounts).toEqual([
        'own-1 (x, own)',
        `${HOSTILE_RESEARCH.name} (x)`,
        `@${HOSTILE_RESEARCH.handle} (x)`,
      ]);
      expect(await page.locator('#influencers tbody tr').count()).toBe(2);
      expect(await page.locator('#influencers tbody th').first().textContent()).toBe(
        `@${HOSTILE_RESEARCH.handle} (x)`,
      );

      // Charts: share of voice (2 brands), age (3 buckets), city (10 buckets + Other).
      const charts = await page.locator('#competitors svg.chart, #audience svg.chart').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const bars = [...svg.querySelectorAll('rect.bar')].filter((bar) => {
            const rect = bar.getBoundingClientRect();
            return rect.width > 0 && rect.height > 0;
          });
          return {
            label: svg.getAttribute('aria-label') ?? '',
            bars: bars.length,
            width: box.width,
            height: box.height,
            fitsPage: box.right <= document.documentElement.clientWidth,
          };
        }),
      );
      expect(charts.map((chart) => chart.bars)).toEqual([2, 3, 11]);
      for (const chart of charts) {
        expect(chart.label.length).toBeGreaterThan(20);
        expect(chart.width).toBeGreaterThan(300);
        expect(chart.height).toBeGreaterThan(100);
        expect(chart.fitsPage).toBe(true);
      }
      expect(charts[1]?.label).toContain(HOSTILE_RESEARCH.bucket);
      expect(await page.locator('script, img, iframe, object, embed, link').count()).toBe(0);
      // Every table fits inside its section: no column runs off the card.
      const overflowing = await page.locator('#competitors table, #influencers table').evaluateAll(
        (tables) =>
          tables.filter((table) => {
            const section = table.closest('section')?.getBoundingClientRect();
            return section === undefined || table.getBoundingClientRect().right > section.right;
          }).length,
      );
      expect(overflowing).toBe(0);
    } finally {
      await page.close();
    }
  });
});
