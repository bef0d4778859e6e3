import { PlatformError, ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { failureOf, photo, publicOptions, ROUTES, START, useTikTok, video } from './support/harness.js';

// TikTok moderates posts before they are public: here an hour after processing.
const h = useTikTok({ processingMs: 2000, moderationMs: 3_600_000 });
const { tiktok, acme } = h;

describe('a post published while TikTok moderates it', () => {
  it('comes back published with its publish id, a public_id_pending warning and no URL', async () => {
    const result = await h
      .adapter()
      .publish({ text: 'Moderated', media: [video()], options: publicOptions() }, h.context());
    const [body] = tiktok.sim.log.bodies(ROUTES.status);
    const publishId = body?.publish_id as string;
    expect(publishId).toMatch(/^v_pub_file~/);
    expect(result.ref).toEqual({ platform: 'tiktok', accountId: acme.account.id, platformPostId: publishId });
    expect(result.url).toBeUndefined();
    expect(result.publishedAt).toEqual(new Date(START + 2000));
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'public_id_pending',
        message: expect.stringMatching(/getPublishStatus/),
      }),
    ]);
  });

  it('can be looked up later: the public post once moderation is over', async () => {
    const adapter = h.adapter();
    const result = await adapter.publish(
      { title: 'Trip', text: 'Day one', media: [photo('a'), photo('b')], options: publicOptions() },
      h.context(),
    );
    const before = await adapter.getPublishStatus(result.ref, h.context());
    expect(before).toMatchObject({ status: 'PUBLISH_COMPLETE', publicPostIds: [] });
    expect(before.ref).toBeUndefined();

    h.clock.advance(3_600_000);
    const after = await adapter.getPublishStatus(result.ref, h.context());
    const postId = tiktok.publication(result.ref.platformPostId)?.postId ?? '';
    expect(after.publicPostIds).toEqual([postId]);
    expect(after.ref).toEqual({
      platform: 'tiktok',
      accountId: acme.account.id,
      platformPostId: postId,
      url: `https://www.tiktok.com/@acme/video/${postId}`,
    });
  });

  it('refuses to look up a public post id (it has no publish status)', async () => {
    const error = await failureOf(h.adapter().getPublishStatus('7430000000000000001', h.context()), tiktok);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(tiktok.sim.log.entries).toHaveLength(0);
  });

  it("says what TikTok's status and cancel refusals mean: no such publish, another creator's, already final", async () => {
    const adapter = h.adapter();
    const unknown = await failureOf(adapter.getPublishStatus('v_pub_file~v2-1.999', h.context()), tiktok);
    expect(PlatformError.isInstance(unknown)).toBe(true);
    expect(unknown.code).toBe('not_found');
    expect(unknown.status).toBe(400);
    expect(unknown.platformError?.code).toBe('invalid_publish_id');

    const result = await adapter.publish(
      { text: 'Mine', media: [video()], options: publicOptions() },
      h.context(),
    );
    const theirs = await failureOf(adapter.getPublishStatus(result.ref, h.context({}, h.bea)), tiktok);
    expect(theirs.code).toBe('platform_refused');
    expect(theirs.platformError?.code).toBe('token_not_authorized_for_specified_publish_id');
    expect(theirs.hint).toMatch(/creator who published it/);

    const final = await failureOf(adapter.cancelPublish(result.ref, h.context()), tiktok);
    expect(final.code).toBe('platform_refused');
    expect(final.platformError?.code).toBe('publish_not_cancellable');
    expect(final.hint).toMatch(/can no longer be cancelled/);
  });

  it('reads its metrics once public, under the reference the app kept', async () => {
    const adapter = h.adapter();
    const result = await adapter.publish(
      { text: 'Counted', media: [video()], options: publicOptions() },
      h.context(),
    );
    expect(await adapter.getPostMetrics([result.ref], h.context())).toEqual([]);
    h.clock.advance(3 * 3_600_000);
    const samples = await adapter.getPostMetrics([result.ref], h.context());
    expect(samples.map((sample) => [sample.metric, sample.platformPostId])).toEqual([
      ['video_views', result.ref.platformPostId],
      ['likes', result.ref.platformPostId],
      ['comments', result.ref.platformPostId],
      ['shares', result.ref.platformPostId],
    ]);
  });
});
