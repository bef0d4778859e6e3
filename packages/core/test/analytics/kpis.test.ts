import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import type { CanonicalMetric } from '../../src/models/metric-vocabulary.js';
import { accountSample, meta, postSample } from './analytics-fixtures.js';

function onePost(metrics: Partial<Record<CanonicalMetric, number>>, platform = 'x') {
  const analytics = createAnalytics();
  analytics.ingestSamples(
    Object.entries(metrics).map(([metric, value]) =>
      postSample('p1', metric as CanonicalMetric, value, { platform }),
    ),
  );
  return analytics;
}

describe('post KPIs', () => {
  it('computes every rate of one post with the documented formulas', () => {
    const analytics = onePost({
      impressions: 1000,
      reach: 800,
      likes: 10,
      comments: 5,
      shares: 3,
      saves: 2,
      link_clicks: 20,
      clicks: 50,
    });
    const [post] = analytics.posts();
    expect(post?.kpis).toEqual({
      engagementCount: 20,
      engagementRateByImpressions: 20 / 1000,
      engagementRateByReach: 20 / 800,
      engagementRateByFollowers: null,
      ctr: 20 / 1000,
      shareRate: 3 / 1000,
      saveRate: 2 / 800,
    });
  });

  it("prefers the platform's own engagements count over the sum of parts", () => {
    const [post] = onePost({ engagements: 99, likes: 10, impressions: 1000 }).posts();
    expect(post?.kpis.engagementCount).toBe(99);
  });

  it('counts reactions instead of likes where a platform reports both, so likes are not counted twice', () => {
    const [post] = onePost({ reactions: 30, likes: 20, comments: 4 }, 'linkedin').posts();
    expect(post?.kpis.engagementCount).toBe(34);
  });

  it('uses clicks for CTR when link clicks are absent, and reach for the share rate without impressions', () => {
    const [post] = onePost({ clicks: 8, impressions: 400, shares: 6, reach: 300 }).posts();
    expect(post?.kpis.ctr).toBe(8 / 400);
    const [noImpressions] = onePost({ shares: 6, reach: 300 }).posts();
    expect(noImpressions?.kpis.shareRate).toBe(6 / 300);
    // X reports 0 impressions for old posts: 0 is no denominator, so reach stands in.
    const [zeroImpressions] = onePost({ shares: 6, impressions: 0, reach: 300 }).posts();
    expect(zeroImpressions?.kpis.shareRate).toBe(6 / 300);
  });

  it('reports no data as null, never 0: a missing metric or a zero denominator', () => {
    const [post] = onePost({ likes: 3, impressions: 0 }).posts();
    expect(post?.metrics.saves).toBeNull();
    expect(post?.kpis.saveRate).toBeNull();
    expect(post?.kpis.engagementRateByImpressions).toBeNull();
    expect(post?.kpis.engagementRateByReach).toBeNull();
    const [empty] = onePost({ impressions: 10 }).posts();
    expect(empty?.kpis.engagementCount).toBeNull();
  });

  it("divides by the account's followers at the end of the period for the followers rate", () => {
    const analytics = onePost({ likes: 30 });
    analytics.ingestSamples([
      accountSample('followers', 1000, '2026-05-01T00:00:00Z'),
      accountSample('followers', 1500, '2026-05-10T00:00:00Z'),
    ]);
    expect(analytics.posts()[0]?.kpis.engagementRateByFollowers).toBe(30 / 1500);
    analytics.ingestPostMeta([meta('p1', '2026-05-01T12:00:00Z')]);
    const early = analytics.posts({ until: new Date('2026-05-05T00:00:00Z') });
    expect(early[0]?.kpis.engagementRateByFollowers).toBe(30 / 1000);
  });
});
