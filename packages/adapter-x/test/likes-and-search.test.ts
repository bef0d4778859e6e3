import {
  type Engagement,
  type EngagementPage,
  type MentionSearchQuery,
  PlatformError,
  RateLimitError,
  type RequestContext,
  TransientError,
  UnsupportedCapabilityError,
  ValidationError,
} from '@smmkit/core';
import { allPages, recordingFetch } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import type { XAdapter } from '../src/index.js';
import { failureOf, likeOf, START, useX } from './support/harness.js';

const h = useX();
const { x, ana } = h;
/** An X whose app has Enterprise access: likes, and search queries up to 4,096 characters. */
const enterprise = h.sibling({ baseUrl: 'https://enterprise.x.test', access: 'enterprise' });

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SEARCH = 'GET /2/tweets/search/recent';
const LIKE = 'POST /2/users/:id/likes';
const UNLIKE = 'DELETE /2/users/:id/likes/:tweet_id';

/** Every page of a brand-mention search. */
function searchPages(
  adapter: XAdapter,
  query: MentionSearchQuery,
  context: RequestContext = h.context(),
): Promise<EngagementPage[]> {
  return allPages(adapter.searchMentions(query, context));
}

/** Every item of a brand-mention search. */
async function found(
  adapter: XAdapter,
  query: MentionSearchQuery,
  context: RequestContext = h.context(),
): Promise<Engagement[]> {
  return (await searchPages(adapter, query, context)).flatMap((page) => page.items);
}

/** The query parameters of every recent-search request, in order. */
const searches = () => h.requests(SEARCH).map((entry) => new URL(entry.url).searchParams);

/** The one mention of ana, as the adapter lists it. */
async function oneMention(adapter: XAdapter): Promise<Engagement> {
  enterprise.x.seedMentions(enterprise.ana.account.id, 1);
  for await (const page of adapter.listEngagements({ kinds: ['mention'] }, enterprise.context())) {
    const [mention] = page.items;
    if (mention !== undefined) return mention;
  }
  throw new Error('expected a mention');
}

describe('like', () => {
  it('likes a mention with POST /2/users/:id/likes and takes it back with DELETE', async () => {
    const adapter = enterprise.adapter({ access: 'enterprise' });
    const mention = await oneMention(adapter);

    await likeOf(adapter)(mention, true, enterprise.context());
    expect(enterprise.x.likersOf(mention.id)).toEqual([enterprise.ana.account.id]);
    expect(enterprise.x.sim.engagements.get(mention.id)?.liked).toBe(true);
    await likeOf(adapter)(mention, false, enterprise.context());
    expect(enterprise.x.likersOf(mention.id)).toEqual([]);
    expect(enterprise.x.sim.engagements.get(mention.id)?.liked).toBe(false);

    const [liked] = enterprise.requests(LIKE);
    expect(new URL(liked?.url ?? '').pathname).toBe(`/2/users/${enterprise.ana.account.id}/likes`);
    expect(liked?.json).toEqual({ tweet_id: mention.id });
    const [unliked] = enterprise.requests(UNLIKE);
    expect(new URL(unliked?.url ?? '').pathname).toBe(
      `/2/users/${enterprise.ana.account.id}/likes/${mention.id}`,
    );
  });

  it('likes a post found by brand search, which X then counts in its like_count', async () => {
    enterprise.x.seedBrandMentions('#AcmeCoffee', 1);
    const adapter = enterprise.adapter({ access: 'enterprise' });
    const [post] = await found(adapter, { terms: ['#AcmeCoffee'] }, enterprise.context());
    if (post === undefined) throw new Error('expected a post');
    const likes = () =>
      (enterprise.x.tweetOf(post.id)?.public_metrics as { like_count?: number } | undefined)?.like_count;
    const before = likes() ?? 0;

    await likeOf(adapter)(post, true, enterprise.context());
    await likeOf(adapter)(post, true, enterprise.context({}, enterprise.bob));
    expect(enterprise.x.likersOf(post.id)).toEqual([enterprise.ana.account.id, enterprise.bob.account.id]);
    expect(likes()).toBe(before + 2);
  });

  it('refuses to like a direct message without asking X', async () => {
    enterprise.x.seedDirectMessages(enterprise.ana.account.id, 1);
    const adapter = enterprise.adapter({ access: 'enterprise' });
    const [message] = (
      await allPages(adapter.listEngagements({ kinds: ['direct_message'] }, enterprise.context()))
    ).flatMap((page) => page.items);
    if (message === undefined) throw new Error('expected a message');
    const error = await likeOf(adapter)(message, true, enterprise.context()).catch(
      (reason: unknown) => reason,
    );
    expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
    expect((error as UnsupportedCapabilityError).capability).toBe(
      'engagement.like for direct_message engagements',
    );
    expect(enterprise.requests(LIKE)).toHaveLength(0);
  });

  it("reports X's refusal to like a post that is gone, with X's words and no token", async () => {
    const adapter = enterprise.adapter({ access: 'enterprise' });
    const mention = await oneMention(adapter);
    enterprise.x.sim.posts.delete(mention.id);
    const error = await failureOf(likeOf(adapter)(mention, true, enterprise.context()), x);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'platform_refused', status: 400 });
    expect(error.message).toContain('This tweet cannot be found.');
    expect(enterprise.x.likersOf(mention.id)).toEqual([]);
  });

  it('reports a like X answers with liked: false as a refusal, not a success', async () => {
    // X's answer says whether the user likes the post after the request (`LikePostResponseData`);
    // this one says the like did not take.
    const { fetch } = recordingFetch({
      after: (request, answered) =>
        request.method === 'POST' ? Response.json({ data: { liked: false } }) : answered,
    });
    const adapter = enterprise.adapter({ access: 'enterprise', fetch });
    const mention = await oneMention(adapter);
    const error = await failureOf(likeOf(adapter)(mention, true, enterprise.context()), x);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'platform_refused', status: 200 });
    expect(error.message).toContain(`X did not like post ${mention.id} (liked: false)`);
  });

  it('reports the 50 likes per 15 minutes as rate_limited, until X resets the window', async () => {
    enterprise.x.sim.limiter.setBudget('likes-create', { limit: 1, windowMs: 15 * MINUTE, kind: 'fixed' });
    const adapter = enterprise.adapter({ access: 'enterprise' });
    const mention = await oneMention(adapter);
    await likeOf(adapter)(mention, true, enterprise.context());
    const error = await failureOf(likeOf(adapter)(mention, true, enterprise.context()), x);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + 15 * MINUTE));
    expect(error.rateLimit?.bucket).toBe('POST /2/users/:id/likes');
  });
});

describe('searchMentions', () => {
  it('finds public posts that mention any term, newest first, as mentions of the account', async () => {
    const hashtag = x.seedBrandMentions('#AcmeCoffee', 2);
    h.clock.advance(MINUTE);
    const phrase = x.seedBrandMentions('"acme coffee"', 2);
    h.clock.advance(MINUTE);
    const word = x.seedBrandMentions('Acme', 1, { text: () => 'Café at ACME was great' });
    // Neither another word that starts the same, nor ana's own post, nor another hashtag.
    x.seedBrandMentions('acmes', 1);
    x.seedBrandMentions('#AcmeCoffeeTime', 1);
    await h.adapter().publish({ text: 'acme coffee is back' }, h.context());

    const items = await found(h.adapter(), { terms: ['acme', '"acme coffee"', '#AcmeCoffee'] });
    expect(items.map((item) => item.id)).toEqual(
      [...hashtag, ...phrase, ...word].map((post) => post.id).reverse(),
    );
    const [first] = items;
    const author = x.sim.accounts.get(word[0]?.accountId ?? '');
    expect(first).toEqual({
      platform: 'x',
      accountId: ana.account.id,
      id: word[0]?.id,
      kind: 'mention',
      postRef: {
        platform: 'x',
        accountId: author?.id,
        platformPostId: word[0]?.id,
        url: `https://x.com/${author?.handle}/status/${word[0]?.id}`,
      },
      conversationId: word[0]?.id,
      author: { id: author?.id, handle: author?.handle, name: expect.any(String) },
      text: 'Café at ACME was great',
      createdAt: new Date(START + 2 * MINUTE),
      raw: expect.objectContaining({ id: word[0]?.id, author_id: author?.id }),
    });
    expect(searches()[0]?.get('query')).toBe(
      `(acme OR "acme coffee" OR #AcmeCoffee) -from:${ana.account.id} -is:retweet`,
    );
  });

  it('quotes words X would split or read as operators, and sends a repeated term once', async () => {
    const [cola] = x.seedBrandMentions('"coca-cola"', 1, { text: () => 'I love coca-cola' });
    const [and] = x.seedBrandMentions('and', 1, { text: () => 'coca and cola' });
    x.seedBrandMentions('coca', 1, { text: () => 'coca cola' });
    const items = await found(h.adapter(), { terms: ['coca-cola', ' and ', 'coca-cola', '"big deal"'] });
    expect(items.map((item) => item.id)).toEqual([and?.id, cola?.id]);
    expect(searches()[0]?.get('query')).toBe(
      `("coca-cola" OR "and" OR "big deal") -from:${ana.account.id} -is:retweet`,
    );
  });

  it('hands out at most pageSize per page, asking X for at least 10, across X page tokens', async () => {
    const seeded = x.seedBrandMentions('#acme', 23).reverse();
    const pages = await searchPages(h.adapter(), { terms: ['#acme'], pageSize: 7 });
    // X's pages of 10, 10 and 3, each split in pages of 7 and the rest.
    expect(pages.map((page) => page.items.length)).toEqual([7, 3, 7, 3, 3]);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(seeded.map((post) => post.id));
    expect(pages.slice(0, -1).every((page) => page.cursor !== undefined)).toBe(true);
    expect(pages.at(-1)?.cursor).toBeUndefined();
    expect(new Set(searches().map((params) => params.get('max_results')))).toEqual(new Set(['10']));
    expect(searches().some((params) => /^[0-9a-v]{16,}$/.test(params.get('next_token') ?? ''))).toBe(true);

    await searchPages(h.adapter(), { terms: ['#acme'], pageSize: 500 });
    expect(searches().at(-1)?.get('max_results')).toBe('100');
  });

  it('resumes from a cursor without repeats or gaps, even after new posts arrive', async () => {
    const seeded = x.seedBrandMentions('#acme', 12).reverse();
    const adapter = h.adapter();
    const [first] = await searchPages(adapter, { terms: ['#acme'], pageSize: 5 });
    h.clock.advance(MINUTE);
    x.seedBrandMentions('#acme', 2);
    const rest = await searchPages(adapter, { terms: ['#acme'], pageSize: 5, cursor: first?.cursor ?? '' });
    expect([...(first?.items ?? []), ...rest.flatMap((page) => page.items)].map((item) => item.id)).toEqual(
      seeded.map((post) => post.id),
    );
  });

  it('reads from since, sent as start_time inside the 7-day window and left out beyond it', async () => {
    h.clock.set(START - 8 * DAY);
    x.seedBrandMentions('#acme', 2);
    h.clock.set(START);
    const recent = x.seedBrandMentions('#acme', 5).reverse();
    const adapter = h.adapter();

    const since = new Date(START - 2 * MINUTE - 500);
    const newest = await found(adapter, { terms: ['#acme'], since });
    expect(newest.map((item) => item.id)).toEqual(recent.slice(0, 3).map((post) => post.id));
    // Rounded down to the second, as X takes it: the post of 11:58:00 is in, that of 11:57:00 out.
    expect(searches()[0]?.get('start_time')).toBe('2026-11-22T11:57:59Z');

    const longAgo = await found(adapter, { terms: ['#acme'], since: new Date(START - 30 * DAY) });
    expect(longAgo.map((item) => item.id)).toEqual(recent.map((post) => post.id));
    expect(searches()[1]?.has('start_time')).toBe(false);
  });

  it('refuses what X would refuse before any request: no terms, bad terms, a query too long', async () => {
    const adapter = h.adapter();
    const none = await failureOf(found(adapter, { terms: [] }), x);
    expect(ValidationError.isInstance(none) && none.problems.map((problem) => problem.rule)).toEqual([
      'search.terms',
    ]);
    const bad = await failureOf(found(adapter, { terms: ['ok', ' ', '#', '#2026', '""', '"say "hi""'] }), x);
    expect(ValidationError.isInstance(bad) && bad.problems.map((problem) => problem.path)).toEqual([
      ['terms', 1],
      ['terms', 2],
      ['terms', 3],
      ['terms', 4],
      ['terms', 5],
    ]);
    const many = Array.from({ length: 50 }, (_, index) => `brandterm${index}`);
    const long = await failureOf(found(adapter, { terms: many }), x);
    expect(ValidationError.isInstance(long) && long.problems[0]).toMatchObject({
      rule: 'search.query_length',
      limit: 512,
    });
    expect(h.requests(SEARCH)).toHaveLength(0);

    // Enterprise access takes 4,096 characters: the same terms are searched there…
    enterprise.x.seedBrandMentions('brandterm49', 1);
    const terms = { terms: many };
    expect(
      await found(enterprise.adapter({ access: 'enterprise' }), terms, enterprise.context()),
    ).toHaveLength(1);
    // …and refused by X with self-serve access, when the setting says otherwise.
    const refused = await failureOf(found(h.adapter({ searchQueryMaxLength: 4096 }), terms), x);
    expect(refused).toMatchObject({ code: 'platform_refused', status: 400 });
  });

  it('refuses a cursor of another listing, and the listing refuses a search cursor', async () => {
    x.seedMentions(ana.account.id, 7);
    x.seedBrandMentions('#acme', 12);
    const adapter = h.adapter();
    const [mentions] = await allPages(
      adapter.listEngagements({ kinds: ['mention'], pageSize: 5 }, h.context()),
    );
    const [search] = await searchPages(adapter, { terms: ['#acme'], pageSize: 5 });
    const wrongWay = await failureOf(found(adapter, { terms: ['#acme'], cursor: mentions?.cursor ?? '' }), x);
    expect(ValidationError.isInstance(wrongWay) && wrongWay.problems[0]?.rule).toBe('cursor.invalid');
    const otherWay = await failureOf(
      allPages(adapter.listEngagements({ kinds: ['mention'], cursor: search?.cursor ?? '' }, h.context())),
      x,
    );
    expect(ValidationError.isInstance(otherWay) && otherWay.problems[0]?.rule).toBe('cursor.invalid');
  });

  it('reports X failures as typed errors without the token', async () => {
    x.seedBrandMentions('#acme', 1);
    x.sim.faults.inject({ kind: 'server_error', route: SEARCH });
    const down = await failureOf(found(h.adapter(), { terms: ['#acme'] }), x);
    expect(TransientError.isInstance(down)).toBe(true);

    x.sim.limiter.setBudget('search-recent', { limit: 1, windowMs: 15 * MINUTE, kind: 'fixed' });
    await found(h.adapter(), { terms: ['#acme'] });
    const limited = await failureOf(found(h.adapter(), { terms: ['#acme'] }), x);
    expect(RateLimitError.isInstance(limited)).toBe(true);
    expect(limited.rateLimit?.bucket).toBe('GET /2/tweets/search/recent');
  });
});
