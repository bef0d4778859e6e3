import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { meta, postSample } from './analytics-fixtures.js';

function ranked() {
  const analytics = createAnalytics();
  analytics.ingestSamples([
    postSample('a', 'impressions', 1000),
    postSample('a', 'likes', 10),
    postSample('b', 'impressions', 100),
    postSample('b', 'likes', 9),
    postSample('c', 'impressions', 500),
    postSample('c', 'likes', 20),
    // No impressions: no rate, so never ranked by one.
    postSample('d', 'likes', 500),
  ]);
  return analytics;
}

describe('topPosts', () => {
  it('ranks by a KPI, best first, leaving out posts without a value', () => {
    const top = ranked().topPosts({ by: 'engagementRateByImpressions', n: 10 });
    expect(top.map((post) => [post.platformPostId, post.value])).toEqual([
      ['b', 0.09],
      ['c', 0.04],
      ['a', 0.01],
    ]);
  });

  it('ranks by a raw metric, limits to n and can list the worst first', () => {
    const analytics = ranked();
    expect(analytics.topPosts({ by: 'likes', n: 2 }).map((post) => post.platformPostId)).toEqual(['d', 'c']);
    expect(analytics.topPosts({ by: 'impressions', order: 'asc', n: 1 })[0]?.platformPostId).toBe('b');
  });

  it('carries metadata and filters by window', () => {
    const analytics = ranked();
    analytics.ingestPostMeta([
      meta('a', '2026-05-01T10:00:00Z', { campaign: 'spring' }),
      meta('c', '2026-06-01T10:00:00Z'),
    ]);
    const top = analytics.topPosts({ by: 'likes', since: new Date('2026-04-01T00:00:00Z') });
    expect(top.map((post) => post.platformPostId)).toEqual(['c', 'a']);
    expect(top[1]?.meta?.campaign).toBe('spring');
  });

  it('returns nothing for an empty store and rejects an unknown measure', () => {
    expect(createAnalytics().topPosts({ by: 'ctr' })).toEqual([]);
    expect(() => createAnalytics().topPosts({ by: 'virality' as 'ctr' })).toThrow(ValidationError);
  });
});
