import { PlatformError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, START, useInstagram } from './support/harness.js';

const INSIGHTS = 'GET /:version/:mediaId/insights';

const h = useInstagram();
const { ig } = h;

describe('getAudience (follower demographics)', () => {
  it('reads age, gender, country and city with Meta’s keys, largest bucket first', async () => {
    const brand = ig.addAccount('brand', { followers: 5000 });
    ig.seedFollowerDemographics(brand.account.id, {
      age: { '18-24': 410, '25-34': 1210, '65+': 12 },
      gender: { F: 2600, M: 2100, U: 80 },
      country: { US: 1900, DE: 700, GB: 900 },
      city: { 'London, England': 420, 'Berlin, Berlin': 380 },
    });
    const breakdowns = await h.adapter().getAudience(h.context({}, brand));

    expect(breakdowns.map((breakdown) => [breakdown.dimension, breakdown.rawName])).toEqual([
      ['age', 'follower_demographics/age'],
      ['gender', 'follower_demographics/gender'],
      ['country', 'follower_demographics/country'],
      ['city', 'follower_demographics/city'],
    ]);
    expect(breakdowns[0]).toEqual({
      platform: 'instagram',
      accountId: brand.account.id,
      dimension: 'age',
      rawName: 'follower_demographics/age',
      observedAt: new Date(START),
      buckets: [
        { key: '25-34', value: 1210 },
        { key: '18-24', value: 410 },
        { key: '65+', value: 12 },
      ],
    });
    expect(breakdowns[2]?.buckets.map((bucket) => bucket.key)).toEqual(['US', 'GB', 'DE']);
    expect(breakdowns[3]?.buckets[0]).toEqual({ key: 'London, England', value: 420 });
    // One request per breakdown, as the insights reference asks for the metric.
    expect(
      h
        .queries(INSIGHTS)
        .map((query) => Object.fromEntries([...query].filter(([name]) => name !== 'access_token'))),
    ).toEqual(
      ['age', 'gender', 'country', 'city'].map((breakdown) => ({
        metric: 'follower_demographics',
        period: 'lifetime',
        metric_type: 'total_value',
        breakdown,
      })),
    );
  });

  it('gives every account plausible demographics: age and gender add up to the followers Meta knows, top 45 at most', async () => {
    const big = ig.addAccount('bigbrand', { followers: 250_000 });
    ig.seedFollowerDemographics(big.account.id, {
      city: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`City ${i + 1}, Region`, 1000 - i])),
    });
    const breakdowns = await h.adapter().getAudience(h.context({}, big));
    const total = (dimension: string) =>
      breakdowns
        .find((breakdown) => breakdown.dimension === dimension)
        ?.buckets.reduce((sum, bucket) => sum + bucket.value, 0) ?? 0;

    for (const dimension of ['age', 'gender']) {
      expect(total(dimension)).toBeLessThanOrEqual(250_000);
      expect(total(dimension)).toBeGreaterThan(200_000);
    }
    expect(
      breakdowns
        .find((breakdown) => breakdown.dimension === 'gender')
        ?.buckets.map((b) => b.key)
        .sort(),
    ).toEqual(['F', 'M', 'U']);
    const cities = breakdowns.find((breakdown) => breakdown.dimension === 'city')?.buckets ?? [];
    expect(cities).toHaveLength(45);
    expect(cities.at(-1)).toEqual({ key: 'City 45, Region', value: 956 });
  });

  it('says why Meta refuses the demographics of an account under 100 followers', async () => {
    expect(h.ana.account.followers).toBeLessThan(100);
    const error = await failureOf(h.adapter().getAudience(h.context()), ig);
    expect(PlatformError.isInstance(error) && error.code).toBe('platform_refused');
    expect(error.message).toContain('at least 100 followers');
    expect(error.hint).toContain('100');
    expect(error.platformError?.code).toBe(100);
    expect(h.requests(INSIGHTS)).toHaveLength(1);
  });

  it('is declared for both logins, on the Graph usage bucket', async () => {
    for (const host of ['facebook', 'instagram'] as const) {
      const adapter = h.adapter({ host });
      expect(adapter.capabilities.research?.audience).toEqual(['age', 'gender', 'country', 'city']);
      expect(adapter.capabilities.rateLimits.operations?.research).toEqual(['graph']);
    }
  });
});
