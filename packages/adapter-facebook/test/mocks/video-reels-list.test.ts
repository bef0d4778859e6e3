import type { Media } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { START, useFacebook } from '../support/harness.js';

// Meta lists a Page's reels under `video_reels` only: "This endpoint does not return Reels. To get
// a list of Reels published to your Page, use the Page VideoReels edge"
// (https://developers.facebook.com/docs/graph-api/reference/pagepost/, Limitations). The edge
// returns Video nodes and takes `since` (facebook-business-sdk-codegen api_specs/specs/Page.json).
const h = useFacebook({ videoProcessingMs: 20_000 });
const reelMedia: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(1024).fill(7) },
  durationSec: 12,
  width: 1080,
  height: 1920,
  fps: 30,
};

const get = async (path: string) => {
  const response = await fetch(`${h.facebook.baseUrl}/v26.0/${path}`, {
    headers: { authorization: `Bearer ${h.acme.accessToken}` },
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>[] } };
};

/** Publishes a reel and a text post on acme; the reel's video id. */
async function reelAndTextPost(): Promise<string> {
  const adapter = h.adapter();
  await adapter.publish(
    { text: 'Reel night', media: [reelMedia], options: { facebook: { format: 'reel' } } },
    h.context(),
  );
  await adapter.publish({ text: 'A text post' }, h.context());
  const [reel] = h.facebook.sim.posts.filter((post) => post.extra.kind === 'reel');
  return String(reel?.extra.videoId);
}

describe("a Page's reels in the simulator", () => {
  it('are never in the Page’s posts, even with a Page post of their own', async () => {
    await reelAndTextPost();

    const { body } = await get(`${h.acme.account.id}/posts?fields=id,message`);

    expect(body.data?.map((post) => post.message)).toEqual(['A text post']);
  });

  it('are listed by video_reels as Video nodes, with the fields asked for', async () => {
    const videoId = await reelAndTextPost();
    const since = Math.floor(START / 1000);

    const { status, body } = await get(
      `${h.acme.account.id}/video_reels?fields=id,description,created_time,permalink_url,post_id&since=${since}`,
    );

    expect(status).toBe(200);
    expect(body.data).toEqual([
      {
        id: videoId,
        description: 'Reel night',
        created_time: expect.stringMatching(/^2026-12-04T12:00:\d\d\+0000$/),
        permalink_url: `/reel/${videoId}/`,
        post_id: `${h.acme.account.id}_${videoId}`,
      },
    ]);
    const later = Math.floor(h.clock.now() / 1000) + 60;
    expect((await get(`${h.acme.account.id}/video_reels?since=${later}`)).body.data).toEqual([]);
  });
});
