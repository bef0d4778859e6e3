import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/analytics/report/render-report.js';
import { HOSTILE_RESEARCH, researchReportInput } from './research-fixtures.js';
import { useHeadlessChromium } from './support/browser.js';

describe('HTML report research sections in headless Chromium', () => {
  const load = useHeadlessChromium();

  it('renders the competitor table, share of voice, influencer list and audience charts', async () => {
    const input = researchReportInput();
    const { page, requests, problems } = await load(renderReport(input, { title: 'Research' }));
    try {
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
