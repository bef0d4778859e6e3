import { staticTokenProvider, TransientError } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { START, useFacebook } from './support/harness.js';

// findRecentPosts reads every page of /scheduled_posts (the lost create may be on any). An answer
// that would make that read go on forever, or stop short, is refused, so the reconciliation stays
// unknown instead of concluding from part of the list that the post is missing.
const h = useFacebook();
const MINUTE = 60_000;

/** A `fetch` that answers /scheduled_posts with an empty page whose `paging` comes from `paging(n)` (n = 1, 2, …). */
function scheduledPagesLike(paging: (n: number, url: URL) => Record<string, unknown>): typeof fetch {
  let n = 0;
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (!url.pathname.endsWith('/scheduled_posts')) return fetch(input, init);
    n += 1;
    return Response.json({ data: [], paging: paging(n, url) });
  };
}

const withNext = (url: URL, after: string) => {
  const next = new URL(url);
  next.searchParams.set('after', after);
  return next.toString();
};

describe('findRecentPosts over the scheduled posts', () => {
  it.each([
    {
      answer: 'a cursor that comes back',
      paging: (_: number, url: URL) => ({ cursors: { after: 'c2ltOjE' }, next: withNext(url, 'c2ltOjE') }),
      problem: /repeated a paging cursor/,
    },
    {
      answer: 'a next page without a cursor',
      paging: (_: number, url: URL) => ({ next: withNext(url, 'lost') }),
      problem: /more follow but gives no cursor/,
    },
    {
      answer: 'new cursors without end',
      paging: (n: number, url: URL) => ({
        cursors: { after: `page-${n}` },
        next: withNext(url, `page-${n}`),
      }),
      problem: /more than 50 pages/,
    },
  ])('refuses $answer', async ({ paging, problem }) => {
    const adapter = h.adapter({ fetch: scheduledPagesLike(paging) });
    const error = await failureOf(adapter.findRecentPosts({ since: new Date(START) }, h.context()), {
      secrets: () => h.facebook.sim.tokens.allIssued(),
    });
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_response', message: expect.stringMatching(problem) });
  });

  it('leaves a lost scheduled create unknown, never sent twice, when the scheduled posts cannot all be read', async () => {
    h.facebook.sim.faults.inject({ kind: 'accepted_then_lost', route: 'POST /:version/:pageId/feed' });
    const looping = scheduledPagesLike((_, url) => ({
      cursors: { after: 'c2ltOjE' },
      next: withNext(url, 'c2ltOjE'),
    }));
    const publisher = createPublisher({
      adapters: [h.adapter({ fetch: looping })],
      tokens: () => staticTokenProvider(h.acme.accessToken),
      clock: h.adapterClock,
    });
    const [outcome] = await publisher.publish(
      { text: 'Tomorrow at nine' },
      [{ platform: 'facebook', accountId: h.acme.account.id }],
      { scheduledFor: new Date(START + 24 * 60 * MINUTE) },
    );
    expect(outcome?.status).toBe('unknown');
    expect(h.facebook.sim.log.forRoute('POST /:version/:pageId/feed')).toHaveLength(1);
  });
});
