import { describe, expect, it } from 'vitest';
import { trackInfluencerPosts } from '../../src/analytics/influencer-campaign.js';
import { rankInfluencers } from '../../src/analytics/influencers.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { UNKNOWN_AUTHOR_ID } from '../../src/models/engagement.js';
import { mention, snapshot } from './research-fixtures.js';

const critic = { id: 'a1', handle: 'critic' };
const fan = { id: 'b1', handle: 'fan' };
const bigshot = { id: 'c1', handle: 'bigshot', name: 'Big Shot' };

const ITEMS = [
  mention('m1', critic, 'Bean Bros nailed it', '2026-05-05T10:00:00Z'),
  mention('m2', critic, 'Bean Bros again', '2026-05-12T10:00:00Z'),
  mention('m3', fan, 'bean bros!', '2026-05-06T10:00:00Z'),
  mention('m4', fan, 'bean bros!!', '2026-05-07T10:00:00Z'),
  mention('m5', fan, 'bean bros!!!', '2026-05-08T10:00:00Z'),
  mention('m6', bigshot, 'Tried Bean Bros', '2026-05-09T10:00:00Z'),
  // The account's own post in its inbox is not an influencer's.
  mention('m7', { id: 'own-1', handle: 'beanbros' }, 'Bean Bros news', '2026-05-09T11:00:00Z'),
];

/** The critic looked up twice (10,000 then 12,000 followers); Big Shot once, under another id. */
const ACCOUNTS = [
  snapshot('a1', 'critic', '2026-05-10T08:00:00Z', 10_000, [
    {
      id: 'm1',
      createdAt: '2026-05-05T10:00:00Z',
      metrics: { likes: 200, comments: 50 },
      url: 'https://x.com/critic/status/m1',
    },
  ]),
  snapshot('a1', 'critic', '2026-05-20T08:00:00Z', 12_000, [
    {
      id: 'm1',
      createdAt: '2026-05-05T10:00:00Z',
      metrics: { likes: 260, comments: 60 },
      url: 'https://x.com/critic/status/m1',
    },
  ]),
  snapshot('c1x', 'BigShot', '2026-05-10T08:00:00Z', 100_000, [
    { id: 'm6', createdAt: '2026-05-09T10:00:00Z', metrics: { engagements: 1_000 } },
  ]),
];

describe('rankInfluencers', () => {
  it('scores authors by reach (followers × mentions) plus interactions, as computed by hand', () => {
    const ranked = rankInfluencers(ITEMS, { accounts: ACCOUNTS });
    expect(ranked.map((influencer) => influencer.authorId)).toEqual(['c1', 'a1', 'b1']);
    const [big, crit, plain] = ranked;
    // Big Shot, matched by handle (case-insensitive): 100,000 × 1 + 1,000.
    expect(big).toMatchObject({
      label: 'Big Shot',
      handle: 'bigshot',
      mentions: 1,
      followers: 100_000,
      reach: 100_000,
      postsWithInteractions: 1,
      interactions: 1_000,
      engagementRate: 0.01,
      score: 101_000,
    });
    // The critic: latest followers 12,000; m1's latest values 260 + 60 = 320; m2 was never looked up.
    expect(crit).toMatchObject({
      label: '@critic',
      mentions: 2,
      followers: 12_000,
      reach: 24_000,
      postsWithInteractions: 1,
      interactions: 320,
      score: 24_320,
    });
    expect(crit?.engagementRate).toBeCloseTo(320 / 12_000, 12);
    // The fan was never looked up: no data, ranked by what is known (score 0).
    expect(plain).toMatchObject({
      mentions: 3,
      followers: null,
      reach: null,
      interactions: null,
      engagementRate: null,
      score: 0,
    });
    expect(plain?.lastAt).toEqual(new Date('2026-05-08T10:00:00Z'));
  });

  it('reads followers as of the window end and counts only the window items', () => {
    const ranked = rankInfluencers(ITEMS, {
      accounts: ACCOUNTS,
      since: new Date('2026-05-05T00:00:00Z'),
      until: new Date('2026-05-15T00:00:00Z'),
      n: 2,
    });
    expect(ranked).toHaveLength(2);
    expect(ranked[1]).toMatchObject({ authorId: 'a1', mentions: 2, followers: 10_000, reach: 20_000 });
    const early = rankInfluencers(ITEMS, { until: new Date('2026-05-06T00:00:00Z') });
    expect(early.map((influencer) => [influencer.authorId, influencer.mentions])).toEqual([['a1', 1]]);
  });

  it('ranks authors without figures by mentions, then by their latest item', () => {
    const ranked = rankInfluencers([
      mention('1', { id: 'x' }, 'a', '2026-05-01T00:00:00Z'),
      mention('2', { id: 'y' }, 'b', '2026-05-02T00:00:00Z'),
      mention('3', { id: 'z' }, 'c', '2026-05-01T00:00:00Z'),
      mention('4', { id: 'z' }, 'd', '2026-05-01T00:00:00Z'),
    ]);
    expect(ranked.map((influencer) => influencer.authorId)).toEqual(['z', 'y', 'x']);
  });

  it('leaves out items whose author the platform withholds: they are nobody to rank', () => {
    const ranked = rankInfluencers([
      mention('1', { id: UNKNOWN_AUTHOR_ID }, '#beanbros', '2026-05-01T00:00:00Z'),
      mention('2', { id: UNKNOWN_AUTHOR_ID }, '#beanbros', '2026-05-02T00:00:00Z'),
      mention('3', { id: 'y' }, 'bean bros', '2026-05-02T00:00:00Z'),
    ]);
    expect(ranked.map((influencer) => influencer.authorId)).toEqual(['y']);
  });

  it('refuses a bad n', () => {
    expect(() => rankInfluencers(ITEMS, { n: 0 })).toThrow(ValidationError);
    expect(() => rankInfluencers(ITEMS, { n: 1.5 })).toThrow(ValidationError);
  });
});

describe('trackInfluencerPosts', () => {
  it("gives each campaign post's public metrics over time, and totals of the latest values", () => {
    const campaign = trackInfluencerPosts(ACCOUNTS, [
      'https://www.x.com/critic/status/m1/?s=20',
      'm6',
      'missing',
      { platform: 'instagram', platformPostId: 'm1' },
      { platform: 'x', platformPostId: 'm1' }, // the first post again, by id: counted once in totals
    ]);
    expect(campaign.found).toBe(3);
    const [byUrl, byId, missing, otherPlatform] = campaign.posts;
    expect(byUrl).toMatchObject({
      found: true,
      platform: 'x',
      accountId: 'a1',
      handle: 'critic',
      platformPostId: 'm1',
      url: 'https://x.com/critic/status/m1',
      createdAt: new Date('2026-05-05T10:00:00Z'),
      latest: { likes: 260, comments: 60 },
      interactions: 320,
    });
    expect(byUrl?.series.likes).toEqual([
      { observedAt: new Date('2026-05-10T08:00:00Z'), value: 200 },
      { observedAt: new Date('2026-05-20T08:00:00Z'), value: 260 },
    ]);
    expect(byId).toMatchObject({ found: true, accountId: 'c1x', interactions: 1_000 });
    expect(missing).toMatchObject({ found: false, interactions: null, series: {} });
    expect(otherPlatform?.found).toBe(false);
    expect(campaign.totals).toEqual({ likes: 260, comments: 60, engagements: 1_000 });
    expect(campaign.interactions).toBe(1_320);
  });

  it('gives no interactions (null) when no post is found', () => {
    const campaign = trackInfluencerPosts(ACCOUNTS, ['nope']);
    expect(campaign).toMatchObject({ found: 0, totals: {}, interactions: null });
  });

  it('refuses a reference without an id or URL and a URL that is not http(s)', () => {
    try {
      trackInfluencerPosts(ACCOUNTS, ['', { url: 'ftp://x.com/a' }, {}]);
      expect.unreachable('bad references must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => p.path)).toEqual([
        ['posts', 0],
        ['posts', 1, 'url'],
        ['posts', 2],
      ]);
    }
  });
});
