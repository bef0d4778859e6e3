import { AmbiguousOutcomeError } from '@smmkit/core';
import { failureOf } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { useFacebook } from './support/harness.js';

const h = useFacebook();

/**
 * A fetch that lets Facebook make the post and then answers Graph's code `code` with HTTP 400, as
 * Meta's "API Unknown" (1) and "API Service" (2) failures come
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
const failingAfterCreate =
  (code: 1 | 2): typeof fetch =>
  async (input, init) => {
    const request = new Request(input, init);
    const answer = await fetch(request);
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/feed')) return answer;
    return Response.json(
      { error: { type: 'OAuthException', code, message: 'An unknown error occurred', fbtrace_id: 'Atrace' } },
      { status: 400 },
    );
  };

describe('a Page post whose create fails on Meta’s side (codes 1 and 2)', () => {
  for (const code of [1, 2] as const) {
    it(`is ambiguous for code ${code}, and reconciliation finds the post it made`, async () => {
      const since = new Date(h.clock.now());
      const adapter = h.adapter({ fetch: failingAfterCreate(code) });

      const error = await failureOf(adapter.publish({ text: `Made once (${code})` }, h.context()));

      expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
      expect(error.retryable).toBe(false);
      const found = await h.adapter().findRecentPosts({ since, text: `Made once (${code})` }, h.context());
      const made = h.facebook.sim.posts.filter((post) => post.text === `Made once (${code})`);
      expect(made).toHaveLength(1);
      expect(found.map((post) => post.ref.platformPostId)).toEqual([made[0]?.id]);
    });
  }
});
