import { type EngagementPage, type MentionSearchQuery, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, useMastodon } from './support/harness.js';

const TAG_TIMELINE = 'GET /api/v1/timelines/tag/:hashtag';
const MINUTE = 60_000;

const h = useMastodon();
const { mastodon } = h;

async function pagesOf(query: MentionSearchQuery): Promise<EngagementPage[]> {
  const pages: EngagementPage[] = [];
  for await (const page of h.adapter().searchMentions(query, h.context())) pages.push(page);
  return pages;
}

const requested = (name: string) =>
  mastodon.sim.log.forRoute(TAG_TIMELINE).map((entry) => new URL(entry.url).searchParams.getAll(name));

describe('searchMentions', () => {
  it('pages public statuses with the hashtag newest first by the Link header, as mentions of the account', async () => {
    const seeded = mastodon.seedHashtagPosts('#AcmeCoffee', 5);
    const pages = await pagesOf({ terms: ['#acmecoffee'], pageSize: 2 });

    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    const items = pages.flatMap((page) => page.items);
    expect(items.map((item) => item.id)).toEqual(seeded.map((post) => post.id).reverse());
    expect(items[0]).toMatchObject({
      platform: 'mastodon',
      accountId: h.ana.account.id,
      kind: 'mention',
      author: { handle: 'fan_2' },
      text: 'Post 5 about #AcmeCoffee from fan_2',
    });
    expect(pages.map((page) => page.cursor === undefined)).toEqual([false, false, true]);
    // Each page asked for the max_id the previous page's Link header gave, and no more pages.
    expect(requested('max_id')).toEqual([[], [pages[0]?.cursor], [pages[1]?.cursor]]);
    expect(requested('limit')).toEqual([['2'], ['2'], ['2']]);
  });

  it('asks for several hashtags in one timeline with any[], ignoring terms that are not hashtags', async () => {
    mastodon.seedHashtagPosts('#acme', 2);
    mastodon.seedHashtagPosts('#acmecoffee', 2);
    mastodon.seedHashtagPosts('#other', 2);
    const items = (
      await pagesOf({ terms: ['acme', '#acme', '"acme coffee"', '#AcmeCoffee', '#ACME'] })
    ).flatMap((page) => page.items);
    expect(items).toHaveLength(4);
    expect(items.every((item) => /#acme(coffee)?\b/i.test(item.text))).toBe(true);
    const [call] = mastodon.sim.log.forRoute(TAG_TIMELINE);
    expect(new URL(call?.url ?? '').pathname).toBe('/api/v1/timelines/tag/acme');
    expect(requested('any[]')).toEqual([['AcmeCoffee']]);
  });

  it('stops at the first status older than `since`', async () => {
    mastodon.seedHashtagPosts('#acme', 6);
    const pages = await pagesOf({
      terms: ['#acme'],
      pageSize: 2,
      since: new Date(h.clock.now() - 2 * MINUTE),
    });
    expect(pages.flatMap((page) => page.items)).toHaveLength(3);
    expect(mastodon.sim.log.forRoute(TAG_TIMELINE)).toHaveLength(2);
    expect(pages.at(-1)?.cursor).toBeUndefined();
  });

  it('resumes after a page from its cursor', async () => {
    const seeded = mastodon.seedHashtagPosts('#acme', 5);
    const [first] = await pagesOf({ terms: ['#acme'], pageSize: 2 });
    const rest = await pagesOf({ terms: ['#acme'], pageSize: 2, cursor: first?.cursor });
    expect(rest.flatMap((page) => page.items.map((item) => item.id))).toEqual(
      seeded
        .map((post) => post.id)
        .reverse()
        .slice(2),
    );
  });

  it('refuses a query without a hashtag before any request', async () => {
    const error = await failureOf(pagesOf({ terms: ['acme', '"acme coffee"'] }), mastodon);
    expect(ValidationError.isInstance(error) && error.problems[0]?.rule).toBe('search.hashtag_required');
    expect(mastodon.sim.log.entries).toHaveLength(0);
  });
});
