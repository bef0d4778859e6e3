import { TransientError } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { START, useFacebook } from './support/harness.js';

// findRecentPosts reads every page of /scheduled_posts (the lost create may be on any). A Graph
// answer whose `after` cursor comes back again would make that loop forever: it is refused, so
// the reconciliation stays unknown instead of concluding the post is missing.
const h = useFacebook();

describe('findRecentPosts over the scheduled posts', () => {
  it('refuses a cursor that comes back, instead of reading forever', async () => {
    const looping: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (!url.pathname.endsWith('/scheduled_posts')) return fetch(input, init);
      const next = new URL(url);
      next.searchParams.set('after', 'c2ltOjE');
      return Response.json({ data: [], paging: { cursors: { before: 'c2ltOjE', after: 'c2ltOjE' }, next } });
    };
    const adapter = h.adapter({ fetch: looping });
    const error = await failureOf(
      adapter.findRecentPosts({ since: new Date(START) }, h.context()),
      h.facebook,
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'invalid_response',
      message: expect.stringMatching(/repeated a paging cursor/),
    });
  });
});
