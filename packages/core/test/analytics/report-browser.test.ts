import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/analytics/report/render-report.js';
import { emptyReportInput, fullReportInput, HOSTILE } from './report-fixtures.js';
import { CHROMIUM, MISSING, useHeadlessChromium } from './support/browser.js';

/** What the page says about the elements matching a selector. */
interface Shapes {
  /** Elements matching. */
  readonly total: number;
  /** Of those, rendered with a non-zero box and not hidden. */
  readonly visible: number;
}

describe('HTML report in headless Chromium', () => {
  const load = useHeadlessChromium();

  function shapes(page: Page, selector: string): Promise<Shapes> {
    return page.evaluate((css) => {
      const elements = [...document.querySelectorAll(css)];
      const visible = elements.filter((element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      });
      return { total: elements.length, visible: visible.length };
    }, selector);
  }

  it(`finds Debian's chromium at ${CHROMIUM}`, () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
  });

  it('renders every chart, loads nothing, and reports no error', async () => {
    const input = fullReportInput();
    const { page, requests, problems } = await load(
      renderReport(input, { title: HOSTILE.title, generatedAt: new Date('2026-05-18T08:30:00Z') }),
    );
    try {
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
      // The hostile title is text: the document title, not a script.
      expect(await page.title()).toBe(HOSTILE.title);
      expect(await page.locator('h1').textContent()).toBe(HOSTILE.title);
      expect(await page.locator('script, img, iframe, object, embed, link').count()).toBe(0);

      // Every chart is an accessible image with a title and a label, drawn with a real size.
      const charts = await page.locator('svg.chart').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return {
            kind: svg.getAttribute('class'),
            role: svg.getAttribute('role'),
            label: svg.getAttribute('aria-label') ?? '',
            title: svg.querySelector(':scope > title')?.textContent ?? '',
            width: box.width,
            height: box.height,
            fitsPage: box.right <= document.documentElement.clientWidth,
          };
        }),
      );
      expect(charts.map((chart) => chart.kind)).toEqual([
        'chart line-chart',
        'chart bar-chart',
        'chart bar-chart',
        'chart bar-chart',
        'chart heatmap',
        'chart ab-chart',
      ]);
      for (const chart of charts) {
        expect(chart.role).toBe('img');
        expect(chart.label.length).toBeGreaterThan(20);
        expect(chart.title.length).toBeGreaterThan(5);
        expect(chart.width).toBeGreaterThan(300);
        expect(chart.height).toBeGreaterThan(100);
        expect(chart.fitsPage).toBe(true);
      }

      // Line: one point per day with a value; days without one are not drawn.
      const days = input.engagementOverTime.filter((row) => row.kpis.engagementRateByImpressions !== null);
      expect(days.length).toBe(12);
      expect(await shapes(page, 'svg.line-chart circle.point')).toEqual({ total: 12, visible: 12 });
      expect(await shapes(page, 'svg.line-chart path.series')).toEqual({ total: 1, visible: 1 });
      // Platforms: a bar for each platform with a value, "no data" for TikTok.
      expect(await shapes(page, '#platform-comparison svg rect.bar')).toEqual({ total: 2, visible: 2 });
      expect(await page.locator('#platform-comparison svg text.nodata').textContent()).toBe('no data');
      // Heatmap: 7 × 24 cells, coloured where there is a value, empty elsewhere, with a legend.
      const filled = input.bestTime.cells.flat().filter((cell) => cell.value !== null).length;
      expect(filled).toBeGreaterThan(0);
      expect(await shapes(page, 'svg.heatmap rect.cell')).toEqual({ total: 168, visible: 168 });
      expect(await shapes(page, 'svg.heatmap rect.cell:not(.nodata)')).toEqual({
        total: filled,
        visible: filled,
      });
      expect(await shapes(page, 'svg.heatmap .legend rect.swatch')).toEqual({ total: 7, visible: 7 });
      expect(await page.locator('svg.heatmap .legend').textContent()).toContain('no data');
      // A/B: two rates with their intervals, and the interval of the difference.
      expect(await shapes(page, 'svg.ab-chart rect.bar')).toEqual({ total: 2, visible: 2 });
      expect(await shapes(page, 'svg.ab-chart g.whisker')).toEqual({ total: 2, visible: 2 });
      expect(await shapes(page, 'svg.ab-chart g.interval')).toEqual({ total: 1, visible: 1 });
      expect(await page.locator('#ab-test .figures').textContent()).toMatch(/Lift.*p-value/);

      const screenshot = process.env.SMMKIT_REPORT_SCREENSHOT;
      if (screenshot !== undefined && screenshot !== '')
        await page.screenshot({ path: screenshot, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('opens an empty report as a page that says there is no data', async () => {
    const { page, requests, problems } = await load(renderReport(emptyReportInput()));
    try {
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
      expect(await page.title()).toBe('Social media report');
      expect(await page.locator('.notice').isVisible()).toBe(true);
      expect(await page.locator('.notice').textContent()).toContain('There is no data for this report yet.');
      expect(await page.locator('svg').count()).toBe(0);
      expect(await page.locator('section p.empty').count()).toBe(3);
    } finally {
      await page.close();
    }
  });
});
