import { type PublicAccountQuery, TransientError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, itemsOf, ROUTES, useInstagram } from './support/harness.js';

// Instagram's own paging loops (a post's comments, the account's tags, business discovery's
// media) read page after page while Graph says more follow. Answers that would make them read
// forever fail them instead. Each fake below answers the endless paging a bounded number of times
// and then ends, so that without the bound a test finishes (and fails) rather than hangs.
const h = useInstagram();
const { ig } = h;

/** How many endless pages the fakes answer before they end the list. */
const ENDLESS = 200;

/**
 * A `fetch` that answers GETs of the edge ending in `/${edge}` with `pages` (each `[]` an empty
 * page, each other an item), every page but the last with a new cursor and a `next`, and passes
 * every other request to the simulator. Counts the edge's requests in `calls`.
 */
function pagedEdge(edge: string, pages: readonly (readonly Record<string, unknown>[])[]) {
  const calls = { count: 0 };
  const fake: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (request.method !== 'GET' || !url.pathname.endsWith(`/${edge}`)) return fetch(request);
    const index = calls.count;
    calls.count += 1;
    const data = pages[index] ?? [];
    if (index >= pages.length - 1) return Response.json({ data });
    const next = new URL(url);
    next.searchParams.set('after', `page-${index + 1}`);
    return Response.json({
      data,
      paging: { cursors: { after: `page-${index + 1}` }, next: next.toString() },
    });
  };
  return { fake, calls };
}

/** `ENDLESS` empty pages, then an empty last one. */
const emptyPagesWithoutEnd = Array.from({ length: ENDLESS + 1 }, () => []);

describe('listEngagements on empty pages that say more follow', () => {
  it("reads on through a few empty pages of a post's comments, but fails on empty pages without end", async () => {
    const ref = h.media('Talk to me');
    const comment = { id: '17900000000000001', text: 'Late but here', timestamp: '2026-11-22T11:00:00+0000' };
    const few = pagedEdge('comments', [[], [], [], [comment]]);
    const read = await itemsOf(
      h.adapter({ fetch: few.fake }),
      { post: ref, kinds: ['comment'] },
      h.context(),
    );
    expect(read.map((item) => item.text)).toEqual(['Late but here']);

    const endless = pagedEdge('comments', emptyPagesWithoutEnd);
    const error = await failureOf(
      itemsOf(h.adapter({ fetch: endless.fake }), { post: ref, kinds: ['comment'] }, h.context()),
      ig,
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'invalid_response',
      platform: 'instagram',
      message: expect.stringMatching(/^list Instagram engagements: Graph answered 21 empty pages in a row/),
    });
    expect(endless.calls.count).toBe(21);
  });

  it('fails on pages of tags that are empty without end', async () => {
    const endless = pagedEdge('tags', emptyPagesWithoutEnd);
    const error = await failureOf(
      itemsOf(h.adapter({ fetch: endless.fake }), { kinds: ['mention'] }, h.context()),
      ig,
    );
    expect(error).toMatchObject({
      code: 'invalid_response',
      message: expect.stringMatching(/^list Instagram engagements: Graph answered 21 empty pages/),
    });
    expect(endless.calls.count).toBe(21);
  });
});

describe('lookupPublicAccount on a cursor Graph hands out again', () => {
  /**
   * A `fetch` that answers every further page of business discovery's media (`media.after(…)`)
   * with the second page again, the first `ENDLESS` times, and passes everything else on.
   */
  function secondPageAgain() {
    let second: string | undefined;
    const calls = { count: 0 };
    const fake: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const fields = url.searchParams.get('fields') ?? '';
      const after = /media\.after\(([^)]*)\)/.exec(fields);
      if (after === null || calls.count >= ENDLESS) return fetch(request);
      calls.count += 1;
      second ??= after[1];
      url.searchParams.set('fields', fields.replace(after[0], `media.after(${second})`));
      return fetch(new Request(url, request));
    };
    return { fake, calls };
  }

  it('fails rather than reading the same page of media over and over', async () => {
    ig.addBusinessAccount('rivalcoffee', { posts: 120 });
    const { fake, calls } = secondPageAgain();
    const adapter = h.adapter({ fetch: fake });
    const query: PublicAccountQuery = { handle: 'rivalcoffee', limit: 120 };
    const lookup = adapter.lookupPublicAccount?.bind(adapter);
    if (lookup === undefined) throw new Error('expected lookupPublicAccount');
    const error = await failureOf(lookup(query, h.context()), ig);
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'invalid_response',
      message: expect.stringMatching(
        /^look up instagram account rivalcoffee: the platform handed out a paging cursor again/,
      ),
    });
    // The account with its first page, the second page, and the second page again, twice: the
    // first repeat is asked with a smaller limit, so its cursor is new; the second repeats it.
    expect(h.requests(ROUTES.node)).toHaveLength(4);
    expect(calls.count).toBe(3);
  });
});
