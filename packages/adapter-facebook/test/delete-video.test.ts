import type { Media } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { hostedVideo, useFacebook, videoIdOf } from './support/harness.js';

const h = useFacebook({ videoProcessingMs: 20_000 });
const reel: Media = {
  kind: 'video',
  mimeType: 'video/mp4',
  source: { type: 'bytes', bytes: new Uint8Array(1024).fill(9) },
  durationSec: 12,
  width: 1080,
  height: 1920,
  fps: 30,
};

/** The adapter, with the path of each DELETE it sends kept in `deletes`. */
function recordingAdapter() {
  const deletes: string[] = [];
  const adapter = h.adapter({
    fetch: async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'DELETE') deletes.push(new URL(request.url).pathname);
      return fetch(request);
    },
  });
  return { adapter, deletes };
}

describe('delete', () => {
  it('deletes a published video or reel by its video id (the documented Video delete), any other post by its post id', async () => {
    const publish = h.adapter();
    const { ref: video } = await publish.publish({ text: 'Doors open', media: [hostedVideo()] }, h.context());
    const { ref: short } = await publish.publish(
      { text: 'A reel', media: [reel], options: { facebook: { format: 'reel' } } },
      h.context(),
    );
    const { ref: text } = await publish.publish({ text: 'Short-lived' }, h.context());
    const { ref: found } = await publish.publish({ text: 'A clip', media: [hostedVideo()] }, h.context());
    // A video's ref without its permalink (reconciled, from a webhook), and one on another host.
    const reconciled = { ...found, url: `https://www.facebook.com/${found.platformPostId}` };
    const foreign = { ...text, url: 'https://example.com/acme/videos/123/' };
    const videoIds = [videoIdOf(h.facebook, video), videoIdOf(h.facebook, short)];
    expect(videoIds).not.toContain(video.platformPostId);
    const { adapter, deletes } = recordingAdapter();

    for (const ref of [video, short, foreign, reconciled]) await adapter.delete(ref, h.context());

    expect(deletes).toEqual([
      `/v26.0/${videoIds[0]}`,
      `/v26.0/${videoIds[1]}`,
      `/v26.0/${text.platformPostId}`,
      `/v26.0/${found.platformPostId}`,
    ]);
    expect(await h.adapter().findRecentPosts({ since: new Date(0) }, h.context())).toEqual([]);
  });
});
