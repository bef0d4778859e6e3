import { TransientError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, itemsOf, useInstagram } from './support/harness.js';

// A post's listing reads every page of each comment's replies. An answer whose paging would make
// that read go on forever, or stop short, fails the listing instead.
const h = useInstagram();

/** A `fetch` that answers GET /replies with one reply a page and `paging(n)` (n = 1, 2, …). */
function repliesPagedLike(paging: (n: number, url: URL) => Record<string, unknown>): typeof fetch {
  let n = 0;
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (request.method !== 'GET' || !url.pathname.endsWith('/replies')) return fetch(request);
    n += 1;
    const reply = { id: `1790000000000${n}`, text: `Reply ${n}`, timestamp: '2026-01-01T00:00:00+0000' };
    return Response.json({ data: [reply], paging: paging(n, url) });
  };
}

const withNext = (url: URL, after: string) => {
  const next = new URL(url);
  next.searchParams.set('after', after);
  return next.toString();
};

describe("a post's replies, page after page", () => {
  it('reads every page of replies until the last', async () => {
    const ref = h.media('Talk to me');
    h.ig.seedComments(ref.platformPostId, 1);
    const adapter = h.adapter({
      fetch: repliesPagedLike((n, url) =>
        n < 3 ? { cursors: { after: `page-${n}` }, next: withNext(url, `page-${n}`) } : {},
      ),
    });
    const items = await itemsOf(adapter, { post: ref, kinds: ['reply'] }, h.context());
    expect(items.map((item) => item.text)).toEqual(['Reply 1', 'Reply 2', 'Reply 3']);
  });

  it.each([
    {
      answer: 'a cursor that comes back',
      paging: (_: number, url: URL) => ({ cursors: { after: 'c2ltOjE' }, next: withNext(url, 'c2ltOjE') }),
      problem: /list replies: Graph repeated a paging cursor/,
    },
    {
      answer: 'a next page without a cursor',
      paging: (_: number, url: URL) => ({ next: withNext(url, 'lost') }),
      problem: /list replies: a page says more follow but gives no cursor/,
    },
    {
      answer: 'new cursors without end',
      paging: (n: number, url: URL) => ({
        cursors: { after: `page-${n}` },
        next: withNext(url, `page-${n}`),
      }),
      problem: /list replies: more than 100 pages/,
    },
  ])('refuses $answer', async ({ paging, problem }) => {
    const ref = h.media('Talk to me');
    h.ig.seedComments(ref.platformPostId, 1);
    const adapter = h.adapter({ fetch: repliesPagedLike(paging) });
    const error = await failureOf(itemsOf(adapter, { post: ref }, h.context()), h.ig);
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'invalid_response',
      platform: 'instagram',
      message: expect.stringMatching(problem),
    });
  });
});
