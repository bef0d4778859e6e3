import { describe, expect, it } from 'vitest';
import { type Analytics, createAnalytics } from '../../src/analytics/analytics.js';
import type { Goal } from '../../src/analytics/goals.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { MetricSampleInput } from '../../src/models/metric-sample.js';
import { accountSample, meta, postSample } from './analytics-fixtures.js';

/** The worked example of docs/analytics.md: one X post a day, 1–5 May 2026 (UTC). */
const IMPRESSIONS = [800, 1000, 900, 1200, 1100] as const;
const FOLLOWERS = [1000, 1030, 1050, 1090, 1100] as const;
const day = (index: number, time = '09:00:00Z') => `2026-05-0${index + 1}T${time}`;

function exampleAnalytics(): Analytics {
  const analytics = createAnalytics();
  const samples: MetricSampleInput[] = [];
  IMPRESSIONS.forEach((impressions, i) => {
    samples.push(
      postSample(`x-${i}`, 'impressions', impressions),
      postSample(`x-${i}`, 'likes', impressions / 100),
    );
    samples.push(accountSample('followers', FOLLOWERS[i] ?? 0, day(i, '12:00:00Z')));
    // LinkedIn posts of another campaign, which scoped goals leave out.
    samples.push(postSample(`li-${i}`, 'impressions', 5_000, { platform: 'linkedin', accountId: 'li-1' }));
  });
  samples.push(accountSample('followers', 990, '2026-04-30T12:00:00Z'));
  analytics.ingestSamples(samples);
  analytics.ingestPostMeta(
    IMPRESSIONS.flatMap((_, i) => [
      meta(`x-${i}`, day(i), { campaign: 'spring' }),
      meta(`li-${i}`, day(i), { platform: 'linkedin', accountId: 'li-1', campaign: 'other' }),
    ]),
  );
  return analytics;
}

/** 1–10 May: ten days, the last one (index 9) ending at the deadline. */
const WINDOW = { start: new Date('2026-05-01T00:00:00Z'), deadline: new Date('2026-05-11T00:00:00Z') };
const ASOF = { asOf: new Date('2026-05-06T00:00:00Z') };

function goal(extra: Partial<Goal>): Goal {
  return {
    name: 'Impressions on X',
    metric: 'impressions',
    target: 10_000,
    scope: { platforms: ['x'] },
    ...WINDOW,
    ...extra,
  };
}

describe('goals: totals', () => {
  it('reports the worked example: 5,000 so far, 12,000 projected, on track', () => {
    const [progress] = exampleAnalytics().goals([goal({})], ASOF);
    expect(progress?.kind).toBe('total');
    expect(progress?.current).toBe(5_000);
    expect(progress?.progress).toBe(0.5);
    expect(progress?.daysElapsed).toBe(5);
    expect(progress?.daysLeft).toBe(5);
    expect(progress?.series.map((point) => point.day)).toEqual([
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
    ]);
    expect(progress?.projection?.value).toBeCloseTo(12_000, 8);
    expect(progress?.projection?.lower).toBeCloseTo(9031.61, 2);
    expect(progress?.projection?.upper).toBeCloseTo(14968.39, 2);
    expect(progress?.projection?.chance).toBeCloseTo(0.9393, 4);
    expect(progress?.status).toBe('on_track');
  });

  it('is at risk when the projection falls short, achieved once the total passes the target', () => {
    const analytics = exampleAnalytics();
    const [short, done] = analytics.goals([goal({ target: 13_000 }), goal({ target: 4_000 })], ASOF);
    expect(short?.status).toBe('at_risk');
    expect(done?.status).toBe('achieved');
    expect(done?.progress).toBe(1.25);
  });

  it('is missed after the deadline below the target, and has no projection then', () => {
    const [late] = exampleAnalytics().goals([goal({ target: 13_000 })], {
      asOf: new Date('2026-06-01T00:00:00Z'),
    });
    expect(late?.status).toBe('missed');
    expect(late?.current).toBe(5_000);
    expect(late?.projection).toBeNull();
    expect(late?.daysLeft).toBe(0);
  });

  it('counts a day without posts as 0 and leaves out posts outside the scope', () => {
    const analytics = exampleAnalytics();
    // 8 May: nothing published. Every platform: X plus 5 × 5,000 on LinkedIn.
    const [x, all, campaign] = analytics.goals(
      [goal({}), goal({ scope: undefined }), goal({ scope: { campaign: 'spring' } })],
      { asOf: new Date('2026-05-09T00:00:00Z') },
    );
    expect(x?.series.map((point) => point.value)).toEqual([800, 1000, 900, 1200, 1100, 0, 0, 0]);
    expect(x?.current).toBe(5_000);
    expect(all?.current).toBe(30_000);
    expect(campaign?.current).toBe(5_000);
  });

  it('counts posts published and engagements', () => {
    const [posts, engagements] = exampleAnalytics().goals(
      [goal({ metric: 'posts', target: 10 }), goal({ metric: 'engagementCount', target: 100 })],
      ASOF,
    );
    expect(posts?.current).toBe(5);
    expect(posts?.series.map((point) => point.value)).toEqual([1, 1, 1, 1, 1]);
    expect(posts?.projection?.value).toBeCloseTo(10, 10);
    expect(engagements?.current).toBe(50);
  });

  it('places posts on the days of the goal’s zone', () => {
    const analytics = createAnalytics();
    analytics.ingestSamples([postSample('late', 'impressions', 300)]);
    // 23:30 UTC on 1 May is 01:30 on 2 May in Berlin.
    analytics.ingestPostMeta([meta('late', '2026-05-01T23:30:00Z')]);
    const [utc, berlin] = analytics.goals(
      [
        goal({ scope: undefined }),
        goal({ scope: undefined, timeZone: 'Europe/Berlin', start: new Date('2026-05-01T00:00:00+02:00') }),
      ],
      { asOf: new Date('2026-05-03T00:00:00Z') },
    );
    expect(utc?.series).toEqual([
      { day: '2026-05-01', value: 300 },
      { day: '2026-05-02', value: 0 },
    ]);
    expect(berlin?.series[1]).toEqual({ day: '2026-05-02', value: 300 });
  });
});

describe('goals: levels', () => {
  it('projects followers along the trend of the daily readings', () => {
    // t̄ = 2, ȳ = 1,054, Sxy = 260, Sxx = 10 → b = 26, a = 1,002; ŷ(9) = 1,236.
    const [followers] = exampleAnalytics().goals([goal({ metric: 'followers', target: 1_200 })], ASOF);
    expect(followers?.kind).toBe('level');
    expect(followers?.current).toBe(1_100);
    expect(followers?.series.map((point) => point.value)).toEqual([...FOLLOWERS]);
    expect(followers?.projection?.value).toBeCloseTo(1_236, 8);
    expect(followers?.projection?.slopePerDay).toBeCloseTo(26, 10);
    // Residuals −2, 2, −4, 10, −6: s = √(160 / 3); SE = s·√(1 + 1/5 + 49/10); t₀.₉₇₅,₃ = 3.1824.
    expect(followers?.projection?.lower).toBeCloseTo(1178.6, 1);
    expect(followers?.projection?.upper).toBeCloseTo(1293.4, 1);
    expect(followers?.projection?.chance).toBeCloseTo(0.93, 3);
    expect(followers?.status).toBe('on_track');
  });

  it('measures follower growth from the last reading before the start', () => {
    const [growth] = exampleAnalytics().goals([goal({ metric: 'followerGrowth', target: 200 })], ASOF);
    expect(growth?.current).toBe(110);
    expect(growth?.series.map((point) => point.value)).toEqual(FOLLOWERS.map((count) => count - 990));
    expect(growth?.projection?.value).toBeCloseTo(1_236 - 990, 8);
    expect(growth?.status).toBe('on_track');
  });

  it('judges a level at the deadline: above the target before it is not yet achieved', () => {
    const analytics = exampleAnalytics();
    const [before, after] = [
      analytics.goals([goal({ metric: 'followers', target: 1_050 })], ASOF)[0],
      analytics.goals([goal({ metric: 'followers', target: 1_050 })], { asOf: WINDOW.deadline })[0],
    ];
    expect(before?.status).toBe('on_track');
    expect(after?.status).toBe('achieved');
  });
});

describe('goals: rates', () => {
  it('takes the window’s rate so far as a ratio of sums', () => {
    const [rate] = exampleAnalytics().goals(
      [goal({ metric: 'engagementRateByImpressions', target: 0.02 })],
      ASOF,
    );
    expect(rate?.kind).toBe('rate');
    // Every post has likes = 1 % of its impressions.
    expect(rate?.current).toBeCloseTo(0.01, 12);
    expect(rate?.projection?.value).toBeCloseTo(0.01, 12);
    expect(rate?.status).toBe('at_risk');
  });
});

describe('goals: no data', () => {
  it('says no data rather than 0 when nothing in scope has the metric, or the goal has not started', () => {
    const analytics = exampleAnalytics();
    const [reach, future, twoDays] = analytics.goals(
      [
        goal({ metric: 'reach' }),
        goal({ start: new Date('2026-07-01T00:00:00Z'), deadline: new Date('2026-08-01T00:00:00Z') }),
        goal({}),
      ],
      { asOf: new Date('2026-05-03T00:00:00Z') },
    );
    expect(reach?.current).toBeNull();
    expect(reach?.progress).toBeNull();
    expect(reach?.status).toBe('no_data');
    expect(future?.current).toBeNull();
    expect(future?.daysElapsed).toBe(0);
    expect(future?.status).toBe('no_data');
    // Two days are too few to fit a line with an interval.
    expect(twoDays?.current).toBe(1_800);
    expect(twoDays?.projection).toBeNull();
    expect(twoDays?.status).toBe('no_data');
  });
});

describe('goals: validation', () => {
  it('refuses bad goals with every problem at once', () => {
    const analytics = exampleAnalytics();
    const bad = [
      goal({ target: 0 }),
      goal({ deadline: new Date('2026-04-01T00:00:00Z') }),
      goal({ metric: 'clout' as never }),
      goal({ metric: 'followers', scope: { campaign: 'spring' } }),
      goal({ timeZone: 'Mars/Base' }),
    ];
    try {
      analytics.goals(bad, { confidence: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      const problems = (error as ValidationError).problems.map((p) => [p.path.join('.'), p.rule]);
      expect(problems).toEqual(
        expect.arrayContaining([
          ['goals.0.target', 'schema.too_small'],
          ['goals.1.deadline', 'goal.window'],
          ['goals.2.metric', 'schema.invalid_value'],
          ['goals.3.scope.campaign', 'goal.scope'],
          ['goals.4.timeZone', expect.stringMatching(/^schema\./)],
          ['confidence', 'goal.confidence'],
        ]),
      );
    }
  });
});
