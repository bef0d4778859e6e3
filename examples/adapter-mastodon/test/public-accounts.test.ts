import {
  type MetricSample,
  PlatformError,
  RateLimitError,
  type RateLimitInfo,
  ValidationError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, START, useMastodon } from './support/harness.js';

const h = useMastodon();
const { mastodon } = h;

const HOUR = 60 * 60_000;
const LOOKUP = 'GET /api/v1/accounts/lookup';
const STATUSES = 'GET /api/v1/accounts/:id/statuses';

/** The query parameters of every statuses request, in order. */
const statusQueries = () =>
  mastodon.sim.log.forRoute(STATUSES).map((entry) => new URL(entry.url).searchParams);

/** A sample's value, by status (or `account`) and metric. */
function valuesOf(samples: readonly MetricSample[]): Record<string, Record<string, number>> {
  const values: Record<string, Record<string, number>> = {};
  for (const sample of samples) {
    const key = sample.scope === 'account' ? 'account' : (sample.platformPostId ?? '');
    values[key] = { ...values[key], [sample.metric]: sample.value };
  }
  return values;
}

describe('lookupPublicAccount', () => {
  it("maps another account's counts and its statuses' counts to samples of that account", async () => {
    const rival = mastodon.seedPublicAccount('RivalCoffee', {
      followers: 5_400,
      following: 321,
      displayName: 'Rival Coffee',
      posts: 3,
    });

    const found = await h.adapter().lookupPublicAccount({ handle: '@rivalcoffee' }, h.context());

    expect(found).toMatchObject({
      platform: 'mastodon',
      accountId: rival.account.id,
      handle: 'RivalCoffee',
      name: 'Rival Coffee',
      observedAt: new Date(START),
    });
    const newestFirst = [...rival.posts].reverse();
    expect(found.posts).toEqual(
      newestFirst.map((post) => ({
        platformPostId: post.id,
        createdAt: new Date(post.createdAt),
        text: post.text,
        url: `${mastodon.instanceUrl}/@RivalCoffee/${post.id}`,
      })),
    );
    const expected: Record<string, Record<string, number>> = {
      account: { followers: 5_400, following: 321, posts_count: 3 },
    };
    for (const post of rival.posts) {
      const status = mastodon.statusOf(post.id);
      expected[post.id] = {
        likes: status?.favourites_count ?? -1,
        shares: status?.reblogs_count ?? -1,
        comments: status?.replies_count ?? -1,
      };
    }
    expect(valuesOf(found.samples)).toEqual(expected);
    // The older a status, the more it has gathered: the figures are the server's, not placeholders.
    const [oldest] = rival.posts;
    expect(expected[oldest?.id ?? '']?.likes).toBeGreaterThan(0);
    for (const sample of found.samples) {
      expect(sample).toMatchObject({
        platform: 'mastodon',
        accountId: rival.account.id,
        observedAt: new Date(START),
        period: 'lifetime',
      });
    }
    expect(found.samples.find((sample) => sample.metric === 'likes')?.rawName).toBe('favourites_count');
  });

  it('asks for the account by acct and its statuses without replies and boosts', async () => {
    const rival = mastodon.seedPublicAccount('rival_two', { posts: 2 });
    const other = mastodon.seedPublicAccount('someone_else', { posts: 1 });
    mastodon.sim.addPost({
      accountId: rival.account.id,
      text: 'A reply to someone else',
      inReplyToId: other.posts[0]?.id,
      extra: { inReplyToAccountId: other.account.id },
    });

    const host = new URL(mastodon.instanceUrl).host;
    const found = await h.adapter().lookupPublicAccount({ handle: `@rival_two@${host}` }, h.context());

    expect(found.posts.map((post) => post.text)).toEqual(['Post 2 from rival_two', 'Post 1 from rival_two']);
    const [lookup] = mastodon.sim.log.forRoute(LOOKUP);
    expect(new URL(lookup?.url ?? '').searchParams.get('acct')).toBe(`rival_two@${host}`);
    const [query] = statusQueries();
    expect(query?.get('exclude_replies')).toBe('true');
    expect(query?.get('exclude_reblogs')).toBe('true');
    expect(query?.get('limit')).toBe('40');
  });

  it('stops at the first status older than since', async () => {
    mastodon.seedPublicAccount('rival_since', { posts: 60, spacingMs: HOUR });
    const since = new Date(START - 2.5 * HOUR);

    const found = await h.adapter().lookupPublicAccount({ handle: 'rival_since', since }, h.context());

    expect(found.posts.map((post) => post.text)).toEqual([
      'Post 60 from rival_since',
      'Post 59 from rival_since',
      'Post 58 from rival_since',
    ]);
    // One page held a status older than since: no second page.
    expect(statusQueries()).toHaveLength(1);
  });

  it('pages by the Link header max_id until it has the limit, asking only for what is missing', async () => {
    const rival = mastodon.seedPublicAccount('rival_pages', { posts: 120, spacingMs: HOUR });

    const found = await h.adapter().lookupPublicAccount({ handle: 'rival_pages', limit: 90 }, h.context());

    const newestFirst = [...rival.posts].reverse().slice(0, 90);
    expect(found.posts.map((post) => post.platformPostId)).toEqual(newestFirst.map((post) => post.id));
    const queries = statusQueries();
    expect(queries.map((query) => query.get('limit'))).toEqual(['40', '40', '10']);
    expect(queries.map((query) => query.get('max_id'))).toEqual([
      null,
      newestFirst[39]?.id,
      newestFirst[79]?.id,
    ]);
  });

  it('reads 100 statuses by default and stops at the end of the account', async () => {
    mastodon.seedPublicAccount('big', { posts: 130, spacingMs: HOUR });
    mastodon.seedPublicAccount('small', { posts: 45, spacingMs: HOUR });
    const adapter = h.adapter();

    expect((await adapter.lookupPublicAccount({ handle: 'big' }, h.context())).posts).toHaveLength(100);
    expect(statusQueries().map((query) => query.get('limit'))).toEqual(['40', '40', '20']);

    const small = await adapter.lookupPublicAccount({ handle: 'small', limit: 500 }, h.context());
    expect(small.posts).toHaveLength(45);
    // 40, then a short page of 5 that is the last.
    expect(statusQueries()).toHaveLength(5);
  });

  it("turns the server's 404 Record not found into PlatformError not_found naming the handle", async () => {
    const error = await failureOf(
      h.adapter().lookupPublicAccount({ handle: '@nobody@elsewhere.example' }, h.context()),
      mastodon,
    );

    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'not_found', platform: 'mastodon', status: 404 });
    expect(error.message).toContain('Record not found');
    expect(error.message).toContain('@nobody@elsewhere.example');
    expect(mastodon.sim.log.forRoute(STATUSES)).toHaveLength(0);
  });

  it('refuses a handle that cannot be an account before asking the server', async () => {
    const adapter = h.adapter();
    for (const handle of ['', '@', 'rival coffee', '@rival@', 'rival@exa mple.org', '.rival', '@@rival']) {
      const error = await failureOf(adapter.lookupPublicAccount({ handle }, h.context()), mastodon);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).problems).toEqual([
        expect.objectContaining({ path: ['handle'], rule: 'research.handle' }),
      ]);
    }
    expect(mastodon.sim.log.forRoute(LOOKUP)).toHaveLength(0);
  });

  it('reports the api window of both requests, and a spent one as rate_limited without the token', async () => {
    mastodon.seedPublicAccount('rival_limits', { posts: 1 });
    const seen: RateLimitInfo[] = [];
    const context = h.context({ onRateLimit: (info) => seen.push(info) });
    const adapter = h.adapter();
    await adapter.lookupPublicAccount({ handle: 'rival_limits' }, context);
    // Mastodon's headers name no bucket: both answers report an /api/* window of 300 per 5 minutes.
    expect(seen.map((info) => info.limit)).toEqual([300, 300]);
    expect(adapter.capabilities.rateLimits.operations?.research).toEqual(['api']);

    mastodon.sim.limiter.setBudget('api', { limit: 1, windowMs: 5 * 60_000, kind: 'fixed' });
    const limited = await failureOf(
      adapter.lookupPublicAccount({ handle: 'rival_limits' }, context),
      mastodon,
    );
    expect(RateLimitError.isInstance(limited)).toBe(true);
  });

  it('declares public accounts, and why the audience is not available', () => {
    const { research } = h.adapter().capabilities;
    expect(research).toMatchObject({ publicAccounts: true, audience: [] });
    expect(research?.unavailable?.audience).toMatch(/demographics/);
  });
});
