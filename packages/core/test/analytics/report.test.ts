import { describe, expect, it } from 'vitest';
import { compareVariants } from '../../src/analytics/ab-test.js';
import { createAnalytics } from '../../src/analytics/analytics.js';
import type { HeatmapCell } from '../../src/analytics/best-time.js';
import { buildReportInput } from '../../src/analytics/report/build-report-input.js';
import { escapeHtml, html } from '../../src/analytics/report/html.js';
import { renderReport } from '../../src/analytics/report/render-report.js';
import type { ReportHeatmap, ReportInput } from '../../src/analytics/report/report-input.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { meta, postSample } from './analytics-fixtures.js';
import {
  EMPTY_DAY,
  emptyReportInput,
  fullReportInput,
  HOSTILE,
  NULL_DAY,
  reportAnalytics,
} from './report-fixtures.js';

/** The markup of the element with `id` (a section), up to its closing tag. */
function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf('</section>', start));
}

/** The table row whose header cell is `header`. */
function rowOf(markup: string, header: string): string {
  const start = markup.indexOf(`<tr><th scope="row">${header}</th>`);
  expect(start, `row ${header}`).toBeGreaterThanOrEqual(0);
  return markup.slice(start, markup.indexOf('</tr>', start));
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** The no-break space the report puts between a number and its unit. */
const NB = '\u00a0';

/** An empty 7 × 24 heatmap. */
function emptyCells(): HeatmapCell[][] {
  return Array.from({ length: 7 }, (_, weekday) =>
    Array.from({ length: 24 }, (_, hour) => ({ weekday, hour, value: null, samples: 0 })),
  );
}

const heatmapOf = (cells: readonly (readonly HeatmapCell[])[]): ReportHeatmap => ({
  kpi: 'engagementRateByImpressions',
  timeZone: 'UTC',
  minSamples: 3,
  cells,
});

/** A small hand-built input: two days, two platforms, one value missing in each. */
function handInput(): ReportInput<'ctr'> {
  return {
    kpi: 'ctr',
    engagementOverTime: [
      { dimensions: { day: '2026-05-04' }, posts: 2, kpis: { ctr: 0.012 } },
      { dimensions: { day: '2026-05-05' }, posts: 1, kpis: { ctr: null } },
      { dimensions: { day: '2026-05-06' }, posts: 1, kpis: { ctr: Number.NaN } },
      { dimensions: { day: '2026-05-07' }, posts: 3, kpis: { ctr: 0.02 } },
    ],
    platformComparison: [
      { dimensions: { platform: 'x' }, posts: 3, kpis: { ctr: 0.015 } },
      { dimensions: { platform: 'tiktok' }, posts: 4, kpis: { ctr: null } },
    ],
    bestTime: heatmapOf(emptyCells()),
  };
}

describe('html helpers', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes interpolated text and keeps nested templates, skipping null and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${null}${false}${[1, '&']}</p>`.markup).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>1&amp;</p>',
    );
  });
});

describe('renderReport', () => {
  it('escapes hostile campaign, tag, variant and title text wherever it is shown', () => {
    const page = renderReport(fullReportInput(), { title: HOSTILE.title });
    for (const hostile of Object.values(HOSTILE)) {
      expect(page).not.toContain(hostile);
      expect(page).toContain(escapeHtml(hostile));
    }
    // The names appear as text in charts, tables and headings, never as markup.
    expect(page).toContain(`<th scope="row">${escapeHtml(HOSTILE.campaign)}</th>`);
    expect(page).toContain(`<th scope="row">${escapeHtml(HOSTILE.tag)}</th>`);
    expect(page).toContain(`<title>${escapeHtml(HOSTILE.title)}</title>`);
    // No element or event-handler attribute got through (attributes are always written quoted).
    expect(page).not.toMatch(/<script|<img|<iframe|<svg onload|\son\w+="/i);
    expect(count(page, /<svg/g)).toBe(6); // line, platforms, campaign, tag, heatmap, A/B
  });

  it('is self-contained: a CSP forbids loading anything and nothing refers to a URL', () => {
    const page = renderReport({
      ...handInput(),
      abTest: {
        a: 'A',
        b: 'B',
        result: compareVariants({ a: { successes: 20, trials: 900 }, b: { successes: 40, trials: 950 } }),
      },
    });
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    // The only URL is the SVG namespace, which is an identifier, not something fetched.
    expect(page.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(
      /https?:|\/\/|url\(|@import|src=/i,
    );
  });

  it('shows missing values as "no data", never as 0', () => {
    const page = renderReport(fullReportInput());
    const overTime = sectionOf(page, 'engagement-over-time');
    // A day whose posts have no impressions: in the table as no data, not drawn as a point.
    expect(rowOf(overTime, NULL_DAY)).toContain('<td class="num nodata">no data</td>');
    expect(overTime).not.toContain(`data-key="${NULL_DAY}"`);
    expect(overTime).not.toContain(`data-key="${EMPTY_DAY}"`);
    expect(count(overTime, /<rect class="nodata-band"/g)).toBe(3); // two shaded gaps + the legend key
    // TikTok posts have no impressions: a "no data" label instead of a bar at 0.
    const platforms = sectionOf(page, 'platform-comparison');
    expect(rowOf(platforms, 'tiktok')).toContain('<td class="num nodata">no data</td>');
    expect(platforms).not.toContain('data-label="tiktok"');
    expect(platforms).toMatch(/<text class="nodata"[^>]*>no data<\/text>/);
    // The lone Wednesday 22:00 post is below the threshold: an empty cell saying why.
    expect(sectionOf(page, 'best-time')).toMatch(
      /<rect class="cell nodata"[^>]*data-weekday="2" data-hour="22"><title>Wed 22:00–23:00: no data \(1 post, fewer than 2\)<\/title>/,
    );
  });

  it('treats null and NaN alike in hand-built input and never prints 0 % for them', () => {
    const page = renderReport(handInput());
    const overTime = sectionOf(page, 'engagement-over-time');
    expect(rowOf(overTime, '2026-05-05')).toContain('no data');
    expect(rowOf(overTime, '2026-05-06')).toContain('no data');
    expect(count(overTime, /<circle class="point"/g)).toBe(2);
    expect(rowOf(sectionOf(page, 'platform-comparison'), 'tiktok')).not.toMatch(/0[.,]?0*\s%/);
    // Separate runs of the line: 4 May alone, then 7 May alone (no segment joins across the gap).
    expect(overTime).toMatch(/<path class="series" d="M[\d.]+ [\d.]+ M[\d.]+ [\d.]+"/);
  });

  it('renders a valid page saying there is no data when the input is empty', () => {
    const page = renderReport(emptyReportInput());
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(page).toContain('There is no data for this report yet.');
    expect(page).not.toContain('<svg');
    for (const id of ['engagement-over-time', 'platform-comparison', 'best-time']) {
      expect(sectionOf(page, id)).toContain('<p class="empty">No data: ');
    }
    expect(count(page, /<section /g)).toBe(count(page, /<\/section>/g));
    // Hand-built input with no heatmap rows at all is just as empty.
    const bare = renderReport({
      kpi: 'ctr',
      engagementOverTime: [],
      platformComparison: [],
      bestTime: heatmapOf([]),
    });
    expect(bare).toContain('There is no data for this report yet.');
  });

  it('names the posts that have metrics but no metadata, and how to add it, above a report that has data', () => {
    const analytics = reportAnalytics();
    analytics.ingestSamples([
      postSample('bare-1', 'impressions', 1_000, { platform: 'x', accountId: 'acc-x' }),
      postSample('bare-2', 'likes', 40, { platform: 'x', accountId: 'acc-x' }),
      postSample('bare-3', 'likes', 7, { platform: 'linkedin', accountId: 'acc-li' }),
    ]);

    const input = buildReportInput(analytics, { kpi: 'engagementRateByImpressions', platforms: ['x'] });
    expect(input.postsWithoutMeta).toBe(2);
    const page = renderReport(input);
    expect(page).toContain(
      "<strong>2 posts have metrics but no metadata, and are left out of this report's days, hours and period.</strong>",
    );
    expect(page).toContain('<code>analytics.ingestPostMeta()</code>');
    expect(page).not.toContain('There is no data for this report yet.');
    // The charts still show what can be placed.
    expect(sectionOf(page, 'engagement-over-time')).toContain('<svg');

    const one = renderReport({ ...input, postsWithoutMeta: 1 });
    expect(one).toContain('<strong>1 post has metrics but no metadata, and is left out');
    expect(renderReport({ ...input, postsWithoutMeta: 0 })).not.toContain('class="notice"');
  });

  it('gives the same text for the same input, whatever the machine time zone', () => {
    const options = {
      title: 'May',
      generatedAt: new Date('2026-05-18T08:30:00Z'),
      timeZone: 'Europe/Berlin',
    };
    const first = renderReport(fullReportInput(), options);
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(renderReport(fullReportInput(reportAnalytics()), options)).toBe(first);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(first).toContain('Generated 2026-05-18 10:30 (Europe/Berlin)');
    expect(first).toContain('Period: 2026-05-04 to 2026-05-17');
  });

  it('leaves the generation time out unless given, so output does not depend on the clock', () => {
    expect(renderReport(handInput())).not.toContain('Generated');
  });

  it('rejects an unknown zone and an invalid generatedAt', () => {
    expect(() => renderReport(handInput(), { timeZone: 'Mars/Base' })).toThrow(ValidationError);
    expect(() => renderReport(handInput(), { generatedAt: new Date(Number.NaN) })).toThrow(ValidationError);
  });

  it('draws counts that go below zero from a zero baseline, with a true minus sign', () => {
    const page = renderReport({
      kpi: 'followerGrowth',
      engagementOverTime: [
        { dimensions: { day: '2026-05-04' }, posts: 1, kpis: { followerGrowth: -1_250 } },
        { dimensions: { day: '2026-05-05' }, posts: 1, kpis: { followerGrowth: 3_400 } },
      ],
      platformComparison: [
        { dimensions: { platform: 'x' }, posts: 1, kpis: { followerGrowth: -1_250 } },
        { dimensions: { platform: 'linkedin' }, posts: 1, kpis: { followerGrowth: 3_400 } },
      ],
      bestTime: heatmapOf(emptyCells()),
    });
    const platforms = sectionOf(page, 'platform-comparison');
    expect(count(platforms, /<rect class="bar"/g)).toBe(2);
    expect(rowOf(platforms, 'x')).toContain('<td class="num">−1,250</td>');
    expect(platforms).not.toMatch(/width="-/);
  });

  it('shows the A/B rates, interval, lift, p-value and verdict', () => {
    const section = sectionOf(renderReport(fullReportInput()), 'ab-test');
    expect(count(section, /<rect class="bar variant-[ab]"/g)).toBe(2);
    expect(count(section, /<g class="whisker">/g)).toBe(2);
    expect(count(section, /<g class="interval">/g)).toBe(1);
    expect(section).toMatch(/<dt>Lift \(B vs A\)<\/dt><dd>[+−]?\d+\.\d\s%<\/dd>/);
    expect(section).toMatch(/<dt>p-value<\/dt><dd>(0\.\d{3}|<\s0\.001)<\/dd>/);
    expect(section).toContain('confidence.</p>');
  });

  it('lists the A/B warnings and shows a missing lift and p-value as no data', () => {
    const result = compareVariants({ a: { successes: 0, trials: 20 }, b: { successes: 0, trials: 25 } });
    const page = renderReport({ ...handInput(), abTest: { a: 'old', b: 'new', result } });
    const section = sectionOf(page, 'ab-test');
    expect(section).toContain('<dt>Lift (B vs A)</dt><dd class="nodata">no data</dd>');
    expect(section).toContain('<dt>p-value</dt><dd class="nodata">no data</dd>');
    expect(section).toContain('Cannot be tested: no variation');
    expect(count(section, /<li data-code="/g)).toBe(result.warnings.length);
    expect(section).toContain('<li data-code="few_trials">Variant a has 20 trials');
    expect(section).toContain('<li data-code="no_variation">');
  });

  it('shows an A/B test without data as no data', () => {
    const page = renderReport({ ...handInput(), abTest: { a: 'A', b: 'B', result: null } });
    expect(sectionOf(page, 'ab-test')).toContain('<p class="empty">No data: ');
    expect(sectionOf(page, 'ab-test')).not.toContain('<svg');
  });

  it('shows the content mix and SLA figures, with missing ones as no data', () => {
    const page = renderReport(fullReportInput());
    const mix = sectionOf(page, 'content-mix');
    expect(mix).toContain(`<dt>Meets the 80.0${NB}% target</dt><dd>yes</dd>`);
    expect(rowOf(mix, '2026-W19')).toContain('<td class="num">');
    const sla = sectionOf(page, 'engagement-sla');
    expect(rowOf(sla, 'All platforms')).toContain('<td class="num">4</td><td class="num">2</td>');
    const noInbound = renderReport({
      ...handInput(),
      sla: {
        targetMs: 60_000,
        overall: {
          inbound: 0,
          answered: 0,
          resolved: 0,
          firstResponseMedianMs: null,
          firstResponseP90Ms: null,
          responseRate: null,
          withinTargetShare: null,
          resolutionRate: null,
        },
        byPlatform: {},
        unmatchedResponses: 0,
      },
    });
    expect(count(rowOf(sectionOf(noInbound, 'engagement-sla'), 'All platforms'), /no data/g)).toBe(5);
  });
});

describe('buildReportInput', () => {
  it('refuses an unknown KPI under `kpi`, the key written, listing the valid KPIs', () => {
    let error: unknown;
    try {
      buildReportInput(createAnalytics(), { kpi: 'engagementRate' as 'ctr' });
    } catch (thrown) {
      error = thrown;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).problems).toEqual([
      expect.objectContaining({ path: ['kpi'], rule: 'analytics.kpi', actual: 'engagementRate' }),
    ]);
    expect((error as ValidationError).message).toMatch(
      /kpi: unknown KPI "engagementRate"; the KPIs are engagementCount, engagementRateByImpressions, .*postsPerWeek/,
    );
  });

  it('leaves a post whose impressions are 0 out of the A/B counts, as out of every rate', () => {
    const analytics = createAnalytics();
    const at = '2026-05-05T09:00:00Z';
    analytics.ingestSamples([
      postSample('a1', 'impressions', 100),
      postSample('a1', 'likes', 10),
      // An old post whose impressions X reports as 0: its likes are no trials of anything.
      postSample('a2', 'impressions', 0),
      postSample('a2', 'likes', 200),
      postSample('b1', 'impressions', 100),
      postSample('b1', 'likes', 12),
    ]);
    analytics.ingestPostMeta([
      meta('a1', at, { variant: 'A' }),
      meta('a2', at, { variant: 'A' }),
      meta('b1', at, { variant: 'B' }),
    ]);
    const input = buildReportInput(analytics, {
      kpi: 'engagementRateByImpressions',
      timeZone: 'UTC',
      abTest: { a: 'A', b: 'B' },
    });
    expect(input.abTest?.counts?.a).toEqual({ successes: 10, trials: 100 });
  });

  it('rolls up the KPI by day and platform over the window and builds the heatmap and A/B test', () => {
    const input = fullReportInput();
    expect(input.engagementOverTime.map((row) => row.dimensions.day)).not.toContain(EMPTY_DAY);
    expect(input.engagementOverTime).toHaveLength(13);
    expect(input.engagementOverTime.find((row) => row.dimensions.day === NULL_DAY)?.kpis).toEqual({
      engagementRateByImpressions: null,
    });
    expect(input.platformComparison.map((row) => row.dimensions.platform)).toEqual([
      'linkedin',
      'tiktok',
      'x',
    ]);
    expect(input.bestTime.minSamples).toBe(2);
    expect(input.abTest?.counts?.a.trials).toBeGreaterThan(0);
    expect(input.abTest?.result?.rateA).toBeCloseTo(
      (input.abTest?.counts?.a.successes ?? 0) / (input.abTest?.counts?.a.trials ?? 1),
      12,
    );
    expect(input.breakdowns?.map((breakdown) => breakdown.dimension)).toEqual(['campaign', 'tag']);
    expect(input.sla?.overall.inbound).toBe(4);
  });

  it('gives a null A/B result when a variant has no posts with both counts', () => {
    const input = buildReportInput(reportAnalytics(), {
      kpi: 'engagementRateByImpressions',
      abTest: { a: 'A', b: 'nobody' },
    });
    expect(input.abTest?.result).toBeNull();
  });
});
