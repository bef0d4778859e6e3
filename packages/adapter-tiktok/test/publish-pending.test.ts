import { ValidationError } from '@smmkit/core';
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
