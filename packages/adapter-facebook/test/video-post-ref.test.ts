import type { Media } from '@smmkit/core';
import { allPages } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { createFacebookAdapter } from '../src/index.js';
import { hostedVideo, START, useFacebook, videoIdOf, videoPostIdOf } from './support/harness.js';

// Graph names a video's Page post by its Post id wherever it lists or notifies about it (the
// Page's posts, the `feed` webhook's `post_id`), so the ref a video publish returns must be that
// id for an inbox item or a reconciled publish to point at the same post.
const h = useFacebook({ videoProcessingMs: 20_000 });
const SECRET = 'meta-app-secret-for-webhooks';
const reel: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(1024).fill(9) },
  durationSec: 12,
  width: 1080,
  height: 1920,
  fps: 30,
};

/** A video published now, and the video id Facebook gave it. */
async function publishedVideo(media: Media = hostedVideo(), format?: 'reel') {
  const result = await h.adapter().publish(
    {
      text: 'Doors open',
      media: [media],
      ...(format === undefined ? {} : { options: { facebook: { format } } }),
    },
    h.context(),
  );
  return { result, videoId: videoIdOf(h.facebook, result.ref) };
}

describe("a published video's ref", () => {
  it('is its Page post id, as the Video node names it, and the Page-wide inbox points at it', async () => {
    const { result, videoId } = await publishedVideo();
    expect(result.ref.platformPostId).toBe(await videoPostIdOf(h.facebook, h.acme.accessToken, videoId));
    expect(result.ref.platformPostId).not.toBe(videoId);
    const [comment] = h.facebook.seedComments(videoId, 1);

    const pages = await allPages(h.adapter().listEngagements({}, h.context()));

    const item = pages.flatMap((page) => page.items).find((engagement) => engagement.id === comment?.id);
    expect(item?.postRef?.platformPostId).toBe(result.ref.platformPostId);
  });

  it('is what a comment webhook on the video, or on a reel, points at', async () => {
    const { webhooks } = createFacebookAdapter({ baseUrl: h.facebook.baseUrl, appSecret: SECRET });
    for (const format of [undefined, 'reel'] as const) {
      const { result, videoId } = await publishedVideo(format === 'reel' ? reel : hostedVideo(), format);
      const [comment] = h.facebook.seedComments(videoId, 1);

      const parsed = webhooks?.parse(await h.facebook.signedWebhook(comment?.id ?? '', SECRET)) ?? [];

      expect(parsed.map((engagement) => engagement.postRef?.platformPostId)).toEqual([
        result.ref.platformPostId,
      ]);
      h.facebook.sim.posts.delete(videoId);
    }
  });

  it('is the one a lost publish is reconciled to, and reads metrics, takes comments and deletes', async () => {
    const { result } = await publishedVideo();
    const recent = await h.adapter().findRecentPosts({ since: new Date(START) }, h.context());
    expect(recent.map((post) => post.ref.platformPostId)).toEqual([result.ref.platformPostId]);

    const adapter = h.adapter();
    h.clock.advance(3_600_000);
    const samples = await adapter.getPostMetrics([result.ref], h.context());
    expect(samples.map((sample) => sample.metric)).toContain('comments');
    await adapter.delete(result.ref, h.context());
    expect(await h.adapter().findRecentPosts({ since: new Date(START) }, h.context())).toEqual([]);
  });
});
