import { AuthError, UnsupportedCapabilityError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, START, useLinkedIn } from './support/harness.js';

const h = useLinkedIn();
const ROUTE = 'GET /rest/organizationalEntityFollowerStatistics';

const DIMENSIONS = [
  'seniority',
  'industry',
  'function',
  'geoCountry',
  'geo',
  'staffCountRange',
  'associationType',
];

describe('getAudience (organization follower statistics)', () => {
  it('reads the 7 facets with LinkedIn’s keys, each bucket its organic count (organic and paid rolled up)', async () => {
    h.linkedin.seedFollowerStatistics(h.acme, {
      followerCountsBySeniority: {
        'urn:li:seniority:3': 200,
        'urn:li:seniority:4': 310,
        'urn:li:seniority:8': 40,
      },
      followerCountsByGeoCountry: { 'urn:li:geo:103644278': 700, 'urn:li:geo:101165590': 150 },
      followerCountsByStaffCountRange: { SIZE_11_TO_50: 90, SIZE_10001_OR_MORE: 260 },
    });
    const breakdowns = await h.adapter({ author: h.acme }).getAudience(h.context());

    expect(breakdowns.map((breakdown) => breakdown.dimension)).toEqual(DIMENSIONS);
    expect(breakdowns[0]).toEqual({
      platform: 'linkedin',
      accountId: h.ana.account.id,
      dimension: 'seniority',
      rawName: 'followerCountsBySeniority',
      observedAt: new Date(START),
      // The simulator's paidFollowerCount is non-zero: LinkedIn says not to add it for demographics.
      buckets: [
        { key: 'urn:li:seniority:4', value: 310 },
        { key: 'urn:li:seniority:3', value: 200 },
        { key: 'urn:li:seniority:8', value: 40 },
      ],
    });
    expect(breakdowns[3]?.buckets).toEqual([
      { key: 'urn:li:geo:103644278', value: 700 },
      { key: 'urn:li:geo:101165590', value: 150 },
    ]);
    expect(breakdowns[5]?.buckets.map((bucket) => bucket.key)).toEqual([
      'SIZE_10001_OR_MORE',
      'SIZE_11_TO_50',
    ]);
    const [call] = h.linkedin.sim.log.forRoute(ROUTE);
    expect(call?.url).toBe(
      `https://api.linkedin.com/rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity=${encodeURIComponent(h.acme)}`,
    );
  });

  it('gives every organization plausible statistics: no facet beyond its followers, each cut to the top 100', async () => {
    h.linkedin.seedFollowerStatistics(h.acme, {
      followerCountsByIndustry: Object.fromEntries(
        Array.from({ length: 120 }, (_, i) => [`urn:li:industry:${i + 1}`, 500 - i]),
      ),
    });
    const context = h.context({ account: { platform: 'linkedin', accountId: h.acme } });
    const breakdowns = await h.adapter().getAudience(context);
    const total = (dimension: string) =>
      breakdowns
        .find((item) => item.dimension === dimension)
        ?.buckets.reduce((sum, bucket) => sum + bucket.value, 0) ?? 0;

    for (const dimension of ['seniority', 'function', 'geoCountry', 'staffCountRange']) {
      expect(total(dimension), dimension).toBeGreaterThan(600);
      expect(total(dimension), dimension).toBeLessThanOrEqual(1200);
    }
    const industries = breakdowns.find((item) => item.dimension === 'industry')?.buckets ?? [];
    expect(industries).toHaveLength(100);
    expect(industries.at(-1)).toEqual({ key: 'urn:li:industry:100', value: 401 });
    expect(breakdowns.every((item) => item.accountId === h.acme)).toBe(true);
  });

  it('refuses a member account before any request: LinkedIn has demographics for organizations only', async () => {
    const error = await failureOf(h.adapter().getAudience(h.context()), h.linkedin);
    expect(UnsupportedCapabilityError.isInstance(error) && error.capability).toBe(
      'research.audience for a member (urn:li:person) account',
    );
    expect(error.hint).toContain('organization');
    expect(h.linkedin.sim.log.forRoute(ROUTE)).toHaveLength(0);
  });

  it('names the scope an admin’s token lacks', async () => {
    const reader = h.linkedin.addMember('reader', { scopes: ['r_organization_social'] });
    const org = h.linkedin.addOrganization('Reader Co', [reader.account.id], 50);
    const error = await failureOf(h.adapter({ author: org }).getAudience(h.context({}, reader)), h.linkedin);
    expect(AuthError.isInstance(error) && error.code).toBe('auth_missing_scope');
    expect(error.message).toContain('rw_organization_admin');
  });

  it('is declared with the 7 facets, no public account lookup and why', () => {
    const { capabilities } = h.adapter();
    expect(capabilities.research).toEqual({
      publicAccounts: false,
      audience: DIMENSIONS,
      unavailable: { publicAccounts: expect.stringContaining('https://learn.microsoft.com/') },
    });
    expect(capabilities.rateLimits.operations?.research).toEqual(['api']);
    expect(h.adapter().lookupPublicAccount).toBeUndefined();
  });
});

describe('organizationalEntityFollowerStatistics (simulator)', () => {
  const get = (query: string, token = h.ana.accessToken) =>
    fetch(`${h.linkedin.apiUrl}/rest/organizationalEntityFollowerStatistics?${query}`, {
      headers: {
        authorization: `Bearer ${token}`,
        'LinkedIn-Version': '202610',
        'X-Restli-Protocol-Version': '2.0.0',
      },
    });

  it('answers one lifetime element, refuses time-bound queries, other finders and unknown organizations', async () => {
    const org = `organizationalEntity=${encodeURIComponent(h.acme)}`;
    const ok = await get(`q=organizationalEntity&${org}`);
    const body = (await ok.json()) as { elements: Record<string, unknown>[] };
    expect(ok.status).toBe(200);
    expect(Object.keys(body.elements[0] ?? {}).sort()).toEqual([
      'followerCountsByAssociationType',
      'followerCountsByFunction',
      'followerCountsByGeo',
      'followerCountsByGeoCountry',
      'followerCountsByIndustry',
      'followerCountsBySeniority',
      'followerCountsByStaffCountRange',
      'organizationalEntity',
    ]);
    expect((body.elements[0]?.followerCountsBySeniority as unknown[] | undefined)?.[0]).toEqual({
      seniority: expect.stringMatching(/^urn:li:seniority:\d+$/),
      followerCounts: { organicFollowerCount: expect.any(Number), paidFollowerCount: expect.any(Number) },
    });
    expect(
      (await get(`q=organizationalEntity&${org}&timeIntervals=(timeRange:(start:1,end:2))`)).status,
    ).toBe(400);
    expect((await get(`q=other&${org}`)).status).toBe(400);
    const unknown = encodeURIComponent('urn:li:organization:999999');
    expect((await get(`q=organizationalEntity&organizationalEntity=${unknown}`)).status).toBe(404);
  });

  it('shows an organization’s statistics to its administrators only', async () => {
    const outsider = h.linkedin.addMember('outsider', { scopes: ['rw_organization_admin'] });
    const response = await get(
      `q=organizationalEntity&organizationalEntity=${encodeURIComponent(h.acme)}`,
      outsider.accessToken,
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'ACCESS_DENIED' });
  });
});
