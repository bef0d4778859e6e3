import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { EngagementInput } from '../../src/models/engagement.js';
import { accountSample, meta, postSample } from './analytics-fixtures.js';

function impressionsOf(
  analytics: ReturnType<typeof createAnalytics>,
  post = 'p1',
): number | null | undefined {
  return analytics.posts().find((p) => p.platformPostId === post)?.metrics.impressions;
}

describe('createAnalytics: ingesting samples', () => {
  it('keeps the latest snapshot per post and metric, so a lifetime count is never added twice', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      postSample('p1', 'impressions', 100, { observedAt: '2026-05-01T09:00:00Z' }),
      postSample('p1', 'impressions', 150, { observedAt: '2026-05-02T09:00:00Z' }),
    ]);
    expect(impressionsOf(analytics)).toBe(150);
    expect(analytics.rollup({ by: [] })[0]?.metrics.impressions).toBe(150);
  });

  it('never lets an older snapshot arriving later overwrite a newer one', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([postSample('p1', 'impressions', 150, { observedAt: '2026-05-02T09:00:00Z' })]);
    const report = analytics.ingestSamples([
      postSample('p1', 'impressions', 100, { observedAt: '2026-05-01T09:00:00Z' }),
    ]);
    expect(report).toEqual({ applied: 0, stale: 1 });
    expect(impressionsOf(analytics)).toBe(150);
  });

  it('treats an exact duplicate as harmless and lets a re-read at the same instant correct the value', () => {
    const analytics = createAnalytics();
    const sample = postSample('p1', 'likes', 7);
    analytics.ingestSamples([sample, sample, sample]);
    expect(analytics.posts()[0]?.metrics.likes).toBe(7);
    analytics.ingestSamples([postSample('p1', 'likes', 8)]);
    expect(analytics.posts()[0]?.metrics.likes).toBe(8);
    expect(analytics.stats()).toMatchObject({ posts: 1, postValues: 1 });
  });

  it('keeps the same post id on two platforms or accounts apart', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      postSample('p1', 'impressions', 1),
      postSample('p1', 'impressions', 2, { accountId: 'acc-2' }),
      postSample('p1', 'impressions', 3, { platform: 'linkedin' }),
    ]);
    expect(analytics.stats().posts).toBe(3);
  });

  it('validates by default and rejects a bad batch whole, naming the sample', () => {
    const analytics = createAnalytics();
    const bad = { ...postSample('p2', 'impressions', -1) };
    try {
      analytics.ingestSamples([postSample('p1', 'impressions', 1), bad]);
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).problems[0]?.path).toEqual([1, 'value']);
    }
    expect(analytics.stats().posts).toBe(0);
  });

  it('skips validation when trusted, still refusing what would corrupt the store', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples(
      [postSample('p1', 'impressions', 5, { observedAt: new Date('2026-05-01T00:00:00Z') })],
      {
        trusted: true,
      },
    );
    expect(impressionsOf(analytics)).toBe(5);
    const unknownMetric = { ...postSample('p1', 'impressions', 1), metric: 'hearts' as 'likes' };
    expect(() => analytics.ingestSamples([unknownMetric], { trusted: true })).toThrow(ValidationError);
  });

  it('sums the days of a post metric known only from day samples, latest snapshot per day', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      postSample('p1', 'impressions', 10, { period: 'day', periodStart: '2026-05-01T00:00:00Z' }),
      postSample('p1', 'impressions', 12, {
        period: 'day',
        periodStart: '2026-05-01T00:00:00Z',
        observedAt: '2026-05-03T00:00:00Z',
      }),
      postSample('p1', 'impressions', 5, { period: 'day', periodStart: '2026-05-02T00:00:00Z' }),
      postSample('p1', 'reach', 9, { period: 'day', periodStart: '2026-05-02T00:00:00Z' }),
      postSample('p1', 'reach', 20),
    ]);
    const [post] = analytics.posts();
    expect(post?.metrics.impressions).toBe(17);
    expect(post?.metrics.reach).toBe(20);
  });
});

describe('createAnalytics: post metadata, engagements and responses', () => {
  it('attaches metadata to the post of the same platform, account and id', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([postSample('p1', 'impressions', 1)]);
    analytics.ingestPostMeta([meta('p1', '2026-05-01T10:00:00Z', { campaign: 'spring' })]);
    expect(analytics.posts()[0]?.meta?.campaign).toBe('spring');
    expect(analytics.postMeta({ platform: 'x', accountId: 'acc-1', platformPostId: 'p1' })?.campaign).toBe(
      'spring',
    );
    expect(analytics.postMeta({ platform: 'x', accountId: 'acc-1', platformPostId: 'nope' })).toBeUndefined();
  });

  it('rejects metadata with an invalid date or zone', () => {
    const analytics = createAnalytics();
    expect(() =>
      analytics.ingestPostMeta([
        meta('p1', 'not a date'),
        meta('p2', '2026-05-01T10:00:00Z', { timeZone: 'Mars/Base' }),
      ]),
    ).toThrow(/publishedAt[\s\S]*timeZone/);
  });

  it('keeps engagements by platform and id and exposes them read-only', () => {
    const analytics = createAnalytics();
    const engagement: EngagementInput = {
      platform: 'x',
      accountId: 'acc-1',
      id: 'e1',
      kind: 'comment',
      author: { id: 'u1' },
      text: 'hi',
      createdAt: '2026-05-01T10:00:00Z',
      raw: {},
    };
    analytics.ingestEngagements([engagement, { ...engagement, text: 'hi again' }]);
    const list = analytics.engagements();
    expect(list).toHaveLength(1);
    expect(list[0]?.text).toBe('hi again');
    expect(list[0]?.createdAt).toEqual(new Date('2026-05-01T10:00:00Z'));
    expect(Object.isFrozen(list)).toBe(true);
    expect(() => analytics.ingestEngagements([{ ...engagement, kind: 'poke' as 'comment' }])).toThrow(
      ValidationError,
    );
  });

  it('keeps every distinct response and drops an identical repeat', () => {
    const analytics = createAnalytics();
    const response = { platform: 'x', engagementId: 'e1', respondedAt: new Date('2026-05-01T10:30:00Z') };
    analytics.ingestResponses([
      response,
      { ...response },
      { ...response, respondedAt: new Date('2026-05-01T11:00:00Z'), resolved: true },
    ]);
    expect(analytics.responses()).toHaveLength(2);
    expect(() => analytics.ingestResponses([{ ...response, respondedAt: new Date(Number.NaN) }])).toThrow(
      ValidationError,
    );
  });

  it('starts empty', () => {
    const analytics = createAnalytics();
    expect(analytics.stats()).toEqual({ posts: 0, accounts: 0, postValues: 0, engagements: 0, responses: 0 });
    expect(analytics.posts()).toEqual([]);
    expect(analytics.engagements()).toEqual([]);
    expect(analytics.responses()).toEqual([]);
  });
});

describe('account samples', () => {
  it('keeps a daily followers history and the latest snapshot per day', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      accountSample('followers', 100, '2026-05-01T09:00:00Z'),
      accountSample('followers', 110, '2026-05-02T09:00:00Z'),
      accountSample('followers', 105, '2026-05-02T09:00:00Z'),
    ]);
    const [row] = analytics.rollup({
      by: ['account'],
      kpis: ['followersStart', 'followersEnd', 'followerGrowth'],
    });
    expect(row?.kpis).toEqual({ followersStart: 100, followersEnd: 105, followerGrowth: 5 });
  });
});
