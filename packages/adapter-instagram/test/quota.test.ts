import { RateLimitError, type RateLimitInfo } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  failureOf,
  HOUR,
  image,
  ROUTES,
  recordingFetch,
  START,
  useInstagram,
  video,
} from './support/harness.js';

const h = useInstagram();
const { ig, ana, bob } = h;

const post = { text: 'Quota test', media: [image()] };

describe('publishing quota (content_publishing_limit)', () => {
  it('reads the live quota before anything else and reports it as the media_publish bucket', async () => {
    ig.setQuota(ana.account.id, { used: 10, total: 50 });
    const seen: RateLimitInfo[] = [];
    await h.adapter().publish(post, h.context({ onRateLimit: (info) => seen.push(info) }));

    expect(h.calls()[0]).toBe(`GET /${ana.account.id}/content_publishing_limit?fields=quota_usage,config`);
    expect(seen).toContainEqual({ limit: 50, remaining: 40, scope: 'user', bucket: 'media_publish' });
  });

  it('refuses with RateLimitError quota_exceeded when the quota is used up, before making any container', async () => {
    ig.setQuota(ana.account.id, { used: 100, total: 100 });
    const error = await failureOf(h.adapter().publish(post, h.context()), ig);

    if (!RateLimitError.isInstance(error)) throw new Error(`expected a RateLimitError, got ${error.code}`);
    expect(error.code).toBe('quota_exceeded');
    expect(error.retryable).toBe(true);
    // The window is a rolling 24 h (quota_duration 86400; https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit): a slot is free by then.
    expect(error.resetAt).toEqual(new Date(START + DAY));
    expect(error.hint).toContain(new Date(START + DAY).toISOString());
    expect(error.message).toContain('100 of 100');
    expect(error.message).toContain(new Date(START + DAY).toISOString());
    expect(error.rateLimit).toMatchObject({ limit: 100, remaining: 0, bucket: 'media_publish' });
    // One read, nothing made, nothing published.
    expect(h.calls()).toEqual([`GET /${ana.account.id}/content_publishing_limit?fields=quota_usage,config`]);
    expect(ig.sim.posts.size).toBe(0);
  });

  it('counts each publish against the account, so the last slot goes and the next publish is refused', async () => {
    ig.setQuota(ana.account.id, { used: 24, total: 25 });
    const adapter = h.adapter();
    await adapter.publish(post, h.context());
    const error = await failureOf(adapter.publish(post, h.context()), ig);
    expect(error.code).toBe('quota_exceeded');
    expect(h.requests(ROUTES.publish)).toHaveLength(1);
    // Another account's quota is its own.
    await adapter.publish(post, h.context({}, bob));
    expect(ig.sim.posts.filter((item) => item.accountId === bob.account.id)).toHaveLength(1);
  });

  it('counts a carousel as one post', async () => {
    const seen: RateLimitInfo[] = [];
    const context = h.context({ onRateLimit: (info) => seen.push(info) });
    await h.adapter().publish({ text: 'Album', media: [image('a'), image('b'), image('c')] }, context);
    await h.adapter().publish(post, context);
    const quotas = seen.filter((info) => info.bucket === 'media_publish');
    expect(quotas.map((info) => info.remaining)).toEqual([100, 99]);
  });

  it('frees a slot once the publish that used it is 24 h old (rolling window)', async () => {
    ig.setQuota(ana.account.id, { used: 0, total: 1 });
    const adapter = h.adapter();
    await adapter.publish(post, h.context());
    h.clock.advance(DAY - HOUR);
    expect((await failureOf(adapter.publish(post, h.context()), ig)).code).toBe('quota_exceeded');
    h.clock.advance(HOUR);
    await adapter.publish(post, h.context());
    expect(ig.sim.posts.size).toBe(2);
  });

  it('turns a quota used up by someone else between the check and media_publish into quota_exceeded with a reset time', async () => {
    // Another tool publishes the account's last post while this publish waits for its reel.
    ig.setQuota(ana.account.id, { used: 99, total: 100 });
    const { fetch } = recordingFetch({
      before: (request) => {
        if (new URL(request.url).pathname.endsWith('/media_publish'))
          ig.setQuota(ana.account.id, { used: 100, total: 100 });
      },
    });
    const error = await failureOf(
      h.adapter({ fetch }).publish({ text: 'Late', media: [video()] }, h.context()),
      ig,
    );
    if (!RateLimitError.isInstance(error)) throw new Error(`expected a RateLimitError, got ${error.code}`);
    expect(error.code).toBe('quota_exceeded');
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes: 9/2207042 quota reached.
    expect(error.platformError).toMatchObject({ code: 9, subcode: 2_207_042 });
    // Asked at 30 s (the reel took that long): a slot frees within 24 h of then at the latest.
    expect(error.resetAt).toEqual(new Date(START + 30_000 + DAY));
    expect(ig.sim.posts.size).toBe(0);
  });
});
