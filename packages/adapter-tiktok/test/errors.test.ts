import { inspect } from 'node:util';
import { AuthError, PlatformError, RateLimitError, TransientError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, photo, publicOptions, ROUTES, START, useTikTok, video } from './support/harness.js';

const h = useTikTok({ processingMs: 0 });
const { tiktok, acme } = h;

const LOG_ID = /^\d{14}[0-9A-F]{20}$/;

describe("TikTok's errors", () => {
  it('reports a seventh video init in a minute as rate_limit_exceeded, reset a minute later', async () => {
    const adapter = h.adapter();
    const post = { text: 'Again', media: [video()], options: publicOptions() };
    for (let n = 0; n < 6; n += 1) await adapter.publish(post, h.context());
    const error = await failureOf(adapter.publish(post, h.context()), tiktok);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.code).toBe('rate_limited');
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + 60_000));
    expect(error.platformError).toMatchObject({
      code: 'rate_limit_exceeded',
      traceId: expect.stringMatching(LOG_ID),
    });
  });

  it('reports privacy_level_option_mismatch when the creator changed their options after creator info', async () => {
    const creator = tiktok.creator(acme.account.id);
    const before = creator.privacyLevelOptions;
    try {
      const error = await failureOf(
        h.adapter().publish(
          { media: [photo('a')], options: publicOptions() },
          h.context({
            onProgress: ({ stage }) => {
              if (stage === 'publish') creator.privacyLevelOptions = ['SELF_ONLY'];
            },
          }),
        ),
        tiktok,
      );
      expect(PlatformError.isInstance(error)).toBe(true);
      expect(error.status).toBe(403);
      expect(error.platformError?.code).toBe('privacy_level_option_mismatch');
      expect(error.hint).toMatch(/privacy_level_options/);
    } finally {
      creator.privacyLevelOptions = before;
    }
  });

  it('reports a token without the scope as auth_missing_scope naming it', async () => {
    const limited = tiktok.addCreator('limited', { scopes: ['user.info.basic'] });
    const error = await failureOf(
      h.adapter().publish({ media: [video()], options: publicOptions() }, h.context({}, limited)),
      tiktok,
    );
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe('auth_missing_scope');
    expect(error.message).toMatch(/needs video\.publish/);
  });

  it('reports an expired token it cannot refresh as auth_expired, a 5xx as retryable', async () => {
    tiktok.sim.faults.inject({ kind: 'expired_token', route: ROUTES.creatorInfo });
    const expired = await failureOf(
      h.adapter().publish({ media: [video()], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(expired.code).toBe('auth_expired');
    expect(expired.platformError?.code).toBe('access_token_invalid');

    tiktok.sim.faults.inject({ kind: 'server_error', route: ROUTES.userInfo });
    const server = await failureOf(h.adapter().getAccountMetrics(h.context()), tiktok);
    expect(TransientError.isInstance(server)).toBe(true);
    expect(server.platformError?.code).toBe('internal_error');
  });

  it('keeps a token provider’s own error, which may quote the token, out of print when the upload reads the token', async () => {
    let reads = 0;
    const thrown = new Error(`deadlock while reading row (access_token)=(${acme.accessToken})`);
    const tokens = {
      getAccessToken: async () => {
        reads += 1;
        // Creator info and the init read it first; the upload is the third read.
        if (reads < 3) return acme.accessToken;
        throw thrown;
      },
    };
    const error = await failureOf(
      h.adapter().publish({ media: [video()], options: publicOptions() }, h.context({ tokens })),
      tiktok,
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'upload video chunk was not sent: the token provider failed (it threw an Error).',
    );
    expect(error.cause).toBe(thrown);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(acme.accessToken);
  });

  it('says an upload URL expired mid-upload (403) is retryable by publishing again, nothing published', async () => {
    // The second chunk leaves after the upload URL's hour.
    let puts = 0;
    const slow: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'PUT' && ++puts === 2) h.clock.advance(3_600_001);
      return fetch(request);
    };
    const error = await failureOf(
      h
        .adapter({ fetch: slow, chunkSizeBytes: 5 * 1024 * 1024 })
        .publish({ media: [video(11 * 1024 * 1024)], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/has expired: it is valid for one hour after the init/);
    expect(error.message).toMatch(/nothing was published/);
    expect(error.hint).toMatch(/Publish the post again/);
    expect(tiktok.sim.posts.size).toBe(0);
  });

  it('keeps the creator’s token out of an upload error, though the signed upload URL is sent without it', async () => {
    // A proxy in front of the upload host that quotes the creator's token back: the token never
    // goes to that host, but it must not reach the error either.
    const echoing: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method !== 'PUT') return fetch(request);
      const [token] = tiktok.sim.tokens.allIssued();
      return new Response(`Bad gateway for Bearer ${token}`, {
        status: 400,
        headers: { 'Content-Type': 'text/plain' },
      });
    };
    const error = await failureOf(
      h.adapter({ fetch: echoing }).publish({ media: [video()], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(error.message).toContain('[REDACTED]');
  });
});
