import { PlatformError, RateLimitError, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, photo, publicOptions, ROUTES, START, useTikTok, video } from './support/harness.js';

// An app TikTok has not audited, pulling only from its verified prefix, with a 2-post daily cap.
const h = useTikTok({
  processingMs: 0,
  unaudited: true,
  verifiedUrlPrefixes: ['https://media.acme.test/'],
  dailyPostsPerCreator: 2,
});
const { tiktok } = h;
// "All user accounts using the API client to post must be set to private at the time of posting"
// (https://developers.tiktok.com/doc/content-sharing-guidelines): acme and these creators are;
// bea's account is public.
const acme = tiktok.creator(h.acme.account.id);
Object.assign(acme, { privateAccount: true, privacyLevelOptions: ['FOLLOWER_OF_CREATOR', 'SELF_ONLY'] });
const others = ['c1', 'c2', 'c3', 'c4', 'c5'].map((name) =>
  tiktok.addCreator(name, { privateAccount: true }),
);
const selfOnly = { tiktok: { privacyLevel: 'SELF_ONLY' } };

describe('the unaudited-app rules', () => {
  it('says what to do when an unaudited app posts for everyone to see', async () => {
    const everyone = tiktok.addCreator('everyone_sees');
    const error = await failureOf(
      h.adapter().publish({ media: [video()], options: publicOptions() }, h.context({}, everyone)),
      tiktok,
    );
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.platformError?.code).toBe('unaudited_client_can_only_post_to_private_accounts');
    expect(error.platformError?.traceId).toBeDefined();
    expect(error.hint).toMatch(/SELF_ONLY.*private.*audit/s);
  });

  it('refuses a SELF_ONLY post to a public account too: the account must be private', async () => {
    const error = await failureOf(
      h.adapter().publish({ media: [video()], options: selfOnly }, h.context({}, h.bea)),
      tiktok,
    );
    expect(error.platformError?.code).toBe('unaudited_client_can_only_post_to_private_accounts');
    expect(tiktok.sim.posts.size).toBe(0);
  });

  it('refuses it before any request when the adapter knows the app is unaudited', async () => {
    const error = await failureOf(
      h.adapter({ unaudited: true }).publish({ media: [video()], options: publicOptions() }, h.context()),
      tiktok,
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).problems.map((problem) => problem.rule)).toEqual([
      'options.privacy_unaudited',
    ]);
    expect(tiktok.sim.log.entries).toHaveLength(0);
  });

  it('refuses a SELF_ONLY post to a public account before the init when the adapter knows the app is unaudited', async () => {
    const error = await failureOf(
      h.adapter({ unaudited: true }).publish({ media: [video()], options: selfOnly }, h.context({}, h.bea)),
      tiktok,
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    const problems = (error as ValidationError).problems;
    expect(problems.map((problem) => problem.rule)).toEqual(['account.private_unaudited']);
    expect(problems[0]?.message).toMatch(/public.*set their account to private.*audit/s);
    // Creator info told the account is public: no init, nothing uploaded, no post.
    expect(tiktok.sim.log.forRoute(ROUTES.creatorInfo)).toHaveLength(1);
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit)).toHaveLength(0);
    expect(tiktok.upload.log.entries).toHaveLength(0);
    expect(tiktok.sim.posts.size).toBe(0);
  });

  it('refuses a SELF_ONLY photo post to a public account the same way', async () => {
    const error = await failureOf(
      h
        .adapter({ unaudited: true })
        .publish({ media: [photo('a')], options: selfOnly }, h.context({}, h.bea)),
      tiktok,
    );
    expect((error as ValidationError).problems.map((problem) => problem.rule)).toEqual([
      'account.private_unaudited',
    ]);
    expect(tiktok.sim.log.forRoute(ROUTES.contentInit)).toHaveLength(0);
  });

  it('lets 5 creators a day post, and tells the sixth to wait or get the app audited', async () => {
    const adapter = h.adapter();
    for (const creator of others)
      await adapter.publish({ media: [video()], options: selfOnly }, h.context({}, creator));
    const error = await failureOf(
      adapter.publish({ media: [video()], options: selfOnly }, h.context()),
      tiktok,
    );
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.code).toBe('quota_exceeded');
    expect(error.platformError?.code).toBe('reached_active_user_cap');
    expect(error.hint).toMatch(/audit/);
    // Creator info said so (with HTTP 200, as TikTok answers it there): no init was sent.
    expect(error.status).toBe(200);
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit)).toHaveLength(others.length);
  });

  it('stops a creator at the daily post cap until a day later', async () => {
    const adapter = h.adapter();
    const post = { media: [video()], options: selfOnly };
    await adapter.publish(post, h.context());
    await adapter.publish(post, h.context());
    const error = await failureOf(adapter.publish(post, h.context()), tiktok);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.code).toBe('quota_exceeded');
    expect(error.platformError?.code).toBe('spam_risk_too_many_posts');
    expect(error.platformError?.traceId).toBeDefined();
    expect((error as RateLimitError).resetAt).toEqual(new Date(START + 86_400_000));
    // Creator info answered the cap with HTTP 200 and the code in its envelope: no third init.
    expect(error.status).toBe(200);
    expect(tiktok.sim.log.forRoute(ROUTES.videoInit)).toHaveLength(2);
  });

  it('says how to fix a pull from an unverified URL', async () => {
    const error = await failureOf(
      h.adapter().publish(
        {
          media: [photo('x', { source: { type: 'url', url: 'https://elsewhere.test/x.jpg' } })],
          options: selfOnly,
        },
        h.context(),
      ),
      tiktok,
    );
    expect(PlatformError.isInstance(error)).toBe(true);
    expect(error.platformError?.code).toBe('url_ownership_unverified');
    expect(error.hint).toMatch(/verif/);
  });
});
