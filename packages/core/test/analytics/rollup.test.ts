import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { accountSample, meta, postSample } from './analytics-fixtures.js';

const HOUR = 3_600_000;

describe('rollup: empty and tiny inputs', () => {
  it('returns no rows for an empty store, whatever the dimensions', () => {
    const analytics = createAnalytics();
    expect(analytics.rollup({ by: [] })).toEqual([]);
    expect(analytics.rollup({ by: ['platform', 'day'], timeZone: 'Europe/Berlin' })).toEqual([]);
    expect(analytics.rollup({ by: ['tag', 'campaign'] })).toEqual([]);
  });

  it('rolls one post up into one row with its metrics and KPIs', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      postSample('p1', 'impressions', 1000),
      postSample('p1', 'likes', 40),
      postSample('p1', 'comments', 10),
    ]);
    analytics.ingestPostMeta([meta('p1', '2026-05-01T10:00:00Z')]);
    const rows = analytics.rollup({
      by: ['platform', 'day'],
      kpis: ['engagementRateByImpressions', 'postsPerDay'],
    });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.dimensions).toEqual({ platform: 'x', day: '2026-05-01' });
    expect(row?.posts).toBe(1);
    expect(row?.metrics.impressions).toBe(1000);
    expect(row?.metrics.shares).toBeNull();
    expect(row?.kpis).toEqual({ engagementRateByImpressions: 0.05, postsPerDay: 1 });
    expect(row?.bucket?.start).toEqual(new Date('2026-05-01T00:00:00Z'));
  });

  it('gives null, not 0, for a metric one platform lacks, and pairs rates per post', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      postSample('x1', 'impressions', 1000),
      postSample('x1', 'likes', 10),
      postSample('x1', 'saves', 5),
      postSample('li1', 'impressions', 2000, { platform: 'linkedin' }),
      postSample('li1', 'reactions', 30, { platform: 'linkedin' }),
      // A LinkedIn post without impressions: its engagements count, its rate pair does not.
      postSample('li2', 'reactions', 70, { platform: 'linkedin' }),
    ]);
    const rows = analytics.rollup({
      by: ['platform'],
      kpis: ['engagementCount', 'engagementRateByImpressions'],
    });
    const linkedin = rows.find((row) => row.dimensions.platform === 'linkedin');
    const x = rows.find((row) => row.dimensions.platform === 'x');
    expect(linkedin?.metrics.saves).toBeNull();
    expect(x?.metrics.saves).toBe(5);
    expect(linkedin?.kpis).toEqual({ engagementCount: 100, engagementRateByImpressions: 30 / 2000 });
    expect(linkedin?.posts).toBe(2);
    const [all] = analytics.rollup({ by: [], kpis: ['engagementRateByImpressions'] });
    expect(all?.kpis.engagementRateByImpressions).toBe((10 + 5 + 30) / (1000 + 2000));
  });

  it('leaves a post whose denominator is 0 out of the rate, as it is for the post alone', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      // Insights not computed yet: reach and impressions 0 while likes already count.
      postSample('fresh', 'likes', 40, { platform: 'instagram' }),
      postSample('fresh', 'reach', 0, { platform: 'instagram' }),
      postSample('fresh', 'impressions', 0, { platform: 'instagram' }),
      postSample('fresh', 'shares', 4, { platform: 'instagram' }),
      postSample('settled', 'likes', 10, { platform: 'instagram' }),
      postSample('settled', 'reach', 1000, { platform: 'instagram' }),
      postSample('settled', 'impressions', 1000, { platform: 'instagram' }),
      postSample('settled', 'shares', 2, { platform: 'instagram' }),
    ]);
    const fresh = analytics.posts().find((post) => post.platformPostId === 'fresh');
    expect(fresh?.kpis.engagementRateByReach).toBeNull();
    const [all] = analytics.rollup({
      by: [],
      kpis: ['engagementCount', 'engagementRateByReach', 'engagementRateByImpressions', 'shareRate'],
    });
    expect(all?.kpis).toEqual({
      engagementCount: 40 + 4 + 10 + 2,
      engagementRateByReach: (10 + 2) / 1000,
      engagementRateByImpressions: (10 + 2) / 1000,
      shareRate: 2 / 1000,
    });
  });

  it('returns only the requested KPIs', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([postSample('p1', 'impressions', 1)]);
    expect(Object.keys(analytics.rollup({ by: [], kpis: ['ctr'] })[0]?.kpis ?? {})).toEqual(['ctr']);
    expect(Object.keys(analytics.rollup({ by: [] })[0]?.kpis ?? {})).toHaveLength(13);
  });
});

describe('rollup: dimensions', () => {
  function labelled() {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      postSample('p1', 'impressions', 100),
      postSample('p2', 'impressions', 200),
      postSample('p3', 'impressions', 400),
      postSample('p4', 'impressions', 800),
    ]);
    analytics.ingestPostMeta([
      meta('p1', '2026-05-01T10:00:00Z', {
        tags: ['launch', 'video', 'launch'],
        campaign: 'spring',
        variant: 'A',
      }),
      meta('p2', '2026-05-01T11:00:00Z', { tags: ['launch'], campaign: 'spring', variant: 'B' }),
      meta('p3', '2026-05-02T10:00:00Z', { campaign: 'summer', contentClass: 'value' }),
    ]);
    return analytics;
  }

  it('counts a post with several tags once in each tag, and untagged posts under null', () => {
    const rows = labelled().rollup({ by: ['tag'], kpis: [] });
    expect(rows.map((row) => [row.dimensions.tag, row.posts, row.metrics.impressions])).toEqual([
      ['launch', 2, 300],
      ['video', 1, 100],
      [null, 2, 1200],
    ]);
  });

  it('groups by campaign × variant, and by content class', () => {
    const analytics = labelled();
    const rows = analytics.rollup({ by: ['campaign', 'variant'], kpis: [] });
    expect(rows.map((row) => [row.dimensions.campaign, row.dimensions.variant, row.posts])).toEqual([
      ['spring', 'A', 1],
      ['spring', 'B', 1],
      ['summer', null, 1],
      [null, null, 1],
    ]);
    const byClass = analytics.rollup({ by: ['contentClass'], kpis: [] });
    expect(byClass.map((row) => [row.dimensions.contentClass, row.posts])).toEqual([
      ['value', 1],
      [null, 3],
    ]);
  });

  it('leaves a post without PostMeta out of time rollups and windows, but counts it otherwise', () => {
    const analytics = labelled();
    expect(analytics.rollup({ by: ['day'], kpis: [] }).reduce((sum, row) => sum + row.posts, 0)).toBe(3);
    expect(analytics.rollup({ by: [], kpis: [] })[0]?.posts).toBe(4);
    const windowed = analytics.rollup({ by: [], kpis: [], since: new Date('2026-05-01T10:30:00Z') });
    expect(windowed[0]?.posts).toBe(2);
  });

  it('keeps the same account id on two platforms apart when grouping by account', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      postSample('p1', 'impressions', 1),
      postSample('p2', 'impressions', 2, { platform: 'linkedin' }),
    ]);
    expect(analytics.rollup({ by: ['account'], kpis: [] })).toHaveLength(2);
  });

  it('filters by platform and account', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      postSample('p1', 'impressions', 1),
      postSample('p2', 'impressions', 2, { platform: 'linkedin' }),
      postSample('p3', 'impressions', 4, { accountId: 'acc-2' }),
    ]);
    expect(analytics.rollup({ by: [], kpis: [], platforms: ['x'] })[0]?.metrics.impressions).toBe(5);
    expect(analytics.rollup({ by: [], kpis: [], accounts: ['acc-2'] })[0]?.metrics.impressions).toBe(4);
  });

  it('rejects unknown dimensions and KPIs and two time buckets', () => {
    const analytics = createAnalytics();
    expect(() => analytics.rollup({ by: ['day', 'week'] })).toThrow(ValidationError);
    expect(() => analytics.rollup({ by: ['platform', 'platform'] })).toThrow(ValidationError);
    expect(() => analytics.rollup({ by: ['country' as 'platform'] })).toThrow(/unknown dimension/);
    expect(() => analytics.rollup({ by: [], kpis: ['virality' as 'ctr'] })).toThrow(
      /kpis\[0\]: unknown KPI "virality"; the KPIs are engagementCount, .*, postsPerWeek/,
    );
    expect(() => analytics.rollup({ by: ['day'], timeZone: 'Mars/Base' })).toThrow(ValidationError);
  });
});

describe('rollup: time buckets across DST', () => {
  it('buckets by local day in Europe/Berlin, with a 23-hour spring-forward day', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      postSample('early', 'impressions', 1),
      postSample('late', 'impressions', 2),
      postSample('next', 'impressions', 4),
    ]);
    analytics.ingestPostMeta([
      meta('early', '2026-03-28T23:30:00Z'), // 00:30 CET on the 29th
      meta('late', '2026-03-29T21:30:00Z'), // 23:30 CEST on the 29th
      meta('next', '2026-03-29T22:30:00Z'), // 00:30 CEST on the 30th
    ]);
    const berlin = analytics.rollup({ by: ['day'], timeZone: 'Europe/Berlin', kpis: [] });
    expect(berlin.map((row) => [row.dimensions.day, row.posts])).toEqual([
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
    const bucket = berlin[0]?.bucket;
    expect(bucket && (bucket.end.getTime() - bucket.start.getTime()) / HOUR).toBe(23);
    const utc = analytics.rollup({ by: ['day'], timeZone: 'UTC', kpis: [] });
    expect(utc.map((row) => [row.dimensions.day, row.posts])).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 2],
    ]);
  });

  it('keeps the repeated 01:00 hour of a New York fall-back day as two hourly rows', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([postSample('edt', 'impressions', 1), postSample('est', 'impressions', 2)]);
    analytics.ingestPostMeta([meta('edt', '2026-11-01T05:30:00Z'), meta('est', '2026-11-01T06:30:00Z')]);
    const hours = analytics.rollup({ by: ['hour'], timeZone: 'America/New_York', kpis: ['postsPerDay'] });
    expect(hours.map((row) => row.dimensions.hour)).toEqual(['2026-11-01T01', '2026-11-01T01-05:00']);
    expect(hours[0]?.kpis.postsPerDay).toBe(24);
    const [day] = analytics.rollup({ by: ['day'], timeZone: 'America/New_York', kpis: [] });
    expect(day?.posts).toBe(2);
    expect(day?.bucket && (day.bucket.end.getTime() - day.bucket.start.getTime()) / HOUR).toBe(25);
  });

  it('rolls up by ISO week and month with posting frequency per calendar day', () => {
    const analytics = createAnalytics();
    const posts = [
      '2026-03-23T10:00:00Z',
      '2026-03-25T10:00:00Z',
      '2026-03-29T10:00:00Z',
      '2026-03-30T10:00:00Z',
    ];
    analytics.ingestSamples(posts.map((_, i) => postSample(`p${i}`, 'impressions', 1)));
    analytics.ingestPostMeta(posts.map((at, i) => meta(`p${i}`, at)));
    const weeks = analytics.rollup({
      by: ['week'],
      timeZone: 'Europe/Berlin',
      kpis: ['postsPerDay', 'postsPerWeek'],
    });
    expect(weeks.map((row) => [row.dimensions.week, row.posts, row.kpis.postsPerWeek])).toEqual([
      ['2026-W13', 3, 3],
      ['2026-W14', 1, 1],
    ]);
    expect(weeks[0]?.kpis.postsPerDay).toBeCloseTo(3 / 7);
    const [month] = analytics.rollup({ by: ['month'], timeZone: 'Europe/Berlin', kpis: ['postsPerDay'] });
    expect(month?.dimensions.month).toBe('2026-03');
    expect(month?.kpis.postsPerDay).toBeCloseTo(4 / 31);
  });

  it('measures posting frequency without buckets over the window or the span of publications', () => {
    const analytics = createAnalytics();
    analytics.ingestPostMeta([meta('a', '2026-05-01T10:00:00Z'), meta('b', '2026-05-04T09:00:00Z')]);
    expect(analytics.rollup({ by: [], kpis: ['postsPerDay'] })[0]?.kpis.postsPerDay).toBe(2 / 4);
    const windowed = analytics.rollup({
      by: [],
      kpis: ['postsPerDay', 'postsPerWeek'],
      since: new Date('2026-05-01T00:00:00Z'),
      until: new Date('2026-05-11T00:00:00Z'),
    });
    expect(windowed[0]?.kpis).toEqual({ postsPerDay: 0.2, postsPerWeek: 1.4 });
  });

  it('counts a since–until window in calendar days of the zone, even across a DST change', () => {
    const analytics = createAnalytics();
    // 31 posts, one a day at noon in Berlin, in March 2026 (clocks spring forward on the 29th).
    const days = Array.from({ length: 31 }, (_, i) => i + 1);
    analytics.ingestPostMeta(
      days.map((day) => meta(`m${day}`, `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`)),
    );
    const window = {
      timeZone: 'Europe/Berlin',
      since: new Date('2026-03-01T00:00:00+01:00'),
      until: new Date('2026-04-01T00:00:00+02:00'),
    };
    const [whole] = analytics.rollup({ ...window, by: [], kpis: ['postsPerDay', 'postsPerWeek'] });
    // The same month as a bucket says 1 a day: the window must agree (31 days, not 30 23/24).
    const [month] = analytics.rollup({ ...window, by: ['month'], kpis: ['postsPerDay'] });
    expect(month?.kpis.postsPerDay).toBe(1);
    expect(whole?.kpis.postsPerDay).toBe(1);
    expect(whole?.kpis.postsPerWeek).toBe(7);
  });
});

describe('rollup: account metrics and followers', () => {
  function withFollowers() {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      // Daily follower counts, as Facebook page_follows with period day.
      accountSample('followers', 1000, '2026-05-02T08:00:00Z', {
        period: 'day',
        periodStart: '2026-05-01T00:00:00Z',
      }),
      accountSample('followers', 1010, '2026-05-03T08:00:00Z', {
        period: 'day',
        periodStart: '2026-05-02T00:00:00Z',
      }),
      accountSample('followers', 1030, '2026-05-04T08:00:00Z', {
        period: 'day',
        periodStart: '2026-05-03T00:00:00Z',
      }),
      accountSample('impressions', 500, '2026-05-02T08:00:00Z', {
        period: 'day',
        periodStart: '2026-05-01T00:00:00Z',
      }),
      accountSample('impressions', 700, '2026-05-03T08:00:00Z', {
        period: 'day',
        periodStart: '2026-05-02T00:00:00Z',
      }),
      postSample('p1', 'likes', 50),
      postSample('p1', 'impressions', 2000),
    ]);
    analytics.ingestPostMeta([meta('p1', '2026-05-02T12:00:00Z')]);
    return analytics;
  }

  it('divides engagements by followers at the end of each day', () => {
    const rows = withFollowers().rollup({ by: ['platform', 'day'], kpis: ['engagementRateByFollowers'] });
    const may2 = rows.find((row) => row.dimensions.day === '2026-05-02');
    expect(may2?.kpis.engagementRateByFollowers).toBe(50 / 1010);
  });

  it('leaves an account with 0 followers out of the followers rate instead of adding its engagements', () => {
    const analytics = withFollowers();
    analytics.ingestSamples([
      accountSample('followers', 0, '2026-05-02T08:00:00Z', { accountId: 'acc-new' }),
      postSample('n1', 'likes', 500, { accountId: 'acc-new' }),
    ]);
    analytics.ingestPostMeta([meta('n1', '2026-05-02T13:00:00Z', { accountId: 'acc-new' })]);
    const [all] = analytics.rollup({ by: [], kpis: ['engagementRateByFollowers'] });
    expect(all?.kpis.engagementRateByFollowers).toBe(50 / 1030);
  });

  it('adds rows for days with account readings but no posts, with growth over the day', () => {
    const rows = withFollowers().rollup({
      by: ['platform', 'day'],
      kpis: ['followersStart', 'followersEnd', 'followerGrowth', 'followerGrowthRate', 'postsPerDay'],
    });
    expect(rows.map((row) => [row.dimensions.day, row.posts, row.kpis.followerGrowth])).toEqual([
      ['2026-05-01', 0, null],
      ['2026-05-02', 1, 10],
      ['2026-05-03', 0, 20],
    ]);
    expect(rows[2]?.kpis).toEqual({
      followersStart: 1010,
      followersEnd: 1030,
      followerGrowth: 20,
      followerGrowthRate: 20 / 1010,
      postsPerDay: 0,
    });
    expect(rows[0]?.accountMetrics.impressions).toBe(500);
    expect(rows[0]?.accountMetrics.followers).toBe(1000);
  });

  it('sums daily account values over a longer bucket and reads counts at its end', () => {
    const [month] = withFollowers().rollup({ by: ['month'], kpis: ['followerGrowth', 'followerGrowthRate'] });
    expect(month?.accountMetrics.impressions).toBe(1200);
    expect(month?.accountMetrics.followers).toBe(1030);
    expect(month?.kpis).toEqual({ followerGrowth: 30, followerGrowthRate: 0.03 });
  });

  it('does not add up daily reach (unique people) over a longer bucket: null, not an inflated sum', () => {
    const analytics = createAnalytics();
    // Facebook page_total_media_view_unique with period=day, as the adapter maps it; the same
    // people seen on two days count once in the week's reach, so Σ days is not the week's reach.
    const daily = [
      ['2026-05-04', 500, 900],
      ['2026-05-05', 400, 700],
      ['2026-05-06', 450, 800],
    ] as const;
    analytics.ingestSamples(
      daily.flatMap(([day, reach, impressions]) => [
        accountSample('reach', reach, `${day}T12:00:00Z`, {
          platform: 'facebook',
          period: 'day',
          periodStart: `${day}T00:00:00Z`,
        }),
        accountSample('impressions', impressions, `${day}T12:00:00Z`, {
          platform: 'facebook',
          period: 'day',
          periodStart: `${day}T00:00:00Z`,
        }),
      ]),
    );
    const days = analytics.rollup({ by: ['day'], kpis: [] });
    expect(days.map((row) => row.accountMetrics.reach)).toEqual([500, 400, 450]);
    const [week] = analytics.rollup({ by: ['week'], kpis: [] });
    expect(week?.accountMetrics.impressions).toBe(2400);
    expect(week?.accountMetrics.reach).toBeNull();
    const [whole] = analytics.rollup({ by: [], kpis: [] });
    expect(whole?.accountMetrics.reach).toBeNull();
  });

  it('reports follower growth as null when the period has no reading, not 0', () => {
    const analytics = withFollowers();
    const rows = analytics.rollup({
      by: [],
      kpis: ['followerGrowth', 'followersEnd'],
      since: new Date('2026-05-10T00:00:00Z'),
      until: new Date('2026-05-11T00:00:00Z'),
    });
    expect(rows[0]?.kpis).toEqual({ followerGrowth: null, followersEnd: 1030 });
  });

  it('uses the accounts of the posts when grouping by post labels', () => {
    const analytics = withFollowers();
    analytics.ingestPostMeta([meta('p1', '2026-05-02T12:00:00Z', { campaign: 'spring' })]);
    const rows = analytics.rollup({
      by: ['campaign', 'day'],
      kpis: ['engagementRateByFollowers', 'followersEnd'],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kpis).toEqual({ engagementRateByFollowers: 50 / 1010, followersEnd: 1010 });
  });

  it('includes account-only rows without time buckets, and account metrics in JSON', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([
      // Lifetime follower counts arriving out of order.
      accountSample('followers', 1200, '2026-05-03T09:00:00Z', { platform: 'linkedin' }),
      accountSample('followers', 1000, '2026-05-01T09:00:00Z', { platform: 'linkedin' }),
      postSample('p1', 'likes', 5),
    ]);
    const rows = analytics.rollup({ by: ['platform'], kpis: ['followerGrowth', 'followerGrowthRate'] });
    expect(rows.map((row) => [row.dimensions.platform, row.posts, row.kpis.followerGrowth])).toEqual([
      ['linkedin', 0, 200],
      ['x', 1, null],
    ]);
    expect(rows[0]?.kpis.followerGrowthRate).toBe(0.2);
    const json = JSON.parse(JSON.stringify(rows[0]));
    expect(json.accountMetrics.followers).toBe(1200);
    expect({ ...rows[1] }.accountMetrics?.followers).toBeNull();
  });
});
