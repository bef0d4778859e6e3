import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { breakdown } from './research-fixtures.js';

function audienceAnalytics() {
  const analytics = createAnalytics();
  analytics.ingestAudience([
    breakdown('age', '2026-05-15T00:00:00Z', [
      { key: '18-24', value: 100 },
      { key: '25-34', value: 300 },
      { key: '35-44', value: 100 },
    ]),
    breakdown('age', '2026-05-01T00:00:00Z', [{ key: '18-24', value: 50 }]),
    breakdown(
      'seniority',
      '2026-05-02T00:00:00Z',
      [
        { key: 'urn:li:seniority:3', label: 'Senior', value: 30 },
        { key: 'urn:li:seniority:4', value: 10 },
      ],
      { platform: 'linkedin', accountId: 'org-42', rawName: 'followerCountsBySeniority' },
    ),
  ]);
  return analytics;
}

describe('audience', () => {
  it('gives the latest split per account and dimension with each bucket share, names kept', () => {
    const splits = audienceAnalytics().audience();
    expect(splits).toHaveLength(2);
    expect(splits[0]).toEqual({
      platform: 'instagram',
      accountId: 'ig-1',
      dimension: 'age',
      rawName: 'follower_demographics/age',
      observedAt: new Date('2026-05-15T00:00:00Z'),
      total: 500,
      // Largest first; the tie keeps the platform's order.
      buckets: [
        { key: '25-34', value: 300, share: 0.6 },
        { key: '18-24', value: 100, share: 0.2 },
        { key: '35-44', value: 100, share: 0.2 },
      ],
    });
    expect(splits[1]).toMatchObject({
      platform: 'linkedin',
      dimension: 'seniority',
      rawName: 'followerCountsBySeniority',
      buckets: [
        { key: 'urn:li:seniority:3', label: 'Senior', value: 30, share: 0.75 },
        { key: 'urn:li:seniority:4', value: 10, share: 0.25 },
      ],
    });
  });

  it('filters by platform, account and dimension, and reads the latest before until', () => {
    const analytics = audienceAnalytics();
    expect(analytics.audience({ platforms: ['linkedin'] }).map((s) => s.dimension)).toEqual(['seniority']);
    expect(analytics.audience({ accounts: ['ig-1'], dimensions: ['age'] })).toHaveLength(1);
    expect(analytics.audience({ dimensions: ['gender'] })).toEqual([]);
    const older = analytics.audience({ dimensions: ['age'], until: new Date('2026-05-10T00:00:00Z') });
    expect(older[0]).toMatchObject({ total: 50, buckets: [{ key: '18-24', value: 50, share: 1 }] });
    expect(analytics.audience({ until: new Date('2026-05-01T00:00:00Z') })).toEqual([]);
  });

  it('shows the shares of an empty split as "no data" (null), never NaN', () => {
    const analytics = createAnalytics();
    analytics.ingestAudience([breakdown('gender', '2026-05-01T00:00:00Z', [{ key: 'F', value: 0 }])]);
    expect(analytics.audience()[0]).toMatchObject({
      total: 0,
      buckets: [{ key: 'F', value: 0, share: null }],
    });
  });

  it('replaces a split read at the same instant, and refuses an invalid batch whole', () => {
    const analytics = audienceAnalytics();
    analytics.ingestAudience([breakdown('age', '2026-05-15T00:00:00Z', [{ key: '65+', value: 7 }])]);
    expect(analytics.audience({ dimensions: ['age'] })[0]?.buckets).toEqual([
      { key: '65+', value: 7, share: 1 },
    ]);
    expect(() =>
      analytics.ingestAudience([
        breakdown('city', '2026-05-20T00:00:00Z', [{ key: 'Berlin', value: 1 }]),
        breakdown('city', '2026-05-20T00:00:00Z', [{ key: 'Paris', value: -1 }]),
      ]),
    ).toThrow(ValidationError);
    expect(analytics.audience({ dimensions: ['city'] })).toEqual([]);
    expect(() => analytics.audience({ until: new Date('nope') })).toThrow(ValidationError);
  });
});
