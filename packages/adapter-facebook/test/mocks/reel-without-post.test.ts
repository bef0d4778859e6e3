import type { Media } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { useFacebook } from '../support/harness.js';

// `reelPagePosts: false` plays reels that have no Page post: Meta's docs do not say whether a
// reel gets one (ASSUMED either way), and Graph's Page feed is reported to leave reels out.
const h = useFacebook({ videoProcessingMs: 20_000, reelPagePosts: false });
const reelMedia: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(1024).fill(9) },
  durationSec: 12,
  width: 1080,
  height: 1920,
  fps: 30,
};

const get = async (path: string) =>
  (await (
    await fetch(`${h.facebook.baseUrl}/v26.0/${path}`, {
      headers: { authorization: `Bearer ${h.acme.accessToken}` },
    })
  ).json()) as Record<string, unknown>;

describe('reels without a Page post (reelPagePosts: false)', () => {
  it('name no post_id and stay out of the Page feed once live', async () => {
    const { ref } = await h
      .adapter()
      .publish(
        { text: 'No post', media: [reelMedia], options: { facebook: { format: 'reel' } } },
        h.context(),
      );

    const node = await get(`${ref.platformPostId}?fields=post_id,status`);
    expect(node).not.toHaveProperty('post_id');
    expect(node).toMatchObject({ status: { publishing_phase: { status: 'complete' } } });
    expect(await get(`${h.acme.account.id}/posts`)).toMatchObject({ data: [] });
  });
});
