import { describe, expect, it } from 'vitest';
import { createAnalytics } from '../../src/analytics/analytics.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { accountSample } from './analytics-fixtures.js';
import { ownAnalytics, rivalSnapshots, SINCE, snapshot, UNTIL } from './research-fixtures.js';

describe('competitor benchmark', () => {
  it('compares own and tracked accounts over the period, as computed by hand', () => {
    const analytics = ownAnalytics();
    analytics.ingestPublicAccounts(rivalSnapshots());
    const { rows, weeks } = analytics.benchmark({ since: SINCE, until: UNTIL });
    expect(weeks).toBe(4); // 28 days
    expect(rows).toHaveLength(2);
    const [own, rival] = rows;

    // Own: readings inside the period 1000 (4 May), 1100, 1200 (31 May); 900 and 1300 lie outside.
    expect(own).toMatchObject({
      platform: 'x',
      accountId: 'own-1',
      label: 'own-1',
      own: true,
      followersFirst: 1000,
      followersLast: 1200,
      followerGrowth: 200,
      followerGrowthRate: 0.2,
      posts: 3, // p1, p2, p3; p4 was published before the period
      postsPerWeek: 0.75,
      postsWithInteractions: 2, // p3 has impressions only
      interactionsPerPost: 80, // (40 + 10 + 110) ÷ 2
    });
    // p1: 50 ÷ 1000 followers on 5 May; p2: 110 ÷ 1100 followers on 20 May.
    expect(own?.engagementRatePerPost).toBeCloseTo((50 / 1000 + 110 / 1100) / 2, 12);

    // Rival: 5000 (10 May) and 5500 (24 May) inside; 6000 (3 June) outside.
    expect(rival).toMatchObject({
      accountId: 'r-1',
      label: 'Rival Coffee',
      handle: 'rivalcoffee',
      own: false,
      followersFirst: 5000,
      followersLast: 5500,
      followerGrowth: 500,
      followerGrowthRate: 0.1,
      posts: 3, // r-p1, r-p2, and r-p3 (published 30 May, seen on 3 June); r-p0 is older
      postsPerWeek: 0.75,
      postsWithInteractions: 3,
    });
    // r-p1's latest values: 120 likes + 20 comments + 30 shares (quotes are not interactions) = 170.
    expect(rival?.interactionsPerPost).toBeCloseTo((170 + 55 + 600) / 3, 12);
    // r-p1 (8 May) precedes every reading: the earliest, 5000; r-p2 (20 May): 5000; r-p3 (30 May): 5500.
    expect(rival?.engagementRatePerPost).toBeCloseTo((170 / 5000 + 55 / 5000 + 600 / 5500) / 3, 12);
  });

  it('keeps tracked accounts out of the own rollups and top posts', () => {
    const analytics = ownAnalytics();
    const before = analytics.rollup({ by: ['platform'], kpis: ['engagementCount'] });
    analytics.ingestPublicAccounts(rivalSnapshots());
    expect(analytics.rollup({ by: ['platform'], kpis: ['engagementCount'] })).toEqual(before);
    expect(analytics.posts().map((post) => post.platformPostId)).not.toContain('r-p1');
    expect(analytics.stats().accounts).toBe(1);
  });

  it('gives back the snapshots, a repeat of the same instant replacing the first', () => {
    const analytics = createAnalytics();
    const [first, second] = rivalSnapshots();
    if (first === undefined || second === undefined) throw new Error('fixture');
    analytics.ingestPublicAccounts([second, first]);
    analytics.ingestPublicAccounts([{ ...first, handle: 'rival_renamed' }]);
    const kept = analytics.publicAccounts();
    expect(kept.map((s) => s.observedAt.toISOString())).toEqual([
      '2026-05-10T08:00:00.000Z',
      '2026-05-24T08:00:00.000Z',
    ]);
    expect(kept[0]?.handle).toBe('rival_renamed');
  });

  it('says "no data" (null) for growth without two readings and for 0 followers, never NaN or Infinity', () => {
    const analytics = createAnalytics();
    analytics.ingestPublicAccounts([
      snapshot('one', 'onereading', '2026-05-10T08:00:00Z', 300, []),
      snapshot('zero', 'zero', '2026-05-05T08:00:00Z', 0, [
        { id: 'z1', createdAt: '2026-05-06T08:00:00Z', metrics: { likes: 4 } },
      ]),
      snapshot('zero', 'zero', '2026-05-12T08:00:00Z', 10, []),
      snapshot('none', 'nofollowers', '2026-05-12T08:00:00Z', undefined, []),
    ]);
    const rows = analytics.benchmark({ since: SINCE, until: UNTIL }).rows;
    const byId = Object.fromEntries(rows.map((row) => [row.accountId, row]));
    expect(byId.one).toMatchObject({ followersFirst: 300, followersLast: 300, followerGrowth: null });
    expect(byId.one?.followerGrowthRate).toBeNull();
    expect(byId.one).toMatchObject({ posts: 0, postsPerWeek: 0, interactionsPerPost: null });
    // Growth from 0 is +10 followers, but its rate has no base; z1's rate divides by 0 followers.
    expect(byId.zero).toMatchObject({ followerGrowth: 10, followerGrowthRate: null });
    expect(byId.zero).toMatchObject({ interactionsPerPost: 4, engagementRatePerPost: null });
    expect(byId.none).toMatchObject({ followersFirst: null, followersLast: null, followerGrowth: null });
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    }
  });

  it('benchmarks the accounts asked for, with their names, and an unknown one as no data', () => {
    const analytics = ownAnalytics();
    analytics.ingestPublicAccounts(rivalSnapshots());
    const { rows } = analytics.benchmark({
      since: SINCE,
      until: UNTIL,
      own: [{ platform: 'x', accountId: 'own-1', name: 'Bean Bros' }],
      competitors: [{ platform: 'x', accountId: 'never-looked-up' }],
    });
    expect(rows.map((row) => row.label)).toEqual(['Bean Bros', 'never-looked-up']);
    expect(rows[1]).toMatchObject({ posts: 0, postsPerWeek: null, followersLast: null, own: false });
  });

  it('narrows the default accounts to the platforms given', () => {
    const analytics = ownAnalytics();
    analytics.ingestSamples([
      accountSample('followers', 50, '2026-05-10T00:00:00Z', { platform: 'linkedin', accountId: 'li-1' }),
    ]);
    analytics.ingestPublicAccounts(rivalSnapshots());
    const { rows } = analytics.benchmark({ since: SINCE, until: UNTIL, platforms: ['linkedin'] });
    expect(rows.map((row) => row.accountId)).toEqual(['li-1']);
  });

  it('refuses a period without both ends or in the wrong order, and an invalid snapshot', () => {
    const analytics = ownAnalytics();
    expect(() => analytics.benchmark({ since: SINCE } as never)).toThrow(ValidationError);
    expect(() => analytics.benchmark({ since: UNTIL, until: SINCE })).toThrow(/later than since/);
    expect(() => analytics.benchmark({ since: new Date('nope'), until: UNTIL })).toThrow(ValidationError);
    const bad = { ...snapshot('r', 'r', '2026-05-10T08:00:00Z', 1, []), handle: '' };
    try {
      analytics.ingestPublicAccounts([snapshot('ok', 'ok', '2026-05-10T08:00:00Z', 1, []), bad]);
      expect.unreachable('an invalid snapshot must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems[0]?.path).toEqual([1, 'handle']);
    }
    // Nothing of the refused batch was kept.
    expect(analytics.publicAccounts()).toEqual([]);
  });
});
