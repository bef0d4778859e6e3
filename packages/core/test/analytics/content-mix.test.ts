import { describe, expect, it } from 'vitest';
import { auditContentMix, type ContentMixPost } from '../../src/analytics/content-mix.js';
import { ValidationError } from '../../src/errors/validation-error.js';

const post = (iso: string, contentClass?: 'value' | 'promotion', kpi?: number | null): ContentMixPost => ({
  publishedAt: new Date(iso),
  ...(contentClass === undefined ? {} : { contentClass }),
  ...(kpi === undefined ? {} : { kpi }),
});

describe('auditContentMix', () => {
  it('computes value and promotion shares over classified posts and checks the 80/20 rule', () => {
    const posts = [
      post('2026-05-04T10:00:00Z', 'value'),
      post('2026-05-05T10:00:00Z', 'value'),
      post('2026-05-06T10:00:00Z', 'value'),
      post('2026-05-07T10:00:00Z', 'value'),
      post('2026-05-08T10:00:00Z', 'promotion'),
      post('2026-05-09T10:00:00Z'), // unclassified: left out of the shares
      post('2026-05-11T10:00:00Z', 'value'),
      post('2026-05-12T10:00:00Z', 'promotion'),
    ];
    const report = auditContentMix(posts, { period: 'week' });
    expect(report.periods.map((p) => [p.period, p.value, p.promotion, p.unclassified])).toEqual([
      ['2026-W19', 4, 1, 1],
      ['2026-W20', 1, 1, 0],
    ]);
    const [first, second] = report.periods;
    expect(first?.start).toEqual(new Date('2026-05-04T00:00:00Z'));
    expect(first?.end).toEqual(new Date('2026-05-11T00:00:00Z'));
    expect(first?.valueShare).toBe(0.8);
    expect(first?.promotionShare).toBe(0.2);
    expect(first?.meetsTarget).toBe(true);
    expect(second?.valueShare).toBe(0.5);
    expect(second?.meetsTarget).toBe(false);
    expect(report.overall).toMatchObject({ posts: 8, value: 5, promotion: 2, unclassified: 1 });
    expect(report.overall.valueShare).toBeCloseTo(5 / 7, 12);
    expect(report.overall.meetsTarget).toBe(false);
  });

  it('honours a custom target', () => {
    const posts = [post('2026-05-04T10:00:00Z', 'value'), post('2026-05-04T11:00:00Z', 'promotion')];
    expect(auditContentMix(posts, { targetValueShare: 0.5 }).overall.meetsTarget).toBe(true);
    expect(auditContentMix(posts).overall.meetsTarget).toBe(false);
  });

  it('gives null shares and verdict for a period with only unclassified posts', () => {
    const report = auditContentMix([post('2026-05-04T10:00:00Z')], { period: 'day' });
    expect(report.periods[0]).toMatchObject({
      period: '2026-05-04',
      unclassified: 1,
      valueShare: null,
      promotionShare: null,
      meetsTarget: null,
    });
  });

  it('reports the mean KPI per class, null where no post has a KPI', () => {
    const posts = [
      post('2026-05-04T10:00:00Z', 'value', 0.04),
      post('2026-05-05T10:00:00Z', 'value', 0.06),
      post('2026-05-06T10:00:00Z', 'value', null),
      post('2026-05-07T10:00:00Z', 'promotion'),
      post('2026-05-08T10:00:00Z', undefined, 0.01),
    ];
    const { performance } = auditContentMix(posts).overall;
    expect(performance.value).toEqual({ posts: 3, postsWithKpi: 2, meanKpi: expect.closeTo(0.05, 12) });
    expect(performance.promotion).toEqual({ posts: 1, postsWithKpi: 0, meanKpi: null });
    expect(performance.unclassified).toEqual({ posts: 1, postsWithKpi: 1, meanKpi: 0.01 });
  });

  it('buckets by local day, ISO week and month in the given zone', () => {
    // 23:30 UTC on Sunday 31 May is already Monday 1 June in Berlin (UTC+2).
    const late = [post('2026-05-31T23:30:00Z', 'value')];
    expect(auditContentMix(late, { period: 'day' }).periods[0]?.period).toBe('2026-05-31');
    expect(auditContentMix(late, { period: 'day', timeZone: 'Europe/Berlin' }).periods[0]?.period).toBe(
      '2026-06-01',
    );
    expect(auditContentMix(late, { period: 'week' }).periods[0]?.period).toBe('2026-W22');
    const berlinWeek = auditContentMix(late, { period: 'week', timeZone: 'Europe/Berlin' }).periods[0];
    expect(berlinWeek?.period).toBe('2026-W23');
    expect(berlinWeek?.start).toEqual(new Date('2026-05-31T22:00:00Z')); // Monday 00:00 in Berlin
    expect(auditContentMix(late, { period: 'month', timeZone: 'Europe/Berlin' }).periods[0]?.period).toBe(
      '2026-06',
    );
    // A week spanning a year boundary belongs to the ISO week-year of its Thursday.
    expect(auditContentMix([post('2027-01-01T12:00:00Z')], { period: 'week' }).periods[0]?.period).toBe(
      '2026-W53',
    );
  });

  it('lists periods oldest first and returns empty figures for no posts', () => {
    const report = auditContentMix(
      [post('2026-07-01T00:00:00Z', 'value'), post('2026-05-01T00:00:00Z', 'value')],
      {
        period: 'month',
      },
    );
    expect(report.periods.map((p) => p.period)).toEqual(['2026-05', '2026-07']);
    const empty = auditContentMix([]);
    expect(empty.periods).toEqual([]);
    expect(empty.overall).toMatchObject({ posts: 0, valueShare: null, meetsTarget: null });
    expect(empty.overall.performance.value.meanKpi).toBeNull();
  });

  it('rejects bad zones, targets, dates and KPIs, listing every problem', () => {
    const attempt = () =>
      auditContentMix([{ publishedAt: new Date('nope'), kpi: Number.NaN }], {
        timeZone: 'Mars/Base',
        targetValueShare: 1.2,
      });
    expect(attempt).toThrow(ValidationError);
    expect(() => attempt()).toThrow(/4 problems/);
  });
});
