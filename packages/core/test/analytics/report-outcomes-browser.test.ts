import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/analytics/report/render-report.js';
import { HOSTILE_GOAL, outcomesReportInput } from './outcomes-fixtures.js';
import { useHeadlessChromium } from './support/browser.js';

describe('HTML report goal and ROI sections in headless Chromium', () => {
  const load = useHeadlessChromium();

  it('renders the goals at the top and the ROI table with its allocation chart', async () => {
    const input = outcomesReportInput();
    const { page, requests, problems } = await load(renderReport(input, { title: 'Goals and ROI' }));
    try {
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);

      // Goals come first in the page and are what a reader sees first.
      const order = await page.locator('main > section').evaluateAll((sections) => sections.map((s) => s.id));
      expect(order[0]).toBe('goals');
      const goalsTop = await page
        .locator('#goals')
        .evaluate((section) => section.getBoundingClientRect().top);
      expect(goalsTop).toBeLessThan(300);

      // One bullet chart per goal, drawn: a track, a target mark, and where there is data a bar and a projection.
      const charts = await page.locator('#goals svg.goal-chart').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const drawn = (selector: string) =>
            [...svg.querySelectorAll(selector)].filter((element) => {
              const rect = element.getBoundingClientRect();
              return rect.width > 0 || rect.height > 0;
            }).length;
          return {
            role: svg.getAttribute('role'),
            label: svg.getAttribute('aria-label') ?? '',
            width: box.width,
            fitsPage: box.right <= document.documentElement.clientWidth,
            current: drawn('rect.goal-current'),
            target: drawn('g.goal-target line'),
            projection: drawn('g.goal-projection circle'),
          };
        }),
      );
      expect(charts).toHaveLength(4);
      for (const chart of charts) {
        expect(chart.role).toBe('img');
        expect(chart.width).toBeGreaterThan(300);
        expect(chart.fitsPage).toBe(true);
        expect(chart.target).toBe(1);
      }
      // Three goals have a value and a projection; the followers goal has neither.
      expect(charts.map((chart) => [chart.current, chart.projection])).toEqual([
        [1, 1],
        [1, 1],
        [1, 1],
        [0, 0],
      ]);
      const statuses = await page.locator('#goals tbody .goal-status').allTextContents();
      expect(statuses).toEqual(
        input.goals?.map(
          (goal) =>
            ({
              on_track: 'On track',
              at_risk: 'At risk',
              achieved: 'Achieved',
              missed: 'Missed',
              no_data: 'No data',
            })[goal.status],
        ),
      );
      // The hostile goal name is text, shown as typed.
      expect(await page.locator('#goals tbody th').allTextContents()).toContain(HOSTILE_GOAL);

      // ROI: the allocation chart has a bar per platform with spend, "no data" for TikTok, a break-even line.
      expect(await page.locator('#roi').isVisible()).toBe(true);
      const bars = await page
        .locator('#roi svg.roas-chart rect.bar')
        .evaluateAll((rects) =>
          rects.map((rect) => [rect.getAttribute('data-platform'), rect.getBoundingClientRect().width > 0]),
        );
      expect(bars).toEqual([
        ['linkedin', true],
        ['x', true],
      ]);
      expect(await page.locator('#roi svg.roas-chart text.nodata').textContent()).toBe('no data');
      expect(await page.locator('#roi svg.roas-chart line.break-even').count()).toBe(1);
      const platforms = await page.locator('#roi table').first().locator('tbody th').allTextContents();
      expect(platforms).toEqual(['linkedin', 'tiktok', 'x']);
      expect(await page.locator('#roi .allocation').textContent()).toContain(
        'linkedin returns the most per unit spent',
      );

      const screenshot = process.env.SMMKIT_REPORT_SCREENSHOT_OUTCOMES;
      if (screenshot !== undefined && screenshot !== '')
        await page.screenshot({ path: screenshot, fullPage: true });
    } finally {
      await page.close();
    }
  });
});
