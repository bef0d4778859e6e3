import {
  AmbiguousOutcomeError,
  AuthError,
  type Media,
  PlatformError,
  RateLimitError,
  type RateLimitInfo,
  staticTokenProvider,
  TransientError,
} from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { parseMastodonRateLimit } from '../src/index.js';
import { bytes, CREATE_STATUS, failureOf, START, useMastodon } from './support/harness.js';

const h = useMastodon();
const { mastodon } = h;

/** A fetch that keeps the headers of every response it passes on. */
function recordingFetch(): { readonly fetch: typeof fetch; readonly headers: Headers[] } {
  const headers: Headers[] = [];
  return {
    headers,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      headers.push(response.headers);
      return response;
    },
  };
}

describe('refusals', () => {
  it("reports a 422 as platform_refused, keeping Mastodon's message", async () => {
    // The adapter is told of a longer limit than the server has, so the server refuses the status.
    const error = await failureOf(
      h.adapter({ maxCharacters: 1000 }).publish({ text: 'a'.repeat(600) }, h.context()),
      mastodon,
    );
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('platform_refused');
    expect(error.status).toBe(422);
    expect(error.retryable).toBe(false);
    expect(error.platformError?.message).toBe('Validation failed: Text character limit of 500 exceeded');
    expect(error.message).toContain('Validation failed: Text character limit of 500 exceeded');
    expect(mastodon.sim.posts.size).toBe(0);
  });

  it('reports deleting a status that is gone as not_found', async () => {
    const adapter = h.adapter();
    const ctx = h.context();
    const { ref } = await adapter.publish({ text: 'Bye' }, ctx);
    await adapter.delete(ref, ctx);
    const error = await failureOf(adapter.delete(ref, ctx), mastodon);
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.platformError?.message).toBe('Record not found');
  });

  it("reports deleting someone else's status as not_found and leaves it in place", async () => {
    const adapter = h.adapter();
    const { ref } = await adapter.publish({ text: "Bob's" }, h.context({}, h.bob));
    const error = await failureOf(adapter.delete(ref, h.context()), mastodon);
    expect(error.code).toBe('not_found');
    expect(mastodon.sim.posts.get(ref.platformPostId)).toBeDefined();
  });

  it('reports a reply to a status that does not exist as not_found', async () => {
    const ref = { platform: 'mastodon', accountId: h.ana.account.id, platformPostId: '999999' };
    const error = await failureOf(h.adapter().reply(ref, 'Hello?', h.context()), mastodon);
    expect(error.code).toBe('not_found');
    expect(error.platformError?.message).toBe(
      'The post you are trying to reply to does not appear to exist.',
    );
  });
});

describe('rate limits', () => {
  it('reports a 429 as a RateLimitError whose resetAt is X-RateLimit-Reset', async () => {
    // Deletions have their own budget (api/rate-limits); here one per 30 minutes.
    mastodon.sim.limiter.setBudget('delete', { limit: 1, windowMs: 30 * 60_000, kind: 'fixed' });
    const recorder = recordingFetch();
    const adapter = h.adapter({ fetch: recorder.fetch });
    const seen: RateLimitInfo[] = [];
    const ctx = h.context({ onRateLimit: (info) => seen.push(info) });
    const first = await adapter.publish({ text: 'one' }, ctx);
    const second = await adapter.publish({ text: 'two' }, ctx);
    h.clock.advance(10 * 60_000);
    await adapter.delete(first.ref, ctx);

    const error = await failureOf(adapter.delete(second.ref, ctx), mastodon);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.code).toBe('rate_limited');
    expect(error.retryable).toBe(true);
    expect(error.platformError?.message).toBe('Too many requests');
    const reset = recorder.headers.at(-1)?.get('x-ratelimit-reset');
    expect(reset).toBe('2026-11-22T12:40:00.000000Z');
    expect((error as RateLimitError).resetAt).toEqual(new Date(Date.parse('2026-11-22T12:40:00Z')));
    expect(error.rateLimit).toEqual({ limit: 1, remaining: 0, resetAt: new Date(START + 40 * 60_000) });
    // The refusal's state reaches the listener too, so a scheduler can wait for the reset.
    expect(seen.at(-1)).toEqual(error.rateLimit);
    expect(mastodon.sim.posts.get(second.ref.platformPostId)).toBeDefined();
  });

  it('hands the rate-limit state of every response to ctx.onRateLimit, as the headers say', async () => {
    const recorder = recordingFetch();
    const seen: RateLimitInfo[] = [];
    const image: Media = { kind: 'image', mimeType: 'image/png', source: bytes() };
    const adapter = h.adapter({ fetch: recorder.fetch });
    const ctx = h.context({ onRateLimit: (info) => seen.push(info) });

    const result = await adapter.publish({ text: 'Look', media: [image], firstComment: 'c' }, ctx);
    h.clock.advance(60_000);
    await adapter.getPostMetrics([result.ref], ctx);

    expect(recorder.headers).toHaveLength(4);
    expect(seen).toEqual(recorder.headers.map((headers) => parseMastodonRateLimit(headers, START)));
    expect(seen).toEqual([
      // media: 30 per 30 minutes; everything else: 300 per 5 minutes.
      { limit: 30, remaining: 29, resetAt: new Date(START + 30 * 60_000) },
      { limit: 300, remaining: 299, resetAt: new Date(START + 5 * 60_000) },
      { limit: 300, remaining: 298, resetAt: new Date(START + 5 * 60_000) },
      { limit: 300, remaining: 297, resetAt: new Date(START + 5 * 60_000) },
    ]);
  });

  it('reads X-RateLimit-Reset as an ISO 8601 timestamp with microseconds', () => {
    const headers = new Headers({
      'X-RateLimit-Limit': '300',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '2026-11-22T12:05:00.123456Z',
    });
    expect(parseMastodonRateLimit(headers, START)).toEqual({
      limit: 300,
      remaining: 0,
      resetAt: new Date('2026-11-22T12:05:00.123Z'),
    });
    expect(parseMastodonRateLimit(new Headers(), START)).toBeUndefined();
    // Neither a count nor a timestamp: nothing usable.
    expect(
      parseMastodonRateLimit(new Headers({ 'X-RateLimit-Reset': 'soon', 'X-RateLimit-Limit': 'x' }), START),
    ).toBeUndefined();
  });
});

describe('tokens', () => {
  it('reports a revoked token as auth_revoked, not retryable, and posts nothing', async () => {
    const { accessToken } = mastodon.sim.tokens.issue(h.ana.account.id);
    mastodon.sim.tokens.revoke({ accessToken });
    const error = await failureOf(
      h.adapter().publish({ text: 'Hello' }, h.context({ tokens: staticTokenProvider(accessToken) })),
      mastodon,
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_revoked');
    expect(error.retryable).toBe(false);
    expect(error.platformError?.message).toBe('The access token was revoked');
    expect(mastodon.sim.posts.size).toBe(0);
  });

  it('reports an unknown token as auth_revoked too: Mastodon tokens never expire', async () => {
    const error = await failureOf(
      h.adapter().getAccountMetrics(h.context({ tokens: staticTokenProvider('not-a-token') })),
      mastodon,
    );
    expect(error.code).toBe('auth_revoked');
    expect(error.platformError?.message).toBe('The access token is invalid');
    expect(String(error)).not.toContain('not-a-token');
  });
});

describe('lost and unreadable answers', () => {
  it('reports an unreadable answer to a create as an ambiguous outcome; the status exists', async () => {
    mastodon.sim.faults.inject({ kind: 'malformed_body', route: CREATE_STATUS });
    const error = await failureOf(h.adapter().publish({ text: 'Garbled' }, h.context()), mastodon);
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    expect(error.code).toBe('ambiguous_outcome');
    expect(mastodon.sim.posts.filter().map((post) => post.text)).toEqual(['Garbled']);
  });

  it('reports a 503 on a create as an ambiguous outcome that keeps Mastodon’s message', async () => {
    mastodon.sim.faults.inject({ kind: 'server_error', route: CREATE_STATUS });
    const error = await failureOf(h.adapter().publish({ text: 'Down' }, h.context()), mastodon);
    expect(AmbiguousOutcomeError.isInstance(error)).toBe(true);
    expect(error.status).toBe(503);
    expect(error.platformError?.message).toBe(
      'There was a temporary problem serving your request, please try again',
    );
  });

  it('reports an unreadable answer to a read as a retryable invalid_response', async () => {
    const adapter = h.adapter();
    const ctx = h.context();
    const { ref } = await adapter.publish({ text: 'Hello' }, ctx);
    mastodon.sim.faults.inject({ kind: 'malformed_body', route: 'GET /api/v1/statuses/:id' });
    const error = await failureOf(adapter.getPostMetrics([ref], ctx), mastodon);
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error.code).toBe('invalid_response');
    expect(error.retryable).toBe(true);
  });

  it('reports a dropped connection on a read as retryable', async () => {
    mastodon.sim.faults.inject({ kind: 'network_error' });
    const error = await failureOf(h.adapter().getAccountMetrics(h.context()), mastodon);
    expect(error.retryable).toBe(true);
  });
});
