import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { buildReportInput } from '../../src/analytics/report/build-report-input.js';
import { renderReport } from '../../src/analytics/report/render-report.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import {
  breakdown,
  HOSTILE_RESEARCH,
  RESEARCH_BRANDS,
  researchAnalytics,
  researchReportInput,
  SINCE,
  UNTIL,
} from './research-fixtures.js';

const NBSP = '\u00a0';

function researchPage(analytics = researchAnalytics()): string {
  return renderReport(researchReportInput(analytics), { title: 'May 2026' });
}

/** The markup of one section, by id. */
function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  if (start < 0) return '';
  return page.slice(start, page.indexOf('</section>', start) + '</section>'.length);
}

describe('report research sections', () => {
  it('builds the competitor, share-of-voice, influencer and audience data from the aggregator', () => {
    const input = buildReportInput(researchAnalytics(), {
      kpi: 'engagementRateByImpressions',
      since: SINCE,
      until: UNTIL,
      competitors: { brands: RESEARCH_BRANDS },
      influencers: {},
      audience: { dimensions: ['age'] },
    });
    expect(input.competitors?.benchmark.rows.map((row) => [row.accountId, row.own])).toEqual([
      ['own-1', true],
      ['r-1', false],
      ['c1', false],
    ]);
    // Bean Bros in m1 and m2, Rival Coffee in m2 and m6.
    expect(input.competitors?.shareOfVoice?.brands.map((brand) => brand.share)).toEqual([0.5, 0.5]);
    expect(input.influencers?.map((influencer) => [influencer.authorId, influencer.score])).toEqual([
      ['c1', 101_000],
      ['a1', 0],
    ]);
    expect(input.audience?.map((split) => split.dimension)).toEqual(['age']);
  });

  it('shows the competitor table with own accounts marked and missing values as no data', () => {
    const competitors = sectionOf(researchPage(), 'competitors');
    expect(competitors).toContain('<h2 id="competitors-heading">Competitor benchmark</h2>');
    // Own: 1,200 followers, +200 (+20.0 %), 0.75 posts a week, 80 interactions, 7.50 % a post.
    expect(competitors).toContain(
      `<th scope="row">own-1 (x, own)</th><td class="num">1,200</td><td class="num">+200</td><td class="num">+20.0${NBSP}%</td><td class="num">0.75</td><td class="num">80</td><td class="num">7.50${NBSP}%</td>`,
    );
    // The influencer account has one reading in the period: its growth is no data.
    expect(competitors).toMatch(/<td class="num">100,000<\/td><td class="num nodata">no data<\/td>/);
    expect(competitors).toContain('svg class="chart bar-chart"');
    expect(competitors).toContain('Share of voice by brand');
    expect(competitors).toContain('(2 mentions)');
  });

  it('lists the influencers and charts each audience split, with an Other bar past ten buckets', () => {
    const page = researchPage();
    const influencers = sectionOf(page, 'influencers');
    expect(influencers).toContain('<h2 id="influencers-heading">Influencers</h2>');
    expect(influencers).toContain('<td class="num">101,000</td>');
    const audience = sectionOf(page, 'audience');
    expect(audience.match(/<svg class="chart bar-chart"/g)).toHaveLength(2);
    expect(audience).toContain('instagram · ig-1 · city');
    expect(audience).toContain('Other (2)');
    expect(audience).toContain(`<td class="num">60.0${NBSP}%</td>`); // 25-34: 300 of 500
    expect(audience).toContain('(300 followers)');
  });

  it('escapes hostile names, handles, brands and bucket keys', () => {
    const page = researchPage();
    for (const text of Object.values(HOSTILE_RESEARCH)) expect(page).not.toContain(text);
    expect(page).toContain('&lt;script&gt;alert(&quot;rival&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;18-24&lt;/b&gt;');
    expect(page).not.toMatch(/<(script|img|b)[\s>]/);
  });

  it('leaves each section out when it has no data, and says so for a report without any', () => {
    const empty = renderReport(
      buildReportInput(createAnalytics(), {
        kpi: 'engagementRateByImpressions',
        since: SINCE,
        until: UNTIL,
        competitors: { brands: RESEARCH_BRANDS },
        influencers: {},
        audience: true,
      }),
    );
    for (const id of ['competitors', 'influencers', 'audience']) expect(empty).not.toContain(`id="${id}"`);
    expect(empty).toContain('There is no data for this report yet.');
    const plain = renderReport(
      buildReportInput(researchAnalytics(), {
        kpi: 'engagementRateByImpressions',
        since: SINCE,
        until: UNTIL,
      }),
    );
    for (const id of ['competitors', 'influencers', 'audience']) expect(plain).not.toContain(`id="${id}"`);
  });

  it('does not call a report empty when only research sections have data', () => {
    const analytics = createAnalytics();
    analytics.ingestAudience([breakdown('age', '2026-05-15T00:00:00Z', [{ key: '25-34', value: 3 }])]);
    const page = renderReport(
      buildReportInput(analytics, { kpi: 'engagementRateByImpressions', audience: true }),
    );
    expect(page).toContain('id="audience"');
    expect(page).not.toContain('There is no data for this report yet.');
  });

  it('refuses a competitor benchmark in a report without since and until', () => {
    expect(() =>
      buildReportInput(researchAnalytics(), {
        kpi: 'engagementRateByImpressions',
        since: SINCE,
        competitors: {},
      }),
    ).toThrow(ValidationError);
  });
});
