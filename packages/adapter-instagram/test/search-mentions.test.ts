import {
  type EngagementPage,
  type MentionSearchQuery,
  RateLimitError,
  type RequestContext,
  ValidationError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { INSTAGRAM_GRAPH_BUCKET, type InstagramAdapter } from '../src/index.js';
import { DAY, failureOf, HOUR, recordingFetch, START, useInstagram } from './support/harness.js';

const MINUTE = 60_000;
const LOOKUP = 'GET /:version/ig_hashtag_search';
const RECENT = 'GET /:version/:hashtagId/recent_media';
const SEARCHED = 'GET /:version/:igUserId/recently_searched_hashtags';

const h = useInstagram();
const { ig } = h;

async function pagesOf(
  query: MentionSearchQuery,
  adapter: InstagramAdapter = h.adapter(),
  context: RequestContext = h.context(),
): Promise<EngagementPage[]> {
  const search = adapter.searchMentions;
  if (search === undefined) throw new Error('expected searchMentions');
  const pages: EngagementPage[] = [];
  for await (const page of search.call(adapter, query, context)) {
    pages.push(page);
    if (pages.length > 100) throw new Error('searchMentions did not stop');
  }
  return pages;
}

const itemIds = (pages: readonly EngagementPage[]) =>
  pages.flatMap((page) => page.items.map((item) => item.id));
const newestFirst = (posts: readonly { readonly id: string }[]) => posts.map((post) => post.id).reverse();

describe('searchMentions', () => {
  it('pages the public media with the hashtag, newest first, as mentions of the account by an unknown author', async () => {
    const seeded = ig.seedHashtagMedia('#AcmeCoffee', 5);
    const pages = await pagesOf({ terms: ['#acmecoffee'], pageSize: 2 });

    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.cursor === undefined)).toEqual([false, false, true]);
    expect(itemIds(pages)).toEqual(newestFirst(seeded));
    const [newest] = pages[0]?.items ?? [];
    expect(newest).toMatchObject({
      platform: 'instagram',
      accountId: h.ana.account.id,
      kind: 'mention',
      author: { id: 'unknown' },
      text: 'Post 5 about #AcmeCoffee from fan_2',
      createdAt: new Date(START),
      raw: { permalink: expect.stringMatching(/^https:\/\/www\.instagram\.com\/p\//) },
    });
    expect(newest?.postRef).toBeUndefined();
    // One weekly check and one lookup; then the media, 2 at a time, as the IG user.
    expect(h.requests(SEARCHED)).toHaveLength(1);
    expect(h.queries(LOOKUP).map((query) => [query.get('q'), query.get('user_id')])).toEqual([
      ['acmecoffee', h.ana.account.id],
    ]);
    expect(h.queries(RECENT).map((query) => query.get('limit'))).toEqual(['2', '2', '2']);
    expect(h.queries(RECENT)[0]?.get('fields')).toBe(
      'id,caption,media_type,permalink,timestamp,like_count,comments_count',
    );
  });

  it('merges several hashtags newest first, a media with two of them once, and leaves words and phrases out', async () => {
    const acme = ig.seedHashtagMedia('#acme', 3);
    h.clock.advance(30_000);
    const coffee = ig.seedHashtagMedia('#acmecoffee', 3);
    h.clock.advance(MINUTE);
    const fan = ig.sim.accountByHandle('fan_1');
    if (fan === undefined) throw new Error('expected fan_1');
    const both = ig.seedMedia(fan.id, 'Both #ACME and #acmecoffee');
    ig.seedHashtagMedia('#other', 2);

    const pages = await pagesOf({
      terms: ['acme', '#acme', '"acme coffee"', '#AcmeCoffee', '#ACME'],
      pageSize: 3,
    });
    const expected = [both, ...[...acme, ...coffee].sort((a, b) => b.createdAt - a.createdAt)].map(
      (post) => post.id,
    );
    expect(itemIds(pages)).toEqual(expected);
    const times = pages.flatMap((page) => page.items.map((item) => item.createdAt.getTime()));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(h.queries(LOOKUP).map((query) => query.get('q'))).toEqual(['acme', 'acmecoffee']);
  });

  it('resumes after any page from its cursor, in this adapter or a new one', async () => {
    ig.seedHashtagMedia('#acme', 4);
    h.clock.advance(30_000);
    ig.seedHashtagMedia('#acmecoffee', 3);
    const query = { terms: ['#acme', '#acmecoffee'], pageSize: 2 };
    const pages = await pagesOf(query);
    const all = itemIds(pages);
    expect(all).toHaveLength(7);
    for (const [index, page] of pages.entries()) {
      if (page.cursor === undefined) continue;
      const seen = itemIds(pages.slice(0, index + 1)).length;
      expect(itemIds(await pagesOf({ ...query, cursor: page.cursor })), `after page ${index}`).toEqual(
        all.slice(seen),
      );
    }
    const fresh = h.adapter();
    expect(itemIds(await pagesOf({ ...query, cursor: pages[0]?.cursor }, fresh))).toEqual(all.slice(2));
  });

  it('refuses a cursor of another search', async () => {
    ig.seedHashtagMedia('#acme', 3);
    const [first] = await pagesOf({ terms: ['#acme'], pageSize: 2 });
    const error = await failureOf(pagesOf({ terms: ['#other'], cursor: first?.cursor }), ig);
    expect(ValidationError.isInstance(error) && error.problems[0]?.rule).toBe('cursor.invalid');
  });

  it('refuses a query without a hashtag before any request', async () => {
    for (const terms of [['acme', '"acme coffee"'], ['#☕'], []]) {
      const error = await failureOf(pagesOf({ terms }), ig);
      expect(ValidationError.isInstance(error) && error.problems[0]?.rule).toBe('search.hashtag_required');
    }
    const many = Array.from({ length: 31 }, (_, index) => `#tag${index}`);
    const error = await failureOf(pagesOf({ terms: many }), ig);
    expect(ValidationError.isInstance(error) && error.problems[0]?.rule).toBe('search.too_many_hashtags');
    expect(ig.sim.log.entries).toHaveLength(0);
  });

  it('stops at the first media older than `since`', async () => {
    ig.seedHashtagMedia('#acme', 6);
    const pages = await pagesOf({
      terms: ['#acme'],
      pageSize: 2,
      since: new Date(h.clock.now() - 2 * MINUTE),
    });
    expect(pages.flatMap((page) => page.items.map((item) => item.text))).toEqual([
      'Post 6 about #acme from fan_3',
      'Post 5 about #acme from fan_2',
      'Post 4 about #acme from fan_1',
    ]);
    expect(pages.at(-1)?.cursor).toBeUndefined();
    expect(h.requests(RECENT)).toHaveLength(2);
  });

  it('finds nothing for a hashtag nobody used, and only the last 24 hours of the others', async () => {
    ig.seedHashtagMedia('#acme', 2);
    h.clock.advance(DAY);
    const fresh = ig.seedHashtagMedia('#acme', 1);
    const pages = await pagesOf({ terms: ['#neverused', '#acme'] });
    expect(itemIds(pages)).toEqual(newestFirst(fresh));
    expect(h.requests(RECENT)).toHaveLength(1);
  });

  it('looks each hashtag up once per adapter, and checks the week’s count only for hashtags new to it', async () => {
    ig.seedHashtagMedia('#acme', 1);
    ig.seedHashtagMedia('#acmecoffee', 1);
    const adapter = h.adapter();
    await pagesOf({ terms: ['#acme'] }, adapter);
    await pagesOf({ terms: ['#acme'] }, adapter);
    expect([h.requests(SEARCHED).length, h.requests(LOOKUP).length]).toEqual([1, 1]);
    await pagesOf({ terms: ['#acme', '#acmecoffee'] }, adapter);
    expect([h.requests(SEARCHED).length, h.requests(LOOKUP).length]).toEqual([2, 2]);
    expect(ig.searchedHashtags(h.ana.account.id)).toEqual(['acme', 'acmecoffee']);
    // Bob's week is his own, but the ids are global.
    await pagesOf({ terms: ['#acme'] }, adapter, h.context({}, h.bob));
    expect([h.requests(SEARCHED).length, h.requests(LOOKUP).length]).toEqual([3, 2]);
  });
});

describe('the 30 hashtags a week', () => {
  const others = Array.from({ length: 29 }, (_, index) => `other${index}`);

  it('refuses, before any lookup, hashtags that would take the account past 30, with when room frees', async () => {
    ig.seedHashtagMedia('#acme', 1);
    ig.seedHashtagMedia('#acmecoffee', 1);
    ig.seedSearchedHashtags(h.ana.account.id, others);
    h.clock.advance(HOUR);
    const error = await failureOf(pagesOf({ terms: ['#acme', '#acmecoffee'] }), ig);
    expect(RateLimitError.isInstance(error) && error.code).toBe('quota_exceeded');
    expect(error.rateLimit).toMatchObject({
      scope: 'user',
      bucket: 'ig_hashtag_search',
      limit: 30,
      remaining: 1,
    });
    // 29 queried an hour ago by another app: the first of them frees 7 days after, at the latest now + 7 days.
    expect((error as RateLimitError).resetAt).toEqual(new Date(h.clock.now() + 7 * DAY));
    expect(error.message).toContain('#acme, #acmecoffee');
    expect(h.requests(LOOKUP)).toHaveLength(0);

    // One more fits; a hashtag already counted this week is free.
    expect(itemIds(await pagesOf({ terms: ['#acme'] }))).toHaveLength(1);
    expect(itemIds(await pagesOf({ terms: ['#acme', '#other3'] }))).toHaveLength(1);
    expect(ig.searchedHashtags(h.ana.account.id)).toHaveLength(30);
  });

  it('reads a refused lookup as the limit when another app took the last slot meanwhile', async () => {
    ig.seedHashtagMedia('#acme', 1);
    ig.seedSearchedHashtags(h.ana.account.id, others);
    const recorder = recordingFetch({
      before: (request) => {
        if (new URL(request.url).pathname.endsWith('/ig_hashtag_search'))
          ig.seedSearchedHashtags(h.ana.account.id, ['latecomer']);
      },
    });
    const error = await failureOf(pagesOf({ terms: ['#acme'] }, h.adapter({ fetch: recorder.fetch })), ig);
    expect(RateLimitError.isInstance(error) && error.code).toBe('quota_exceeded');
    expect(h.requests(SEARCHED)).toHaveLength(2);
  });

  it('is not offered with Instagram Login', () => {
    const adapter = h.adapter({ host: 'instagram' });
    expect(adapter.capabilities.engagement.search).toBe(false);
    expect(adapter.searchMentions).toBeUndefined();
    expect(adapter.capabilities.rateLimits.budgets.map((budget) => budget.bucket)).not.toContain(
      'ig_hashtag_search',
    );
    const facebook = h.adapter().capabilities;
    expect(facebook.engagement.search).toBe('hashtags');
    expect(facebook.rateLimits.budgets).toContainEqual({
      bucket: 'ig_hashtag_search',
      limit: 30,
      windowSec: 604_800,
      scope: 'user',
      resets: 'rolling',
    });
    // Booked on the Graph usage bucket only: the hashtag budget counts hashtags, not calls.
    expect(facebook.rateLimits.operations?.search).toEqual([INSTAGRAM_GRAPH_BUCKET]);
  });
});
