import {
  type MetricSample,
  PlatformError,
  RateLimitError,
  type RateLimitInfo,
  TransientError,
  ValidationError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, START, useX } from './support/harness.js';

const h = useX();
const { x } = h;

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const BY_USERNAME = 'GET /2/users/by/username/:username';
const TIMELINE = 'GET /2/users/:id/tweets';

/** The query parameters of every timeline request, in order. */
const timelineQueries = () => h.requests(TIMELINE).map((entry) => new URL(entry.url).searchParams);

/** A sample's value, by post (or `account`) and metric. */
function valuesOf(samples: readonly MetricSample[]): Record<string, Record<string, number>> {
  const values: Record<string, Record<string, number>> = {};
  for (const sample of samples) {
    const key = sample.scope === 'account' ? 'account' : (sample.platformPostId ?? '');
    values[key] = { ...values[key], [sample.metric]: sample.value };
  }
  return values;
}

describe('lookupPublicAccount', () => {
  it("maps another account's counts and its posts' public metrics to samples of that account", async () => {
    const rival = x.seedPublicAccount('RivalCoffee', {
      followers: 5_400,
      following: 321,
      displayName: 'Rival Coffee',
      posts: 3,
    });

    const found = await h.adapter().lookupPublicAccount({ handle: '@rivalcoffee' }, h.context());

    expect(found).toMatchObject({
      platform: 'x',
      accountId: rival.account.id,
      handle: 'RivalCoffee',
      name: 'Rival Coffee',
      observedAt: new Date(START),
    });
    const [oldest, middle, newest] = rival.posts;
    if (oldest === undefined || middle === undefined || newest === undefined) throw new Error('3 posts');
    expect(found.posts).toEqual(
      [newest, middle, oldest].map((post) => ({
        platformPostId: post.id,
        createdAt: new Date(post.createdAt),
        text: post.text,
        url: `https://x.com/RivalCoffee/status/${post.id}`,
      })),
    );

    const expected: Record<string, Record<string, number>> = {
      account: { followers: 5_400, following: 321, posts_count: 3 },
    };
    for (const post of rival.posts) {
      const counts = x.tweetOf(post.id)?.public_metrics as Record<string, number>;
      expected[post.id] = {
        likes: counts.like_count ?? -1,
        comments: counts.reply_count ?? -1,
        shares: counts.retweet_count ?? -1,
        quotes: counts.quote_count ?? -1,
        saves: counts.bookmark_count ?? -1,
        impressions: counts.impression_count ?? -1,
      };
    }
    expect(valuesOf(found.samples)).toEqual(expected);
    // The older a post, the more it has gathered: the figures are X's, not placeholders.
    expect(expected[oldest.id]?.impressions).toBeGreaterThan(expected[newest.id]?.impressions ?? 0);
    for (const sample of found.samples) {
      expect(sample).toMatchObject({
        platform: 'x',
        accountId: rival.account.id,
        observedAt: new Date(START),
        period: 'lifetime',
      });
    }
    expect(found.samples.find((sample) => sample.metric === 'followers')?.rawName).toBe(
      'public_metrics.followers_count',
    );
    expect(found.samples.find((sample) => sample.metric === 'shares')?.rawName).toBe(
      'public_metrics.retweet_count',
    );
  });

  it('asks X for the user by username and its posts without replies and reposts', async () => {
    const rival = x.seedPublicAccount('rival_two', { posts: 2 });
    const [first] = rival.posts;
    x.sim.addPost({ accountId: rival.account.id, text: 'A reply', inReplyToId: first?.id });

    const found = await h.adapter().lookupPublicAccount({ handle: 'rival_two' }, h.context());

    expect(found.posts.map((post) => post.text)).toEqual(['Post 2 from rival_two', 'Post 1 from rival_two']);
    const [lookup] = h.requests(BY_USERNAME);
    const url = new URL(lookup?.url ?? '');
    expect(url.pathname).toBe('/2/users/by/username/rival_two');
    expect(url.searchParams.get('user.fields')).toBe('public_metrics,created_at,name');
    const [timeline] = timelineQueries();
    expect(timeline?.get('exclude')).toBe('retweets,replies');
    expect(timeline?.get('tweet.fields')).toBe('created_at,public_metrics,note_tweet');
    expect(new URL(h.requests(TIMELINE)[0]?.url ?? '').pathname).toBe(`/2/users/${rival.account.id}/tweets`);
  });

  it('reads only the posts published since the given instant', async () => {
    x.seedPublicAccount('rival_since', { posts: 6, spacingMs: DAY });
    const since = new Date(START - 2.5 * DAY);

    const found = await h.adapter().lookupPublicAccount({ handle: 'rival_since', since }, h.context());

    expect(found.posts.map((post) => post.text)).toEqual([
      'Post 6 from rival_since',
      'Post 5 from rival_since',
      'Post 4 from rival_since',
    ]);
    expect(timelineQueries()[0]?.get('start_time')).toBe('2026-11-20T00:00:00Z');
    const posts = new Set(found.posts.map((post) => post.platformPostId));
    const postSamples = found.samples.filter((sample) => sample.scope === 'post');
    expect(postSamples.length).toBeGreaterThan(0);
    expect(postSamples.every((sample) => posts.has(sample.platformPostId ?? ''))).toBe(true);
  });

  it('pages with pagination_token until it has the limit, asking only for what is missing', async () => {
    const rival = x.seedPublicAccount('rival_pages', { posts: 250, spacingMs: HOUR });

    const found = await h.adapter().lookupPublicAccount({ handle: 'rival_pages', limit: 230 }, h.context());

    const newestFirst = [...rival.posts].reverse().slice(0, 230);
    expect(found.posts.map((post) => post.platformPostId)).toEqual(newestFirst.map((post) => post.id));
    const queries = timelineQueries();
    expect(queries.map((query) => query.get('max_results'))).toEqual(['100', '100', '30']);
    expect(queries[0]?.has('pagination_token')).toBe(false);
    expect(queries[1]?.get('pagination_token')).toMatch(/^[0-9a-v]{16,}$/);
    expect(queries[2]?.get('pagination_token')).not.toBe(queries[1]?.get('pagination_token'));
  });

  it('reads 100 posts by default and stops at the end of the timeline', async () => {
    x.seedPublicAccount('big', { posts: 120, spacingMs: HOUR });
    x.seedPublicAccount('small', { posts: 7, spacingMs: HOUR });
    const adapter = h.adapter();

    expect((await adapter.lookupPublicAccount({ handle: 'big' }, h.context())).posts).toHaveLength(100);
    expect(timelineQueries().map((query) => query.get('max_results'))).toEqual(['100']);

    const small = await adapter.lookupPublicAccount({ handle: 'small', limit: 50 }, h.context());
    expect(small.posts).toHaveLength(7);
    expect(h.requests(TIMELINE)).toHaveLength(2);
  });

  it('reads at most the newest 800 posts, all X serves of a timeline without replies', async () => {
    const rival = x.seedPublicAccount('rival_long', { posts: 850, spacingMs: HOUR });

    const found = await h.adapter().lookupPublicAccount({ handle: 'rival_long', limit: 3200 }, h.context());

    const newestFirst = [...rival.posts].reverse().slice(0, 800);
    expect(found.posts.map((post) => post.platformPostId)).toEqual(newestFirst.map((post) => post.id));
    expect(timelineQueries().every((query) => query.get('exclude') === 'retweets,replies')).toBe(true);
    expect(h.requests(TIMELINE)).toHaveLength(8);
  });

  it("asks for X's smallest page for a limit below it and keeps only the limit", async () => {
    x.seedPublicAccount('rival_small', { posts: 8 });

    const found = await h.adapter().lookupPublicAccount({ handle: 'rival_small', limit: 2 }, h.context());

    expect(found.posts.map((post) => post.text)).toEqual([
      'Post 8 from rival_small',
      'Post 7 from rival_small',
    ]);
    expect(timelineQueries()[0]?.get('max_results')).toBe('5');
    expect(new Set(found.samples.flatMap((sample) => sample.platformPostId ?? [])).size).toBe(2);
  });

  it('reports an account with no posts in the window with its counts and no posts', async () => {
    x.seedPublicAccount('quiet', { followers: 12, posts: 0 });

    const found = await h.adapter().lookupPublicAccount({ handle: 'quiet' }, h.context());

    expect(found.posts).toEqual([]);
    expect(valuesOf(found.samples)).toEqual({ account: { followers: 12, following: 100, posts_count: 0 } });
  });

  it("turns X's 200 Not Found Error for an unknown username into PlatformError not_found", async () => {
    const error = await failureOf(
      h.adapter().lookupPublicAccount({ handle: '@nobody_here' }, h.context()),
      x,
    );

    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'not_found', platform: 'x', status: 200 });
    expect(error.message).toContain('@nobody_here');
    expect(error.message).toContain('Could not find user with username: [nobody_here].');
    expect(error.platformError).toMatchObject({ type: 'Not Found Error' });
    expect(h.requests(TIMELINE)).toHaveLength(0);
  });

  it('refuses a handle that cannot be an X username before asking X', async () => {
    const adapter = h.adapter();
    for (const handle of ['', '@', 'rival coffee', 'rival.coffee', 'a_sixteen_chars_', '@@rival']) {
      const error = await failureOf(adapter.lookupPublicAccount({ handle }, h.context()), x);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).problems).toEqual([
        expect.objectContaining({ path: ['handle'], rule: 'research.handle' }),
      ]);
    }
    expect(h.requests(BY_USERNAME)).toHaveLength(0);
  });

  it('reports both windows with their buckets, and a spent one as rate_limited without the token', async () => {
    x.seedPublicAccount('rival_limits', { posts: 1 });
    const seen: RateLimitInfo[] = [];
    const context = h.context({ onRateLimit: (info) => seen.push(info) });
    const adapter = h.adapter();
    await adapter.lookupPublicAccount({ handle: 'rival_limits' }, context);
    expect(seen.map((info) => [info.bucket, info.limit, info.remaining])).toEqual([
      [BY_USERNAME, 900, 899],
      [TIMELINE, 900, 899],
    ]);
    // The buckets X reports are the ones the capabilities declare for the operation.
    expect(adapter.capabilities.rateLimits.operations?.research).toEqual([BY_USERNAME, TIMELINE]);

    x.sim.limiter.setBudget('users-by-username', { limit: 1, windowMs: 15 * 60_000, kind: 'fixed' });
    const limited = await failureOf(adapter.lookupPublicAccount({ handle: 'rival_limits' }, context), x);
    expect(RateLimitError.isInstance(limited)).toBe(true);
    expect(limited.rateLimit?.bucket).toBe(BY_USERNAME);

    x.sim.faults.inject({ kind: 'server_error', route: TIMELINE });
    const other = h.context({}, x.addAccount('cara'));
    const down = await failureOf(adapter.lookupPublicAccount({ handle: 'ana' }, other), x);
    expect(TransientError.isInstance(down)).toBe(true);
  });

  it('declares public accounts, and why the audience is not available', () => {
    const { research } = h.adapter().capabilities;
    expect(research).toMatchObject({ publicAccounts: true, audience: [] });
    expect(research?.unavailable?.audience).toMatch(/demographics/);
  });
});
